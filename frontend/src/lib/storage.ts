// Per-tab storage (sessionStorage): the login token and unsent drafts never outlive the tab.
// Preferences (language, theme) are not secret and go to localStorage.

function safe<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

export const tabStore = {
  get: (key: string): string | null => safe(() => sessionStorage.getItem(key), null),
  set: (key: string, value: string): void => safe(() => sessionStorage.setItem(key, value), undefined),
  remove: (key: string): void => safe(() => sessionStorage.removeItem(key), undefined),
};

export const preferences = {
  get: (key: string): string | null => safe(() => localStorage.getItem(key), null),
  set: (key: string, value: string): void => safe(() => localStorage.setItem(key, value), undefined),
};

const DRAFT_PREFIX = "tgdesk.draft.";

export const drafts = {
  get: (sessionId: string): string => tabStore.get(DRAFT_PREFIX + sessionId) ?? "",
  set(sessionId: string, text: string): void {
    if (text) tabStore.set(DRAFT_PREFIX + sessionId, text);
    else tabStore.remove(DRAFT_PREFIX + sessionId);
  },
};
