// The composer's "Translate before sending" switch, and the preview that shows both texts before
// the translation is sent.
import { Dialog } from "../components/Dialog";
import { t } from "../i18n";
import type { Translating } from "./useTranslateBeforeSending";

export function TranslateBeforeSending(props: { translating: Translating; disabled: boolean }) {
  const { translating } = props;
  if (translating.userLanguage === null) return null;
  return (
    <>
      <label class="check translate-toggle">
        <input
          type="checkbox"
          checked={translating.on}
          disabled={props.disabled}
          onChange={(e) => translating.setOn(e.currentTarget.checked)}
        />
        {t("translation.beforeSending", { language: translating.userLanguage })}
      </label>
      {translating.busy && (
        <span class="muted" role="status">
          {t("translation.translating")}
        </span>
      )}
      {translating.error && !translating.preview && (
        <span class="form-error" role="alert">
          {translating.error}
        </span>
      )}
      {translating.preview && (
        <Dialog title={t("translation.previewTitle")} onClose={translating.cancel}>
          <div class="translation-preview">
            <h3>{t("translation.yourText", { language: translating.preview.source })}</h3>
            <p class="text">{translating.preview.original}</p>
            <h3>{t("translation.userGets", { language: translating.preview.target })}</h3>
            <p class="text" lang={translating.preview.target}>
              {translating.preview.translated}
            </p>
          </div>
          <div class="dialog-buttons">
            <button type="button" onClick={translating.cancel}>
              {t("translation.edit")}
            </button>
            <button type="button" class="primary" data-autofocus onClick={translating.send}>
              {t("translation.send")}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
