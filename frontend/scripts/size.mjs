// First-load JavaScript, gzipped: the entry chunk and its static imports (lazy chunks excluded).
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";

const dist = new URL("../dist/", import.meta.url).pathname;
const html = readFileSync(join(dist, "index.html"), "utf8");
const scripts = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map(
  (m) => m[1],
);
let total = 0;
for (const file of new Set(scripts)) {
  const size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  total += size;
  console.log(`${file}\t${(size / 1024).toFixed(1)} KB gzipped`);
}
console.log(`first load\t${(total / 1024).toFixed(1)} KB gzipped (budget 150 KB)`);
if (total > 150 * 1024) process.exit(1);
