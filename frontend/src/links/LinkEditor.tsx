// The dialog that creates or edits a link: code (typed, or left empty to have one generated;
// fixed once created), name, channel, UTM defaults, who answers (the project's routing, a
// group, or chosen agents), language hint, enabled, note. A refused save keeps the input.
import { useState } from "preact/hooks";
import { path, type Api } from "../api/client";
import type { AgentAccount, Group, Items } from "../api/types";
import { attempt, useLoad } from "../admin/useLoad";
import { Dialog } from "../components/Dialog";
import { t } from "../i18n";
import { UTM_FIELDS, type Link, type LinkDraft, type UtmField } from "./types";

export const CODE_PATTERN = "[A-Za-z0-9_\\-]{3,32}";

type TargetKind = "project" | "group" | "agents";

export function draftOf(link: Link | null): LinkDraft {
  return {
    code: link?.code ?? "",
    name: link?.name ?? "",
    channel: link?.channel ?? "",
    utm: { ...(link?.utm ?? {}) },
    target_group_id: link?.target_group_id ?? null,
    target_agent_ids: link?.target_agent_ids ?? null,
    language: link?.language ?? null,
    enabled: link?.enabled ?? true,
    note: link?.note ?? "",
  };
}

function kindOf(draft: LinkDraft): TargetKind {
  if (draft.target_group_id) return "group";
  if (draft.target_agent_ids?.length) return "agents";
  return "project";
}

/** What is sent: empty UTM values and an empty code left out, blank text trimmed. */
export function cleanDraft(draft: LinkDraft, kind: TargetKind): LinkDraft {
  const utm = Object.fromEntries(UTM_FIELDS.flatMap((f) => (draft.utm[f]?.trim() ? [[f, draft.utm[f]!.trim()]] : [])));
  // One target at most; the other is cleared (null), so an edit can move from one to the other.
  const group = kind === "group" ? draft.target_group_id || null : null;
  const agents = kind === "agents" && draft.target_agent_ids?.length ? draft.target_agent_ids : null;
  const clean: LinkDraft = {
    name: draft.name.trim(),
    channel: draft.channel.trim(),
    utm,
    target_group_id: group,
    target_agent_ids: agents,
    language: draft.language?.trim() || null,
    enabled: draft.enabled,
    note: draft.note.trim(),
  };
  if (draft.code?.trim()) clean.code = draft.code.trim();
  return clean;
}

export function LinkEditor(props: { api: Api; projectId: string; link: Link | null; onSave: (draft: LinkDraft) => Promise<unknown>; onClose: () => void }) {
  const { api, projectId, link } = props;
  const [draft, setDraft] = useState<LinkDraft>(() => draftOf(link));
  const [kind, setKind] = useState<TargetKind>(() => kindOf(draft));
  const [problem, setProblem] = useState("");
  const [busy, setBusy] = useState(false);
  const groups = useLoad(() => api.get<Items<Group>>(path`/api/projects/${projectId}/groups`), [api, projectId]);
  const agents = useLoad(() => api.get<Items<AgentAccount>>(path`/api/projects/${projectId}/agents`), [api, projectId]);
  const change = (patch: Partial<LinkDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setUtm = (field: UtmField, value: string) => setDraft((d) => ({ ...d, utm: { ...d.utm, [field]: value } }));
  const chosenAgents = draft.target_agent_ids ?? [];

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    const failure = await attempt(() => props.onSave(cleanDraft(draft, kind)));
    setBusy(false);
    setProblem(failure);
    if (!failure) props.onClose();
  }

  return (
    <Dialog title={link ? t("links.editTitle", { name: link.name }) : t("links.newTitle")} onClose={props.onClose}>
      <form class="stack link-editor" onSubmit={save}>
        {problem && (
          <p class="form-error" role="alert">
            {problem}
          </p>
        )}
        {link ? (
          <p>
            {t("links.code")}: <code>{link.code}</code>
          </p>
        ) : (
          <label>
            {t("links.code")}
            <input
              value={draft.code}
              pattern={CODE_PATTERN}
              maxLength={32}
              autocomplete="off"
              aria-describedby="link-code-help"
              onInput={(e) => change({ code: e.currentTarget.value })}
            />
            <span id="link-code-help" class="muted">
              {t("links.codeHelp")}
            </span>
          </label>
        )}
        <label>
          {t("links.name")}
          <input required maxLength={120} value={draft.name} data-autofocus onInput={(e) => change({ name: e.currentTarget.value })} />
        </label>
        <label>
          {t("links.channel")}
          <input maxLength={64} value={draft.channel} placeholder="google-ads" onInput={(e) => change({ channel: e.currentTarget.value })} />
        </label>
        <fieldset class="utm">
          <legend>{t("links.utmDefaults")}</legend>
          {UTM_FIELDS.map((field) => (
            <label key={field}>
              {field}
              <input maxLength={128} value={draft.utm[field] ?? ""} onInput={(e) => setUtm(field, e.currentTarget.value)} />
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t("links.routing")}</legend>
          {(["project", "group", "agents"] as const).map((k) => (
            <label key={k} class="check">
              <input type="radio" name="link-target" checked={kind === k} onChange={() => setKind(k)} />
              {t(`links.target.${k}`)}
            </label>
          ))}
          {kind === "group" && (
            <label>
              {t("links.group")}
              <select required value={draft.target_group_id ?? ""} onChange={(e) => change({ target_group_id: e.currentTarget.value || null })}>
                <option value="">{t("links.chooseGroup")}</option>
                {(groups.data?.items ?? []).map((g) => (
                  <option key={g.group_id} value={g.group_id}>
                    {g.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {kind === "agents" &&
            (agents.data?.items ?? []).map((a) => (
              <label key={a.agent_id} class="check">
                <input
                  type="checkbox"
                  checked={chosenAgents.includes(a.agent_id)}
                  onChange={(e) =>
                    change({
                      target_agent_ids: e.currentTarget.checked ? [...chosenAgents, a.agent_id] : chosenAgents.filter((id) => id !== a.agent_id),
                    })
                  }
                />
                {a.display_name || a.username}
              </label>
            ))}
          {(groups.error || agents.error) && <p class="form-error">{groups.error || agents.error}</p>}
        </fieldset>
        <label>
          {t("links.language")}
          <input maxLength={16} value={draft.language ?? ""} placeholder="zh" aria-describedby="link-language-help" onInput={(e) => change({ language: e.currentTarget.value })} />
          <span id="link-language-help" class="muted">
            {t("links.languageHelp")}
          </span>
        </label>
        <label class="check">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => change({ enabled: e.currentTarget.checked })} />
          {t("links.enabled")}
        </label>
        <label>
          {t("links.note")}
          <textarea rows={2} maxLength={1000} value={draft.note} onInput={(e) => change({ note: e.currentTarget.value })} />
        </label>
        <div class="dialog-buttons">
          <button type="button" onClick={props.onClose}>
            {t("action.cancel")}
          </button>
          <button type="submit" class="primary" disabled={busy}>
            {t("action.save")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
