// A project's escalation triggers: a session unresolved for N minutes, the user asking for a
// manager or to complain N times (phrases per language), keywords. Each may escalate on its own
// to a group. Supervisors of the project read them; administrators change them.
import { path, type Api } from "../api/client";
import type { Group, Items } from "../api/types";
import type { ConsoleController } from "../console/controller";
import { t } from "../i18n";
import { linesOf, phrasesOf, textsOf, TRIGGERS, type AutoEscalation, type TriggerName, type TriggerSettings, type TriggerSettingsChange } from "../triggers/model";
import { ProjectSettingsForm } from "./ProjectSettingsForm";
import { useLoad } from "./useLoad";
import { useProjectSettings } from "./useProjectSettings";

interface Form {
  enabled: Record<TriggerName, boolean>;
  escalate: Record<TriggerName, AutoEscalation | null>;
  minutes: number;
  times: number;
  phrases: Record<string, string>; // language code -> one phrase per line
  keywords: string;
}

function formOf(settings: TriggerSettings): Form {
  return {
    enabled: { unresolved: settings.unresolved.enabled, manager: settings.manager.enabled, keyword: settings.keyword.enabled },
    escalate: {
      unresolved: settings.unresolved.escalate ?? null,
      manager: settings.manager.escalate ?? null,
      keyword: settings.keyword.escalate ?? null,
    },
    minutes: settings.unresolved.minutes,
    times: settings.manager.times,
    phrases: Object.fromEntries(Object.entries(settings.manager.phrases).map(([language, texts]) => [language, linesOf(texts)])),
    keywords: linesOf(settings.keyword.keywords),
  };
}

export function changeOf(form: Form, updatedAt: number | null | undefined): TriggerSettingsChange {
  return {
    unresolved: { enabled: form.enabled.unresolved, minutes: form.minutes, escalate: form.escalate.unresolved },
    manager: { enabled: form.enabled.manager, times: form.times, phrases: phrasesOf(form.phrases), escalate: form.escalate.manager },
    keyword: { enabled: form.enabled.keyword, keywords: textsOf(form.keywords), escalate: form.escalate.keyword },
    updated_at: updatedAt ?? null,
  };
}

export function TriggersAdmin(props: { api: Api; controller: ConsoleController }) {
  const { api, controller } = props;
  const isAdmin = controller.workspace.state.me.role === "admin";
  const settings = useProjectSettings<TriggerSettings, Form>(api, controller, "escalation-triggers", formOf);
  const { projectId, form, setForm } = settings;
  const groups = useLoad(
    () => (projectId ? api.get<Items<Group>>(path`/api/projects/${projectId}/groups`) : Promise.resolve({ items: [] as Group[] })),
    [api, projectId],
  );

  const save = settings.submit((form, read) => changeOf(form, read.updated_at));

  function escalation(name: TriggerName) {
    if (!form) return null;
    const target = form.escalate[name];
    const set = (value: AutoEscalation | null) => setForm({ ...form, escalate: { ...form.escalate, [name]: value } });
    return (
      <>
        <label>
          {t("triggers.admin.escalateTo")}
          <select value={target?.group_id ?? ""} onChange={(e) => set(e.currentTarget.value ? { group_id: e.currentTarget.value, level: target?.level ?? "l2" } : null)}>
            <option value="">{t("triggers.admin.suggestOnly")}</option>
            {(groups.data?.items ?? []).map((g) => (
              <option key={g.group_id} value={g.group_id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        {target && (
          <label>
            {t("triggers.admin.level")}
            <select value={target.level} onChange={(e) => set({ ...target, level: e.currentTarget.value as "l2" | "l3" })}>
              <option value="l2">{t("level.l2")}</option>
              <option value="l3">{t("level.l3")}</option>
            </select>
          </label>
        )}
      </>
    );
  }

  return (
    <ProjectSettingsForm settings={settings} titleId="triggers-admin-title" title="admin.escalationTriggers" mayEdit={isAdmin} onSubmit={save}>
      {form &&
        TRIGGERS.map((name) => (
          <fieldset key={name} disabled={!isAdmin} data-trigger={name}>
            <legend>{t(`triggers.admin.${name}`)}</legend>
            <label class="check">
              <input
                type="checkbox"
                checked={form.enabled[name]}
                onChange={(e) => setForm({ ...form, enabled: { ...form.enabled, [name]: e.currentTarget.checked } })}
              />
              {t("triggers.admin.on")}
            </label>
            {name === "unresolved" && (
              <label>
                {t("triggers.admin.minutes")}
                <input type="number" min={1} required value={form.minutes} onInput={(e) => setForm({ ...form, minutes: Number(e.currentTarget.value) })} />
              </label>
            )}
            {name === "manager" && (
              <>
                <label>
                  {t("triggers.admin.times")}
                  <input type="number" min={1} max={20} required value={form.times} onInput={(e) => setForm({ ...form, times: Number(e.currentTarget.value) })} />
                </label>
                {Object.entries(form.phrases).map(([language, lines]) => (
                  <label key={language}>
                    {t("triggers.admin.phrases", { language })}
                    <textarea rows={4} value={lines} onInput={(e) => setForm({ ...form, phrases: { ...form.phrases, [language]: e.currentTarget.value } })} />
                  </label>
                ))}
              </>
            )}
            {name === "keyword" && (
              <label>
                {t("triggers.admin.keywords")}
                <textarea rows={5} value={form.keywords} onInput={(e) => setForm({ ...form, keywords: e.currentTarget.value })} />
              </label>
            )}
            {escalation(name)}
          </fieldset>
        ))}
    </ProjectSettingsForm>
  );
}
