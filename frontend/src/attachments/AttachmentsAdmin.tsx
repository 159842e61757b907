// A project's attachment settings: the kinds of file its agents may send (Telegram's own size
// limits apply whatever is chosen). Supervisors read; administrators change.
import { useEffect, useState } from "preact/hooks";
import { path, type Api } from "../api/client";
import type { components } from "../api/schema";
import { attempt, useLoad } from "../admin/useLoad";
import { ProjectPicker } from "../admin/ProjectPicker";
import type { ConsoleController } from "../console/controller";
import { t } from "../i18n";
import type { AttachmentKind } from "./limits";

type AttachmentSettings = components["schemas"]["AttachmentSettings"];

export const KINDS: AttachmentKind[] = ["photo", "document", "audio", "video", "voice"];

export function AttachmentsAdmin(props: { api: Api; controller: ConsoleController }) {
  const { api, controller } = props;
  const projects = controller.workspace.state.projects;
  const isAdmin = controller.workspace.state.me.role === "admin";
  const [projectId, setProjectId] = useState(projects[0]?.project_id ?? "");
  const url = path`/api/projects/${projectId}/attachment-settings`;
  const { data, error, setData } = useLoad(
    () => (projectId ? api.get<AttachmentSettings>(url) : Promise.resolve(null)),
    [api, url, projectId],
  );
  const [form, setForm] = useState<AttachmentSettings | null>(null);
  const [status, setStatus] = useState("");
  useEffect(() => setForm(data), [data]);

  function toggle(kind: AttachmentKind, on: boolean) {
    if (!form) return;
    setForm({ ...form, kinds: KINDS.filter((each) => (each === kind ? on : form.kinds.includes(each))) });
  }

  async function save(event: Event) {
    event.preventDefault();
    if (!form) return;
    let saved: AttachmentSettings | null = null;
    const failure = await attempt(async () => {
      saved = await api.put<AttachmentSettings>(url, { kinds: form.kinds, updated_at: form.updated_at ?? undefined });
    });
    if (saved) setData(saved);
    setStatus(failure || t("admin.saved"));
  }

  return (
    <form class="admin-form" onSubmit={save} aria-labelledby="attachments-admin-title">
      <h2 id="attachments-admin-title">{t("admin.attachments")}</h2>
      <ProjectPicker projects={projects} projectId={projectId} onPick={setProjectId} />
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {form && (
        <fieldset disabled={!isAdmin}>
          <legend>{t("attach.admin.legend")}</legend>
          {KINDS.map((kind) => (
            <label key={kind} class="check">
              <input type="checkbox" checked={form.kinds.includes(kind)} onChange={(e) => toggle(kind, e.currentTarget.checked)} />
              {t(`kind.${kind}`)}
            </label>
          ))}
          <p class="muted">{t("attach.admin.hint")}</p>
        </fieldset>
      )}
      {form && isAdmin && (
        <button type="submit" class="primary">
          {t("action.save")}
        </button>
      )}
      {status && <p role="status">{status}</p>}
    </form>
  );
}
