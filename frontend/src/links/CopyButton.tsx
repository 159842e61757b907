import { useState } from "preact/hooks";
import { t } from "../i18n";

/** Copies `text` to the clipboard and says so (or that it could not, leaving the text to select). */
export function CopyButton(props: { text: string; label: string }) {
  const [said, setSaid] = useState("");
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.text);
      setSaid(t("links.copied"));
    } catch {
      setSaid(t("links.copyFailed"));
    }
  }
  return (
    <span class="copy">
      <button type="button" aria-label={props.label} onClick={() => void copy()}>
        {t("links.copy")}
      </button>
      <span role="status" class="muted">
        {said}
      </span>
    </span>
  );
}
