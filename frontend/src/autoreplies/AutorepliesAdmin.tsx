// A project's automatic answers: the welcome and the off-hours answer (on or off, a text per
// language; the off-hours one by the SLA tab's business hours, `{back}` naming when the team is
// back) and the FAQ rules (phrases or keywords in one language, the answer, its buttons).
// The project's supervisors and the administrators change them.
import { useEffect, useState } from "preact/hooks";
import { path, type Api } from "../api/client";
import type { ConsoleController } from "../console/controller";
import { t } from "../i18n";
import { attempt, useLoad } from "../admin/useLoad";
import { ProjectPicker } from "../admin/ProjectPicker";
import { ANSWERS, LANGUAGES, MAX_RULES, linesOf, newRule, type AutoAnswer, type AutoreplySettings, type AutoreplySettingsChange, type FaqRule } from "./model";

interface RuleForm {
  rule: FaqRule;
  phrases: string; // one a line
  keywords: string;
}

function formOf(rule: FaqRule): RuleForm {
  return { rule, phrases: (rule.phrases ?? []).join("\n"), keywords: (rule.keywords ?? []).join("\n") };
}

export function AutorepliesAdmin(props: { api: Api; controller: ConsoleController }) {
  const { api, controller } = props;
  const projects = controller.workspace.state.projects;
  const mayEdit = controller.workspace.state.me.role !== "agent";
  const [projectId, setProjectId] = useState(projects[0]?.project_id ?? "");
  const url = path`/api/projects/${projectId}/autoreply-settings`;
  const { data, error, setData } = useLoad(
    () => (projectId ? api.get<AutoreplySettings>(url) : Promise.resolve(null)),
    [api, url, projectId],
  );
  const [answers, setAnswers] = useState<Record<string, AutoAnswer> | null>(null);
  const [rules, setRules] = useState<RuleForm[]>([]);
  const [status, setStatus] = useState("");
  useEffect(() => {
    setAnswers(data ? { welcome: data.welcome, off_hours: data.off_hours } : null);
    setRules((data?.faq ?? []).map(formOf));
  }, [data]);

  function setAnswer(name: string, part: Partial<AutoAnswer>) {
    if (answers) setAnswers({ ...answers, [name]: { ...answers[name], ...part } });
  }

  function setRule(index: number, part: Partial<RuleForm>) {
    setRules(rules.map((r, i) => (i === index ? { ...r, ...part } : r)));
  }

  async function save(event: Event) {
    event.preventDefault();
    if (!answers || !data) return;
    const body: AutoreplySettingsChange = {
      welcome: answers.welcome,
      off_hours: answers.off_hours,
      faq: rules.map((r) => ({ ...r.rule, phrases: linesOf(r.phrases), keywords: linesOf(r.keywords) })),
      updated_at: data.updated_at ?? undefined,
    };
    let saved: AutoreplySettings | null = null;
    const failure = await attempt(async () => {
      saved = await api.put<AutoreplySettings>(url, body);
    });
    if (saved) setData(saved);
    setStatus(failure || t("admin.saved"));
  }

  return (
    <form class="admin-form autoreplies-admin" onSubmit={save} aria-labelledby="autoreplies-admin-title">
      <h2 id="autoreplies-admin-title">{t("admin.autoreplies")}</h2>
      <ProjectPicker projects={projects} projectId={projectId} onPick={setProjectId} />
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {answers &&
        ANSWERS.map((name) => (
          <fieldset key={name} disabled={!mayEdit} data-answer={name}>
            <legend>{t(`autoreplies.${name}`)}</legend>
            <p class="hint">{t(`autoreplies.${name}.hint`)}</p>
            <label class="check">
              <input type="checkbox" checked={answers[name].enabled} onChange={(e) => setAnswer(name, { enabled: e.currentTarget.checked })} />
              {t(`autoreplies.${name}.enabled`)}
            </label>
            {LANGUAGES.map((language) => (
              <label key={language}>
                {t("autoreplies.textIn", { language })}
                <textarea
                  rows={2}
                  value={answers[name].texts?.[language] ?? ""}
                  onInput={(e) => setAnswer(name, { texts: { ...answers[name].texts, [language]: e.currentTarget.value } })}
                />
              </label>
            ))}
          </fieldset>
        ))}
      {answers && (
        <fieldset disabled={!mayEdit} class="faq-rules">
          <legend>{t("autoreplies.faq")}</legend>
          <p class="hint">{t("autoreplies.faq.hint")}</p>
          {rules.length === 0 && <p>{t("autoreplies.faq.none")}</p>}
          <ol>
            {rules.map((form, index) => (
              <li key={form.rule.rule_id ?? `new-${index}`} class="faq-rule">
                <label>
                  {t("autoreplies.rule.language")}
                  <select value={form.rule.language} onChange={(e) => setRule(index, { rule: { ...form.rule, language: e.currentTarget.value } })}>
                    {[...new Set([...LANGUAGES, form.rule.language])].map((language) => (
                      <option key={language} value={language}>
                        {language}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t("autoreplies.rule.phrases")}
                  <textarea rows={2} value={form.phrases} onInput={(e) => setRule(index, { phrases: e.currentTarget.value })} />
                </label>
                <label>
                  {t("autoreplies.rule.keywords")}
                  <textarea rows={1} value={form.keywords} onInput={(e) => setRule(index, { keywords: e.currentTarget.value })} />
                </label>
                <label>
                  {t("autoreplies.rule.answer")}
                  <textarea rows={3} required value={form.rule.answer} onInput={(e) => setRule(index, { rule: { ...form.rule, answer: e.currentTarget.value } })} />
                </label>
                <label class="check">
                  <input type="checkbox" checked={form.rule.buttons ?? true} onChange={(e) => setRule(index, { rule: { ...form.rule, buttons: e.currentTarget.checked } })} />
                  {t("autoreplies.rule.buttons")}
                </label>
                <button type="button" onClick={() => setRules(rules.filter((_, i) => i !== index))}>
                  {t("autoreplies.rule.remove", { number: index + 1 })}
                </button>
              </li>
            ))}
          </ol>
          <button type="button" disabled={rules.length >= MAX_RULES} onClick={() => setRules([...rules, formOf(newRule("en"))])}>
            {t("autoreplies.rule.add")}
          </button>
        </fieldset>
      )}
      {answers && mayEdit && (
        <button type="submit" class="primary">
          {t("action.save")}
        </button>
      )}
      {status && <p role="status">{status}</p>}
    </form>
  );
}
