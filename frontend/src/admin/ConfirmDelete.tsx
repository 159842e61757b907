import { useState } from "preact/hooks";
import { Dialog } from "../components/Dialog";
import { t } from "../i18n";

/** A Delete button that asks first: nothing is deleted until the dialog's Delete is pressed. */
export function ConfirmDelete(props: { name: string; question: string; onDelete: () => Promise<unknown> | void }) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" class="danger" aria-label={t("admin.deleteOf", { name: props.name })} onClick={() => setAsking(true)}>
        {t("action.delete")}
      </button>
      {asking && (
        <Dialog title={props.question} onClose={() => setAsking(false)}>
          <div class="dialog-buttons">
            <button type="button" data-autofocus onClick={() => setAsking(false)}>
              {t("action.cancel")}
            </button>
            <button
              type="button"
              class="danger"
              onClick={() => {
                setAsking(false);
                void props.onDelete();
              }}
            >
              {t("action.delete")}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
