// One message's content, by kind. Everything from Telegram is untrusted: it is only ever placed
// in text nodes and attributes (never parsed as HTML), and only http(s) map links are built.
import type { ComponentChildren, VNode } from "preact";
import { useState } from "preact/hooks";
import type { Json, Message } from "../api/types";
import { Dialog } from "../components/Dialog";
import { t } from "../i18n";
import { MessageTranslation } from "../translation/MessageTranslation";
import { dateTime, duration, fileSize, fullName } from "../lib/format";
import { AUTOLOAD_BYTES, saveMedia, useMediaApi, useMediaUrl, type MediaApi } from "./media";
import { MoreFiles } from "../attachments/MoreFiles";

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function num(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export function mapLink(location: Json | null | undefined): string | null {
  const lat = num(location?.latitude);
  const lon = num(location?.longitude);
  if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`;
}

function FileCard(props: { kind: string; icon: string; name?: string; details: string[]; unavailable?: boolean; children?: ComponentChildren }) {
  return (
    <div class="file-card" data-kind={props.kind}>
      <span class="file-icon" aria-hidden="true">
        {props.icon}
      </span>
      <span class="file-text">
        <span class="file-name">{props.name || t(`kind.${props.kind}` as "kind.document")}</span>
        <span class="file-details">{props.details.filter(Boolean).join(" · ")}</span>
        {props.unavailable && <span class="preview-unavailable">{t("media.unavailable")}</span>}
      </span>
      {props.children}
    </div>
  );
}

function Loading(props: { kind: string }) {
  return (
    <div class="media-loading" data-kind={props.kind} role="status" aria-busy="true">
      {t("media.loading")}
    </div>
  );
}

/** A photo or sticker: its thumbnail, a button that opens the full size in a dialog. */
function Picture(props: { api: MediaApi; message: Message; label: string; fallback: () => VNode }) {
  const { api, message, label } = props;
  const thumb = useMediaUrl(api, message, "thumb");
  const [open, setOpen] = useState(false);
  if (thumb.status === "error") return props.fallback();
  if (thumb.status !== "ready") return <Loading kind={message.type} />;
  return (
    <>
      <button type="button" class="media-thumb" data-kind={message.type} aria-label={t("media.open", { name: label })} onClick={() => setOpen(true)}>
        <img src={thumb.url} alt={label} />
      </button>
      {open && (
        <Dialog title={label} onClose={() => setOpen(false)}>
          <FullPicture api={api} message={message} label={label} />
        </Dialog>
      )}
    </>
  );
}

function FullPicture(props: { api: MediaApi; message: Message; label: string }) {
  const full = useMediaUrl(props.api, props.message, "full");
  if (full.status === "error") return <p class="preview-unavailable">{t("media.unavailable")}</p>;
  if (full.status !== "ready") return <Loading kind={props.message.type} />;
  return <img class="media-full" src={full.url} alt={props.label} />;
}

/** Voice, audio and video, played in place; big files wait for a click. */
function Player(props: { api: MediaApi; message: Message; label: string; fallback: () => VNode }) {
  const { api, message, label } = props;
  const size = num(message.media?.file_size);
  const [wanted, setWanted] = useState(size === null || size <= AUTOLOAD_BYTES);
  const media = useMediaUrl(api, message, "full", wanted);
  if (media.status === "error") return props.fallback();
  if (!wanted) {
    return (
      <FileCard kind={message.type} icon={message.type === "audio" ? "🎵" : "🎞"} name={label} details={[duration(message.media?.duration), fileSize(size)]}>
        <button type="button" class="media-load" onClick={() => setWanted(true)}>
          {t("media.load")}
        </button>
      </FileCard>
    );
  }
  if (media.status !== "ready") return <Loading kind={message.type} />;
  if (message.type === "voice" || message.type === "audio") {
    return <audio class="media-audio" data-kind={message.type} controls preload="metadata" src={media.url} aria-label={label} />;
  }
  const loop = message.type === "animation";
  return (
    <video
      class="media-video"
      data-kind={message.type}
      controls={!loop}
      autoPlay={loop}
      loop={loop}
      muted={loop}
      playsInline
      preload="metadata"
      src={media.url}
      aria-label={label}
    />
  );
}

/** A document: its name and size, and a button that downloads it. */
function Download(props: { api: MediaApi | null; message: Message; name: string; details: string[] }) {
  const { api, message, name } = props;
  const [state, setState] = useState<"idle" | "loading" | "error">("idle");
  async function save() {
    if (!api) return;
    setState("loading");
    try {
      await saveMedia(api, message, name || t("kind.document"));
      setState("idle");
    } catch {
      setState("error");
    }
  }
  return (
    <FileCard kind="document" icon="📄" name={name} details={props.details} unavailable={!api || state === "error"}>
      {api && (
        <button type="button" class="media-download" onClick={() => void save()} disabled={state === "loading"} aria-label={t("media.downloadName", { name: name || t("kind.document") })}>
          {state === "loading" ? t("media.loading") : t("media.download")}
        </button>
      )}
    </FileCard>
  );
}

function Media(props: { message: Message }) {
  const { message } = props;
  const api = useMediaApi();
  const media = message.media ?? {};
  const size = fileSize(media.file_size);
  const hasFile = Boolean(str(media.file_id));
  switch (message.type) {
    case "photo": {
      const dims = num(media.width) && num(media.height) ? `${media.width}×${media.height}` : "";
      const card = () => <FileCard kind="photo" icon="🖼" name={t("kind.photo")} details={[dims, size]} unavailable />;
      if (!api || !hasFile) return card();
      return <Picture api={api} message={message} label={str(message.caption) || t("kind.photo")} fallback={card} />;
    }
    case "document":
      return <Download api={hasFile ? api : null} message={message} name={str(media.file_name)} details={[str(media.mime_type), size]} />;
    case "voice":
    case "audio":
    case "video":
    case "video_note":
    case "animation": {
      const audio = message.type === "voice" || message.type === "audio";
      const title =
        message.type === "audio"
          ? [str(media.performer), str(media.title)].filter(Boolean).join(" — ") || str(media.file_name)
          : message.type === "voice"
            ? t("kind.voice")
            : str(media.file_name) || t(`kind.${message.type}`);
      const card = () => (
        <FileCard kind={message.type} icon={message.type === "voice" ? "🎤" : audio ? "🎵" : "🎞"} name={title} details={[duration(media.duration), size]} unavailable />
      );
      if (!api || !hasFile) return card();
      return <Player api={api} message={message} label={title || t(`kind.${message.type}`)} fallback={card} />;
    }
    case "sticker": {
      const label = [str(media.emoji), t("kind.sticker")].filter(Boolean).join(" ");
      const card = () => (
        <div class="sticker" data-kind="sticker">
          <span class="sticker-emoji">{str(media.emoji) || "🏷"}</span>
          <span class="file-details">
            {t("kind.sticker")}
            {str(media.set_name) ? ` · ${str(media.set_name)}` : ""}
          </span>
        </div>
      );
      if (!api || !hasFile) return card();
      return <Picture api={api} message={message} label={label} fallback={card} />;
    }
    default:
      return null;
  }
}

function Location(props: { message: Message }) {
  const location = props.message.location ?? {};
  const link = mapLink(location);
  const title = str(location.title);
  const address = str(location.address);
  const label = title || t(props.message.type === "venue" ? "kind.venue" : "kind.location");
  return (
    <div class="location" data-kind={props.message.type}>
      <span aria-hidden="true">📍 </span>
      {link ? (
        <a href={link} target="_blank" rel="noopener noreferrer">
          {label}
        </a>
      ) : (
        <span>{label}</span>
      )}
      {address && <span class="file-details"> {address}</span>}
    </div>
  );
}

function Contact(props: { contact: Json }) {
  const { contact } = props;
  const name = fullName(str(contact.first_name), str(contact.last_name));
  return (
    <div class="contact" data-kind="contact">
      <span aria-hidden="true">👤 </span>
      <span class="file-name">{name || t("kind.contact")}</span>
      {str(contact.phone_number) && <span class="file-details"> {str(contact.phone_number)}</span>}
      {num(contact.user_id) !== null && <span class="file-details"> · ID {String(contact.user_id)}</span>}
    </div>
  );
}

function Poll(props: { poll: Json }) {
  const options = Array.isArray(props.poll.options) ? (props.poll.options as Json[]) : [];
  return (
    <div class="poll" data-kind="poll">
      <span class="file-name">
        {t("kind.poll")}: {str(props.poll.question)}
      </span>
      <ul>
        {options.map((option, i) => (
          <li key={i}>
            {str(option.text)}
            {num(option.voter_count) ? ` (${option.voter_count})` : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Forwarded(props: { forward: Json }) {
  const name = str(props.forward.name) || (str(props.forward.username) ? `@${str(props.forward.username)}` : t("forward.unknown"));
  return <div class="forwarded">{t("forward.from", { name })}</div>;
}

function ReplyTo(props: { reply: Json }) {
  const excerpt = str(props.reply.excerpt) || t(`kind.${str(props.reply.type) || "other"}` as "kind.other");
  return (
    <blockquote class="reply-to">
      <span class="visually-hidden">{t("reply.inReplyTo")} </span>
      {excerpt}
    </blockquote>
  );
}

function Edited(props: { message: Message }) {
  const edits = props.message.edits ?? [];
  const previous = edits.length ? edits[edits.length - 1] : null;
  const before = previous ? str(previous.text) || str(previous.caption) : "";
  const dropped = props.message.edits_dropped ? ` ${t("message.editsDropped", { count: props.message.edits_dropped })}` : "";
  const label = (before ? t("message.editedFrom", { text: before }) : t("message.edited")) + dropped;
  return (
    <span class="edited" title={label} aria-label={label} tabIndex={0}>
      {t("message.edited")}
    </span>
  );
}

/** The user's message was too large or malformed to keep whole: say so, so that nobody
 * answers the part they see as if it were everything the user sent. */
function Cut(props: { fields: string[] }) {
  const note = props.fields.includes("unicode") && props.fields.length === 1 ? t("message.unicodeReplaced") : t("message.cut");
  return (
    <p class="unsupported" data-kind="cut">
      {note}
    </p>
  );
}

/** The visible content of a message; the text always goes in as text. */
export function MessageBody(props: { message: Message }) {
  const { message } = props;
  const parts: ComponentChildren[] = [];
  if (message.forward) parts.push(<Forwarded key="fwd" forward={message.forward} />);
  if (message.reply_to) parts.push(<ReplyTo key="reply" reply={message.reply_to} />);
  parts.push(<Media key="media" message={message} />);
  if ((message.attachments?.length ?? 0) > 1) parts.push(<MoreFiles key="more" attachments={message.attachments!.slice(1)} />);
  if (message.type === "location" || message.type === "venue") parts.push(<Location key="loc" message={message} />);
  if (message.type === "contact" && message.contact) parts.push(<Contact key="contact" contact={message.contact} />);
  if (message.type === "poll" && message.poll) parts.push(<Poll key="poll" poll={message.poll} />);
  if (message.type === "dice" && message.dice) {
    parts.push(
      <div key="dice" class="dice" data-kind="dice">
        {str(message.dice.emoji) || "🎲"} {t("kind.dice")}: {String(num(message.dice.value) ?? "?")}
      </div>,
    );
  }
  if (message.type === "callback_query" && message.callback_query) {
    parts.push(
      <div key="cb" class="callback" data-kind="callback_query">
        {t("kind.callback_query")}: {str(message.callback_query.data)}
      </div>,
    );
  }
  const text = message.text ?? message.caption ?? "";
  if (text) {
    parts.push(
      <p key="text" class={message.caption && !message.text ? "caption text" : "text"}>
        {text}
      </p>,
    );
  }
  if (message.type === "other" && !text) parts.push(<p key="other" class="unsupported">{t("kind.other")}</p>);
  parts.push(<MessageTranslation key="translation" message={message} />);
  if (message.edited_at) parts.push(<Edited key="edited" message={message} />);
  if (message.cut?.length) parts.push(<Cut key="cut" fields={message.cut} />);
  return <>{parts}</>;
}

export function messageTimeTitle(message: Message): string {
  return dateTime(message.created_at);
}
