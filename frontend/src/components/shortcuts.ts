import { useEffect, useRef } from "preact/hooks";
import type { Session } from "../api/types";
import type { ConsoleController } from "../console/controller";
import { COMPOSER_ID, keepComposerFocus } from "./Composer";

function typingIn(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName));
}

/** Alt+↓ / Alt+↑ next/previous session, `/` or Ctrl+K search, Alt+C composer, Alt+X close. */
export function useShortcuts(controller: ConsoleController, sessions: Session[]): void {
  const list = useRef(sessions);
  list.current = sessions;
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const key = event.key.toLowerCase();
      if (event.altKey && (key === "arrowdown" || key === "arrowup")) {
        event.preventDefault();
        const items = list.current;
        if (!items.length) return;
        const index = items.findIndex((s) => s.session_id === controller.sessions.state.selectedId);
        const next = key === "arrowdown" ? Math.min(items.length - 1, index + 1) : Math.max(0, index < 0 ? 0 : index - 1);
        if (next === index) return;
        if ((event.target as HTMLElement | null)?.id === COMPOSER_ID) keepComposerFocus();
        controller.select(items[next].session_id);
        return;
      }
      if ((event.ctrlKey || event.metaKey) && key === "k") {
        event.preventDefault();
        document.getElementById("session-search")?.focus();
        return;
      }
      if (key === "/" && !typingIn(event.target) && !event.ctrlKey && !event.altKey) {
        event.preventDefault();
        document.getElementById("session-search")?.focus();
        return;
      }
      if (event.altKey && event.code === "KeyC") {
        event.preventDefault();
        document.getElementById(COMPOSER_ID)?.focus();
        return;
      }
      if (event.altKey && event.code === "KeyX") {
        const open = controller.sessions.selected;
        if (open && open.status !== "closed") {
          event.preventDefault();
          void controller.sessions.close(open.session_id);
        }
      }
    }
    addEventListener("keydown", onKeyDown);
    return () => removeEventListener("keydown", onKeyDown);
  }, [controller]);
}
