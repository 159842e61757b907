import { Store } from "./store";
import { preferences } from "./storage";

export type Theme = "light" | "dark";

function initialTheme(): Theme {
  const saved = preferences.get("tgdesk.theme");
  if (saved === "light" || saved === "dark") return saved;
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export const theme = new Store<{ theme: Theme }>({ theme: initialTheme() });

export function applyTheme(value: Theme = theme.get().theme): void {
  document.documentElement.dataset.theme = value;
}

export function setTheme(value: Theme): void {
  preferences.set("tgdesk.theme", value);
  theme.set({ theme: value });
  applyTheme(value);
}
