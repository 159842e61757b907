import { i18n, LANGS, setLang, t, type Lang } from "../i18n";
import { useStore } from "../lib/store";
import { setTheme, theme } from "../lib/theme";

/** Language and theme switches, on the login page and in the console's top bar. */
export function Preferences() {
  const lang = useStore(i18n, (s) => s.lang);
  const current = useStore(theme, (s) => s.theme);
  return (
    <div class="preferences">
      <label>
        <span class="visually-hidden">{t("prefs.language")}</span>
        <select value={lang} onChange={(e) => setLang(e.currentTarget.value as Lang)} aria-label={t("prefs.language")}>
          {LANGS.map((l) => (
            <option key={l.lang} value={l.lang}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        class="ghost"
        aria-pressed={current === "dark"}
        onClick={() => setTheme(current === "dark" ? "light" : "dark")}
      >
        {current === "dark" ? t("prefs.lightTheme") : t("prefs.darkTheme")}
      </button>
    </div>
  );
}
