// The composer's files: a button that picks them, one that records a voice note, and each file
// waiting with its preview, its state and a button that takes it out. Problems are said at once,
// before anything is uploaded when the file cannot be sent.
import { useRef, useState } from "preact/hooks";
import { t } from "../i18n";
import { fileSize } from "../lib/format";
import type { Attachments } from "./useAttachments";
import { canRecord, startRecording, type Recording } from "./voice";

export function AttachmentBar(props: { attachments: Attachments; disabled: boolean; caption: string; onSent: () => void }) {
  const { attachments, disabled } = props;
  const picker = useRef<HTMLInputElement>(null);
  const [recording, setRecording] = useState<Recording | null>(null);
  const [micProblem, setMicProblem] = useState("");

  async function toggleVoice() {
    setMicProblem("");
    if (recording) {
      setRecording(null);
      const note = await recording.stop();
      attachments.add([note.file], note.kind);
      return;
    }
    try {
      setRecording(await startRecording());
    } catch {
      setMicProblem(t("attach.no_recording"));
    }
  }

  async function sendAnyway() {
    if (await attachments.send(props.caption.trim(), true)) props.onSent();
  }

  const problem = micProblem || attachments.problem;
  return (
    <div class="attachments">
      <div class="attachment-actions">
        <input
          ref={picker}
          type="file"
          multiple
          class="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="attach-input"
          onChange={(event) => {
            const input = event.currentTarget;
            attachments.add(Array.from(input.files ?? []));
            input.value = "";
          }}
        />
        <button type="button" class="attach-button" disabled={disabled} onClick={() => picker.current?.click()}>
          {t("attach.add")}
        </button>
        {canRecord() && (
          <button type="button" class="voice-button" disabled={disabled} aria-pressed={!!recording} onClick={() => void toggleVoice()}>
            {recording ? t("attach.voice_stop") : t("attach.voice")}
          </button>
        )}
      </div>
      {attachments.items.length > 0 && (
        <ul class="attachment-list" aria-label={t("attach.list")}>
          {attachments.items.map((item) => (
            <li key={item.id} class="attachment" data-status={item.status} data-kind={item.kind}>
              {item.preview ? <img src={item.preview} alt="" class="attachment-preview" /> : <span class="attachment-icon" aria-hidden="true">{t(`kind.${item.kind}` as "kind.photo")}</span>}
              <span class="attachment-name">{item.file.name}</span>
              <span class="attachment-details muted">
                {fileSize(item.file.size)} · {item.status === "ready" ? t("attach.ready") : t("attach.uploading")}
              </span>
              <button type="button" class="attachment-remove" aria-label={t("attach.remove", { name: item.file.name })} onClick={() => attachments.remove(item.id)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p class="attach-problem" role="alert">
          {problem}
          {attachments.confirmRisk && (
            <button type="button" onClick={() => void sendAnyway()}>
              {t("attach.send_anyway")}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
