// "Export transcript" in the side panel: a format, the notes or not, and the file downloads.
// The API decides who may (the `export` permission, or an administrator) and says why not.
import { useState } from "preact/hooks";
import { saveAs } from "../admin/download";
import type { Session } from "../api/types";
import { useMediaApi } from "../chat/media";
import { errorText } from "../console/errors";
import { t } from "../i18n";
import { TRANSCRIPT_FORMATS, transcript, type TranscriptFormat } from "./api";

export function TranscriptExport(props: { session: Session }) {
  const api = useMediaApi();
  const [format, setFormat] = useState<TranscriptFormat>("markdown");
  const [notes, setNotes] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  if (!api) return null;
  const media = api;

  async function download(event: Event) {
    event.preventDefault();
    setBusy(true);
    setStatus("");
    try {
      const file = await transcript(media, props.session.session_id, format, notes);
      saveAs(file.blob, file.name);
    } catch (error) {
      setStatus(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="transcript-title">
      <h3 id="transcript-title">{t("transcript.title")}</h3>
      <form class="stack" onSubmit={(e) => void download(e)}>
        <label>
          {t("transcript.format")}
          <select value={format} onChange={(e) => setFormat(e.currentTarget.value as TranscriptFormat)}>
            {TRANSCRIPT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`transcript.format.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="row">
          <input type="checkbox" checked={notes} onChange={(e) => setNotes(e.currentTarget.checked)} />
          {t("transcript.notes")}
        </label>
        <button type="submit" disabled={busy}>
          {t("transcript.download")}
        </button>
        {status && (
          <p class="form-error" role="alert">
            {status}
          </p>
        )}
      </form>
    </section>
  );
}
