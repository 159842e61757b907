import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { t } from "../i18n";

let nextId = 0;

/** A modal dialog: focus moves in (to the `data-autofocus` element, else the first control) and
 *  returns on close; Escape closes; Tab stays inside. Focus lost to the page (a submit button
 *  disabled while its request runs, a control removed by a re-render) comes back in, so Escape
 *  still closes the dialog after a failed submit. */
export function Dialog(props: { title: string; onClose: () => void; children: ComponentChildren }) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = useRef(`dialog-title-${++nextId}`).current;

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    focusInside(box.current);
    return () => previous?.focus?.();
  }, []);

  // After every render of the dialog (its form's busy and error states included): focus that
  // fell to the page comes back.
  useEffect(() => {
    if (focusLost()) focusInside(box.current);
  });

  // Focus leaving for nowhere (a focused control disabled or removed) is taken back at once.
  function onFocusOut(event: FocusEvent) {
    if (event.relatedTarget) return;
    setTimeout(() => {
      if (box.current?.isConnected && focusLost()) focusInside(box.current);
    });
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape") {
      event.stopPropagation();
      props.onClose();
      return;
    }
    if (event.key !== "Tab" || !box.current) return;
    const focusable = [...box.current.querySelectorAll<HTMLElement>("input, select, textarea, button, a[href]")].filter(
      (el) => !(el as HTMLButtonElement).disabled,
    );
    if (!focusable.length) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <div class="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && props.onClose()}>
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} ref={box} tabIndex={-1} onKeyDown={onKeyDown} onFocusOut={onFocusOut}>
        <div class="dialog-head">
          <h2 id={titleId}>{props.title}</h2>
          <button type="button" class="ghost" aria-label={t("action.dismiss")} onClick={props.onClose}>
            ×
          </button>
        </div>
        {props.children}
      </div>
    </div>
  );
}

function focusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || active === document.documentElement;
}

/** The `data-autofocus` element, else the first enabled control, else the dialog itself. */
function focusInside(dialog: HTMLElement | null): void {
  if (!dialog) return;
  const target =
    dialog.querySelector<HTMLElement>("[data-autofocus]:not(:disabled)") ??
    dialog.querySelector<HTMLElement>("input:not(:disabled), select:not(:disabled), textarea:not(:disabled), button:not(:disabled)") ??
    dialog;
  target.focus();
}
