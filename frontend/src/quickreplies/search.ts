// The composer's `/` search over quick replies: a small fuzzy scorer, case- and
// width-insensitive (NFKC folds full-width Latin and digits), that works for Chinese as for
// Latin scripts since it compares characters, not words.

/** What a reply is searched by: its title and its texts in every language. */
export interface Searchable {
  title: string;
  texts: Record<string, string>;
}

/** Text folded for comparing: NFKC (ｒｅｆｕｎｄ → refund), lower case, spaces collapsed. */
export function fold(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** The query's tokens: its words, folded. */
export function tokens(query: string): string[] {
  return fold(query).split(" ").filter(Boolean);
}

/** How well one token matches one field: a prefix of a word beats a substring, which beats the
 *  token's characters in order with gaps (a subsequence, scored by how tight it is); 0: no match. */
export function tokenScore(token: string, field: string): number {
  if (!token) return 0;
  const at = field.indexOf(token);
  if (at >= 0) return at === 0 || field[at - 1] === " " ? 4 : 3;
  let from = 0;
  let first = -1;
  for (const char of token) {
    const found = field.indexOf(char, from);
    if (found < 0) return 0;
    if (first < 0) first = found;
    from = found + char.length;
  }
  const span = from - first;
  return token.length / span; // 1 when contiguous, towards 0 as the gaps grow
}

/** A reply's score for a query (0: it does not match): every token must match the title or a
 *  text; a match in the title counts double. An empty query matches everything a little. */
export function score(query: string, reply: Searchable): number {
  const wanted = tokens(query);
  if (!wanted.length) return 1;
  const title = fold(reply.title);
  const texts = Object.values(reply.texts).map(fold);
  let total = 0;
  for (const token of wanted) {
    const best = Math.max(2 * tokenScore(token, title), ...texts.map((text) => tokenScore(token, text)));
    if (best === 0) return 0;
    total += best;
  }
  return total;
}

/** The replies matching the query, best first (then by title), at most `limit`. */
export function search<T extends Searchable>(query: string, replies: readonly T[], limit = 8): T[] {
  return replies
    .map((reply) => ({ reply, score: score(query, reply) }))
    .filter((found) => found.score > 0)
    .sort((a, b) => b.score - a.score || a.reply.title.localeCompare(b.reply.title))
    .slice(0, limit)
    .map((found) => found.reply);
}

/** The `/` query being typed before the caret: a `/` at the start or after a space or line
 *  break, then anything but a line break. null: none. */
export function slashQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const found = /(^|\s)\/([^\n/]*)$/.exec(before);
  if (!found) return null;
  return { start: found.index + found[1].length, query: found[2] };
}
