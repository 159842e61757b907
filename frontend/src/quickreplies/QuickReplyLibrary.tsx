import { useState } from "preact/hooks";
import type { Api } from "../api/client";
import type { Items } from "../api/types";
import { ConfirmDelete } from "../admin/ConfirmDelete";
import { attempt, useLoad } from "../admin/useLoad";
import { t } from "../i18n";
import { REPLY_LANGUAGES, type QuickReply, type QuickReplyWrite } from "./types";

type Draft = { title: string; texts: Record<string, string> };
const EMPTY: Draft = { title: "", texts: {} };

/** A quick reply library (a project's or the agent's own at `base`): each reply with how often
 *  it was used ("never used" stands out), edited in place; a form adds one. */
export function QuickReplyLibrary(props: { api: Api; base: string }) {
  const { api, base } = props;
  const library = useLoad(() => api.get<Items<QuickReply>>(base), [api, base]);
  const [problem, setProblem] = useState("");
  const [status, setStatus] = useState("");
  const [draft, setDraft] = useState<Draft>(EMPTY);

  async function run(work: () => Promise<unknown>, done: string): Promise<boolean> {
    setStatus("");
    const failure = await attempt(work);
    setProblem(failure);
    library.reload();
    if (!failure) setStatus(done);
    return !failure;
  }

  async function create(event: Event) {
    event.preventDefault();
    const body: QuickReplyWrite = { title: draft.title, texts: draft.texts };
    if (await run(() => api.post(base, body), t("quickReplies.saved", { title: draft.title }))) setDraft(EMPTY);
  }

  const replies = library.data?.items ?? [];
  return (
    <div class="stack quick-library">
      {(library.error || problem) && (
        <p class="form-error" role="alert">
          {library.error || problem}
        </p>
      )}
      {status && (
        <p class="muted" role="status">
          {status}
        </p>
      )}
      <p class="muted">{t("quickReplies.placeholders")}</p>
      {library.data && !replies.length && <p class="muted">{t("quickReplies.empty")}</p>}
      <ul class="quick-library-list">
        {replies.map((reply) => (
          <ReplyRow key={`${reply.reply_id}-${reply.version}`} api={api} base={base} reply={reply} onRun={run} />
        ))}
      </ul>
      <form class="stack" onSubmit={create}>
        <h3>{t("quickReplies.add")}</h3>
        <ReplyFields draft={draft} onChange={setDraft} />
        <button type="submit">{t("admin.create")}</button>
      </form>
    </div>
  );
}

function ReplyRow(props: {
  api: Api;
  base: string;
  reply: QuickReply;
  onRun: (work: () => Promise<unknown>, done: string) => Promise<boolean>;
}) {
  const { api, reply } = props;
  const [draft, setDraft] = useState<Draft>({ title: reply.title, texts: reply.texts });
  const [editing, setEditing] = useState(false);
  const url = `${props.base}/${encodeURIComponent(reply.reply_id)}`;
  const used = reply.uses ? t("quickReplies.uses", { count: reply.uses }) : t("quickReplies.neverUsed");

  async function save(event: Event) {
    event.preventDefault();
    const body: QuickReplyWrite = { ...draft, version: reply.version };
    if (await props.onRun(() => api.put(url, body), t("quickReplies.saved", { title: draft.title }))) setEditing(false);
  }

  return (
    <li class="quick-library-row">
      <div class="row">
        <strong>{reply.title}</strong>
        <span class={reply.uses ? "muted" : "quick-never"}>{used}</span>
        <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          {t("quickReplies.edit", { title: reply.title })}
        </button>
        <ConfirmDelete
          name={reply.title}
          question={t("quickReplies.confirmDelete", { title: reply.title })}
          onDelete={() => props.onRun(() => api.del(url), t("quickReplies.deleted", { title: reply.title }))}
        />
      </div>
      {editing && (
        <form class="stack" onSubmit={save}>
          <ReplyFields draft={draft} onChange={setDraft} />
          <button type="submit">{t("action.save")}</button>
        </form>
      )}
    </li>
  );
}

function ReplyFields(props: { draft: Draft; onChange: (draft: Draft) => void }) {
  const { draft, onChange } = props;
  return (
    <>
      <label>
        {t("quickReplies.replyTitle")}
        <input required maxLength={100} value={draft.title} onInput={(e) => onChange({ ...draft, title: e.currentTarget.value })} />
      </label>
      {REPLY_LANGUAGES.map((language) => (
        <label key={language}>
          {t(`quickReplies.text.${language}`)}
          <textarea
            rows={3}
            maxLength={4096}
            value={draft.texts[language] ?? ""}
            onInput={(e) => onChange({ ...draft, texts: { ...draft.texts, [language]: e.currentTarget.value } })}
          />
        </label>
      ))}
    </>
  );
}
