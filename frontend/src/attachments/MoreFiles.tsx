// An agent's album: the message shows its first file as any file is shown; the others are listed
// under it by name, kind and size.
import { t } from "../i18n";
import { fileSize } from "../lib/format";

export interface SentAttachment {
  kind?: unknown;
  file_name?: unknown;
  file_size?: unknown;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export function MoreFiles(props: { attachments: SentAttachment[] }) {
  return (
    <ul class="more-files" aria-label={t("attach.more", { count: props.attachments.length })}>
      {props.attachments.map((file, index) => (
        <li key={index} data-kind={text(file.kind)}>
          {text(file.file_name) || t(`kind.${text(file.kind) || "document"}` as "kind.document")}
          <span class="muted"> · {fileSize(file.file_size)}</span>
        </li>
      ))}
    </ul>
  );
}
