import { useState } from "preact/hooks";
import { saveAs } from "../admin/download";
import type { Api } from "../api/client";
import { t } from "../i18n";
import { eraseUserData, exportUserData } from "../lib/userData";
import { Dialog } from "./Dialog";

/** The administrators' actions on a user's data: export it as a JSON file, or erase it after
 *  typing the user's id. */
export function UserDataActions(props: { api: Api; projectId: string; tgUserId: number; onErased?: () => void }) {
  const { api, projectId, tgUserId } = props;
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState("");

  async function download() {
    setBusy(true);
    setStatus(t("userData.exporting"));
    try {
      const document = await exportUserData(api, projectId, tgUserId);
      saveAs(new Blob([JSON.stringify(document, null, 2)], { type: "application/json" }), `tgdesk-user-${tgUserId}.json`);
      setStatus("");
    } catch (error) {
      setStatus(t("userData.failed", { message: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  async function erase() {
    setConfirming(false);
    setBusy(true);
    try {
      const done = await eraseUserData(api, projectId, tgUserId, (p) => setStatus(t("userData.erasing", { count: p.items_erased })));
      setStatus(t("userData.erased", { count: done.items_erased }));
      props.onErased?.();
    } catch (error) {
      setStatus(t("userData.failed", { message: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="stack">
      <div class="row">
        <button type="button" disabled={busy} onClick={() => void download()}>
          {t("userData.export")}
        </button>
        <button type="button" class="danger" disabled={busy} onClick={() => setConfirming(true)}>
          {t("userData.erase")}
        </button>
      </div>
      {status && (
        <p class="muted" role="status">
          {status}
        </p>
      )}
      {confirming && <EraseDialog tgUserId={tgUserId} onCancel={() => setConfirming(false)} onConfirm={() => void erase()} />}
    </div>
  );
}

function EraseDialog(props: { tgUserId: number; onCancel: () => void; onConfirm: () => void }) {
  const [typed, setTyped] = useState("");
  const matches = typed.trim() === String(props.tgUserId);
  return (
    <Dialog title={t("userData.eraseTitle")} onClose={props.onCancel}>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (matches) props.onConfirm();
        }}
      >
        <p>{t("userData.eraseWarning", { id: props.tgUserId })}</p>
        <label>
          {t("userData.confirmLabel")}
          <input data-autofocus inputMode="numeric" autocomplete="off" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
        </label>
        <div class="row">
          <button type="button" onClick={props.onCancel}>
            {t("action.cancel")}
          </button>
          <button type="submit" class="danger" disabled={!matches}>
            {t("userData.confirm")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
