// The QR code of a short URL, drawn as one SVG path. The encoder (qrcode-generator) is imported
// only when a code is shown, so it stays out of the console's first load.
import { useEffect, useState } from "preact/hooks";
import { saveAs } from "../admin/download";
import { t } from "../i18n";

/** Quiet zone around the code, in modules (the standard asks for 4). */
const MARGIN = 4;

export interface QrMatrix {
  size: number;
  /** One SVG path drawing every dark module as a unit square, offset by the margin. */
  path: string;
}

export async function qrMatrix(text: string): Promise<QrMatrix> {
  const { default: qrcode } = await import("qrcode-generator");
  const code = qrcode(0, "M"); // the smallest version that holds the text; 15 % recovery
  code.addData(text, "Byte");
  code.make();
  const count = code.getModuleCount();
  let d = "";
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (code.isDark(row, col)) d += `M${col + MARGIN} ${row + MARGIN}h1v1h-1z`;
    }
  }
  return { size: count + 2 * MARGIN, path: d };
}

/** The markup of the code as a standalone SVG document (for the download). */
export function qrSvgDocument(matrix: QrMatrix, pixels = 8): string {
  const side = matrix.size * pixels;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}" viewBox="0 0 ${matrix.size} ${matrix.size}" shape-rendering="crispEdges">` +
    `<rect width="100%" height="100%" fill="#fff"/><path d="${matrix.path}" fill="#000"/></svg>`
  );
}

export function QrCode(props: { url: string; fileName: string }) {
  const [matrix, setMatrix] = useState<QrMatrix | null>(null);
  useEffect(() => {
    let current = true;
    setMatrix(null);
    void qrMatrix(props.url).then((m) => current && setMatrix(m));
    return () => {
      current = false;
    };
  }, [props.url]);
  if (!matrix) return <p class="muted">{t("state.loading")}</p>;
  return (
    <figure class="qr">
      {/* Black on white whatever the theme: a scanner needs the contrast. */}
      <svg class="qr-code" viewBox={`0 0 ${matrix.size} ${matrix.size}`} role="img" aria-label={t("links.qrOf", { url: props.url })} shape-rendering="crispEdges">
        <rect width={matrix.size} height={matrix.size} fill="#fff" />
        <path d={matrix.path} fill="#000" />
      </svg>
      <figcaption>
        <button type="button" onClick={() => saveAs(new Blob([qrSvgDocument(matrix)], { type: "image/svg+xml" }), props.fileName)}>
          {t("links.downloadQr")}
        </button>
      </figcaption>
    </figure>
  );
}
