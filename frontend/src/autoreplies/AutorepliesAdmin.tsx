// A project's automatic answers: the welcome and the off-hours answer (on or off, a text per
// language; the off-hours one by the SLA tab's business hours, `{back}` naming when the team is
// back) and the FAQ rules (phrases or keywords in one language, the answer, its buttons).
// The project's supervisors and the administrators change them, and approve the rules agents
// proposed from their answers (the bot gives none of those until then).
import type { Api } from "../api/client";
import type { ConsoleController } from "../console/controller";
import { t } from "../i18n";
import { useStore } from "../lib/store";
import { ProjectSettingsForm } from "../admin/ProjectSettingsForm";
import { useProjectSettings } from "../admin/useProjectSettings";
import { ANSWERS, LANGUAGES, MAX_RULES, linesOf, newRule, type AutoAnswer, type AutoreplySettings, type AutoreplySettingsChange, type FaqRule } from "./model";

interface RuleForm {
  rule: FaqRule;
  phrases: string; // one a line
  keywords: string;
}

interface Form {
  answers: Record<string, AutoAnswer>;
  rules: RuleForm[];
}

function ruleFormOf(rule: FaqRule): RuleForm {
  return { rule, phrases: (rule.phrases ?? []).join("\n"), keywords: (rule.keywords ?? []).join("\n") };
}

function formOf(settings: AutoreplySettings): Form {
  return { answers: { welcome: settings.welcome, off_hours: settings.off_hours }, rules: (settings.faq ?? []).map(ruleFormOf) };
}

export function AutorepliesAdmin(props: { api: Api; controller: ConsoleController }) {
  const { api, controller } = props;
  const mayEdit = controller.workspace.state.me.role !== "agent";
  const agents = useStore(controller.workspace.store, (s) => s.agents);
  const settings = useProjectSettings<AutoreplySettings, Form>(api, controller, "autoreply-settings", formOf);
  const { form, setForm } = settings;
  const answers = form?.answers ?? null;
  const rules = form?.rules ?? [];

  function setAnswer(name: string, part: Partial<AutoAnswer>) {
    if (form) setForm({ ...form, answers: { ...form.answers, [name]: { ...form.answers[name], ...part } } });
  }

  function setRules(next: RuleForm[]) {
    if (form) setForm({ ...form, rules: next });
  }

  function setRule(index: number, part: Partial<RuleForm>) {
    setRules(rules.map((r, i) => (i === index ? { ...r, ...part } : r)));
  }

  const save = settings.submit(
    (form, read): AutoreplySettingsChange => ({
      welcome: form.answers.welcome,
      off_hours: form.answers.off_hours,
      faq: form.rules.map((r) => ({ ...r.rule, phrases: linesOf(r.phrases), keywords: linesOf(r.keywords) })),
      updated_at: read.updated_at ?? undefined,
    }),
  );

  return (
    <ProjectSettingsForm
      settings={settings}
      class="admin-form autoreplies-admin"
      titleId="autoreplies-admin-title"
      title="admin.autoreplies"
      mayEdit={mayEdit}
      onSubmit={save}
    >
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
              <li key={form.rule.rule_id ?? `new-${index}`} class="faq-rule" data-proposed={form.rule.proposed ? "" : undefined}>
                {form.rule.proposed && (
                  <p class="proposal">
                    {t("autoreplies.rule.proposedBy", { name: agents[form.rule.created_by ?? ""]?.display_name ?? form.rule.created_by ?? "?" })}{" "}
                    <button type="button" data-action="approve-faq" onClick={() => setRule(index, { rule: { ...form.rule, proposed: false } })}>
                      {t("autoreplies.rule.approve", { number: index + 1 })}
                    </button>
                  </p>
                )}
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
          <button type="button" disabled={rules.length >= MAX_RULES} onClick={() => setRules([...rules, ruleFormOf(newRule("en"))])}>
            {t("autoreplies.rule.add")}
          </button>
        </fieldset>
      )}
    </ProjectSettingsForm>
  );
}
