import { Store } from "../lib/store";
import { preferences } from "../lib/storage";
import en from "./en";
import zhCN from "./zh-CN";

export type MessageKey = keyof typeof en;
export type Lang = "en" | "zh-CN";
export const LANGS: { lang: Lang; label: string }[] = [
  { lang: "en", label: "English" },
  { lang: "zh-CN", label: "简体中文" },
];

const CATALOGS: Record<Lang, Record<MessageKey, string>> = { en, "zh-CN": zhCN };

function initialLang(): Lang {
  const saved = preferences.get("tgdesk.lang");
  if (saved === "en" || saved === "zh-CN") return saved;
  return typeof navigator !== "undefined" && navigator.language?.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

export const i18n = new Store<{ lang: Lang }>({ lang: initialLang() });

export function setLang(lang: Lang): void {
  preferences.set("tgdesk.lang", lang);
  document.documentElement.lang = lang;
  i18n.set({ lang });
}

export function currentLocale(): Lang {
  return i18n.get().lang;
}

/** A message of the current language; `{name}` placeholders are filled from `vars`. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const text = CATALOGS[i18n.get().lang][key] ?? en[key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (all, name: string) => (name in vars ? String(vars[name]) : all)) : text;
}

export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}
