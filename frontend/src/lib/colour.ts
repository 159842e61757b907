// Text on a background of the user's choosing (a tag's colour): black or white, whichever
// contrasts more, by the WCAG relative luminance.

function channel(hex: string): number {
  const c = parseInt(hex, 16) / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** The WCAG relative luminance of a `#rrggbb` colour (0 black … 1 white); null if not one. */
export function luminance(colour: string): number | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour.trim());
  if (!m) return null;
  return 0.2126 * channel(m[1]) + 0.7152 * channel(m[2]) + 0.0722 * channel(m[3]);
}

/** "#000000" or "#ffffff", whichever reads better on `background` (white if unknown). */
export function textOn(background: string): string {
  const l = luminance(background);
  if (l === null) return "#ffffff";
  // Contrast with black is (l + 0.05) / 0.05, with white 1.05 / (l + 0.05): equal at l ≈ 0.179.
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
}
