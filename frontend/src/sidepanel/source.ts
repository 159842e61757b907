// Where a user came from: the tracked link whose click brought them (a touch). A session
// carries the touch that opened it as `link`; the user's profile keeps `source.first` (their
// first touch ever) and `source.last` (the latest).
import type { LinkTouch, UserSource } from "../api/types";
import { t } from "../i18n";
import { dateTime } from "../lib/format";

/** A touch as label and value lines: the link, channel, UTM values (in their usual order), when. */
export function touchRows(touch: LinkTouch): [string, string][] {
  const rows: [string, string][] = [[t("source.link"), touch.name ? `${touch.name} (${touch.code})` : touch.code]];
  if (touch.channel) rows.push([t("source.channel"), touch.channel]);
  for (const [field, value] of Object.entries(touch.utm ?? {}).sort(([a], [b]) => utmOrder(a) - utmOrder(b))) {
    if (value) rows.push([field, value]);
  }
  const at = touch.touched_at ?? touch.clicked_at;
  if (at) rows.push([t("source.at"), dateTime(at)]);
  return rows;
}

const UTM_ORDER = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"];

function utmOrder(field: string): number {
  const i = UTM_ORDER.indexOf(field);
  return i < 0 ? UTM_ORDER.length : i;
}

/** The same click (a session's touch is usually the profile's latest). */
export function sameTouch(a: LinkTouch | null | undefined, b: LinkTouch | null | undefined): boolean {
  return Boolean(a && b && a.code === b.code && (a.touched_at ?? a.clicked_at) === (b.touched_at ?? b.clicked_at));
}

/** What the panel lists: the session's touch (under the section's own heading: no title), then
 *  the profile's first and latest touches that are not that same click, each with its title. */
export function touchesToShow(sessionTouch: LinkTouch | null | undefined, source: UserSource | null | undefined): { title: string; touch: LinkTouch }[] {
  const shown: { title: string; touch: LinkTouch }[] = [];
  if (sessionTouch) shown.push({ title: "", touch: sessionTouch });
  const { first, last } = source ?? {};
  if (first && !sameTouch(first, sessionTouch)) shown.push({ title: t("source.firstTouch"), touch: first });
  if (last && !sameTouch(last, sessionTouch) && !sameTouch(last, first)) shown.push({ title: t("source.latestTouch"), touch: last });
  return shown;
}
