// A project's translation: on or off, and the language its agents read and write. Supervisors
// read; administrators change.
import { useEffect, useState } from "preact/hooks";
import { path, type Api } from "../api/client";
import { attempt, useLoad } from "../admin/useLoad";
import { ProjectPicker } from "../admin/ProjectPicker";
import type { ConsoleController } from "../console/controller";
import { t } from "../i18n";
import type { TranslationSettings, TranslationSettingsChange } from "./types";

/** Languages offered for the agents (Amazon Translate's codes); a stored other one is kept. */
export const AGENT_LANGUAGES = ["en", "zh", "zh-TW", "ru", "es", "pt", "fr", "de", "ar", "tr", "vi", "id", "th", "ja", "ko"];

export function TranslationAdmin(props: { api: Api; controller: ConsoleController }) {
  const { api, controller } = props;
  const projects = controller.workspace.state.projects;
  const isAdmin = controller.workspace.state.me.role === "admin";
  const [projectId, setProjectId] = useState(projects[0]?.project_id ?? "");
  const url = path`/api/projects/${projectId}/translation-settings`;
  const { data, error, setData } = useLoad(
    () => (projectId ? api.get<TranslationSettings>(url) : Promise.resolve(null)),
    [api, url, projectId],
  );
  const [form, setForm] = useState<TranslationSettings | null>(null);
  const [status, setStatus] = useState("");
  useEffect(() => setForm(data), [data]);

  async function save(event: Event) {
    event.preventDefault();
    if (!form) return;
    const body: TranslationSettingsChange = {
      enabled: form.enabled,
      agent_language: form.agent_language,
      updated_at: form.updated_at ?? undefined,
    };
    let saved: TranslationSettings | null = null;
    const failure = await attempt(async () => {
      saved = await api.put<TranslationSettings>(url, body);
    });
    if (saved) setData(saved);
    setStatus(failure || t("admin.saved"));
  }

  const languages = form && !AGENT_LANGUAGES.includes(form.agent_language) ? [form.agent_language, ...AGENT_LANGUAGES] : AGENT_LANGUAGES;
  return (
    <form class="admin-form" onSubmit={save} aria-labelledby="translation-admin-title">
      <h2 id="translation-admin-title">{t("admin.translation")}</h2>
      <ProjectPicker projects={projects} projectId={projectId} onPick={setProjectId} />
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {form && (
        <fieldset disabled={!isAdmin}>
          <legend>{t("translation.admin.legend")}</legend>
          <label class="check">
            <input type="checkbox" checked={form.enabled} onChange={(e) => setForm({ ...form, enabled: e.currentTarget.checked })} />
            {t("translation.admin.enabled")}
          </label>
          <label>
            {t("translation.admin.agentLanguage")}
            <select value={form.agent_language} onChange={(e) => setForm({ ...form, agent_language: e.currentTarget.value })}>
              {languages.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </label>
          <p class="muted">{t("translation.admin.hint")}</p>
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
