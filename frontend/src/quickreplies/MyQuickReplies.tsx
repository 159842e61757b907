import type { FunctionComponent } from "preact";
import { useState } from "preact/hooks";
import type { Api } from "../api/client";
import { Dialog } from "../components/Dialog";
import { t } from "../i18n";

type Library = FunctionComponent<{ api: Api; base: string }>;

/** "My quick replies" beside the reply box: the agent's personal library in a dialog (its
 *  editor loaded when first opened). */
export function MyQuickReplies(props: { api: Api }) {
  const [Editor, setEditor] = useState<Library | null>(null);
  const [open, setOpen] = useState(false);

  function show() {
    setOpen(true);
    if (!Editor) void import("./QuickReplyLibrary").then((module) => setEditor(() => module.QuickReplyLibrary));
  }

  return (
    <>
      <button type="button" class="ghost" onClick={show}>
        {t("quickReplies.mineButton")}
      </button>
      {open && (
        // Shown inside the reply box's form: the library's own forms must not submit it.
        <div onSubmit={(event) => event.stopPropagation()}>
          <Dialog title={t("quickReplies.mineTitle")} onClose={() => setOpen(false)}>
            {Editor ? <Editor api={props.api} base="/api/me/quick-replies" /> : <p class="muted">{t("quickReplies.loading")}</p>}
          </Dialog>
        </div>
      )}
    </>
  );
}
