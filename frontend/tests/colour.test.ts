import { luminance, textOn } from "../src/lib/colour";

describe("text on a tag's colour", () => {
  it("is black on light colours and white on dark ones", () => {
    expect(textOn("#f5a623")).toBe("#000000"); // amber: white on it is 2:1
    expect(textOn("#ffffff")).toBe("#000000");
    expect(textOn("#2563eb")).toBe("#ffffff");
    expect(textOn("#b91c1c")).toBe("#ffffff");
    expect(textOn("#000000")).toBe("#ffffff");
  });

  it("keeps white for anything that is not #rrggbb", () => {
    expect(luminance("red")).toBeNull();
    expect(textOn("")).toBe("#ffffff");
  });
});
