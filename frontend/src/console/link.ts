// A session's own link: `#/sessions/<id>`. Opening it (or reloading) opens that session.
const PREFIX = "#/sessions/";

/** The session a location hash links to, if it is a session link. */
export function sessionInLink(hash: string): string | null {
  if (!hash.startsWith(PREFIX)) return null;
  const id = decodeURIComponent(hash.slice(PREFIX.length));
  return id || null;
}

export function linkTo(sessionId: string): string {
  return PREFIX + encodeURIComponent(sessionId);
}
