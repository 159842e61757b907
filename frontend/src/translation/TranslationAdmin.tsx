// A project's translation: on or off, and the language its agents read and write. Supervisors
// read; administrators change.
import type { Api } from "../api/client";
import { ProjectSettingsForm } from "../admin/ProjectSettingsForm";
import { useProjectSettings } from "../admin/useProjectSettings";
import type { ConsoleController } from "../console/controller";
import { t } from "../i18n";
import type { TranslationSettings, TranslationSettingsChange } from "./types";

/** Languages offered for the agents (Amazon Translate's codes); a stored other one is kept. */
export const AGENT_LANGUAGES = ["en", "zh", "zh-TW", "ru", "es", "pt", "fr", "de", "ar", "tr", "vi", "id", "th", "ja", "ko"];

export function TranslationAdmin(props: { api: Api; controller: ConsoleController }) {
  const { api, controller } = props;
  const isAdmin = controller.workspace.state.me.role === "admin";
  const settings = useProjectSettings<TranslationSettings>(api, controller, "translation-settings");
  const { form, setForm } = settings;

  const save = settings.submit(
    (form): TranslationSettingsChange => ({
      enabled: form.enabled,
      agent_language: form.agent_language,
      updated_at: form.updated_at ?? undefined,
    }),
  );

  const languages = form && !AGENT_LANGUAGES.includes(form.agent_language) ? [form.agent_language, ...AGENT_LANGUAGES] : AGENT_LANGUAGES;
  return (
    <ProjectSettingsForm settings={settings} titleId="translation-admin-title" title="admin.translation" mayEdit={isAdmin} onSubmit={save}>
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
    </ProjectSettingsForm>
  );
}
