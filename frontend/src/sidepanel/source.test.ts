import { render } from "@testing-library/preact";
import { h } from "preact";
import { setLang } from "../i18n";
import { Source } from "./Source";
import type { LinkTouch } from "../api/types";
import { touchesToShow, touchRows } from "./source";

const SPRING: LinkTouch = { code: "spring", name: "Spring sale", channel: "google-ads", utm: { utm_campaign: "spring", utm_source: "google" }, clicked_at: 1, touched_at: 2 };
const EARLIER: LinkTouch = { code: "tg1", channel: "tg-group", touched_at: 1 };

beforeEach(() => setLang("en"));

describe("a session's source", () => {
  it("names the link, its channel and UTM values in their usual order", () => {
    const rows = touchRows(SPRING).map(([k, v]) => `${k}=${v}`);
    expect(rows.slice(0, 4)).toEqual(["Link=Spring sale (spring)", "Channel=google-ads", "utm_source=google", "utm_campaign=spring"]);
    expect(rows[4]).toMatch(/^Clicked=/);
  });

  it("shows the profile's first and latest touches only where they are another click", () => {
    expect(touchesToShow(SPRING, { first: EARLIER, last: SPRING }).map((s) => s.title)).toEqual(["", "First touch"]);
    expect(touchesToShow(null, { first: EARLIER, last: SPRING }).map((s) => s.title)).toEqual(["First touch", "Latest touch"]);
    expect(touchesToShow(null, { first: SPRING, last: SPRING })).toHaveLength(1);
  });

  it("renders the values as text, and nothing without a tracked link", () => {
    const hostile = { ...SPRING, name: "<img src=x onerror=alert(1)>" };
    const page = render(h(Source, { sessionTouch: hostile }));
    expect(page.container.querySelector("img")).toBeNull();
    expect(page.getByText(/<img src=x/)).toBeTruthy();
    page.rerender(h(Source, { sessionTouch: null }));
    expect(page.container.querySelector("section")).toBeNull();
  });
});
