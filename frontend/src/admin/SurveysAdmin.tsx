// A project's satisfaction surveys: on or off, which sessions, the auto-closed ones, how often
// a user may be asked, the comment window, the review link, quiet hours, the return visit,
// and the wording per language (empty: the default). Supervisors read; administrators change.
import { useEffect, useState } from "preact/hooks";
import type { Api } from "../api/client";
import type { ConsoleController } from "../console/controller";
import { t } from "../i18n";
import { clock, LANGUAGES, minutesOf, TEXTS, type SurveySettings, type SurveySettingsChange } from "../surveys/form";
import { ProjectSettingsForm } from "./ProjectSettingsForm";
import { useProjectSettings } from "./useProjectSettings";

type Wording = Record<string, Record<string, string>>;

export function SurveysAdmin(props: { api: Api; controller: ConsoleController }) {
  const { api, controller } = props;
  const isAdmin = controller.workspace.state.me.role === "admin";
  const settings = useProjectSettings<SurveySettings>(api, controller, "survey-settings");
  const { data, form, setForm } = settings;
  const [quiet, setQuiet] = useState({ start: "22:00", end: "08:00" });
  useEffect(() => {
    if (data) setQuiet({ start: clock(data.quiet_hours.start_minute), end: clock(data.quiet_hours.end_minute) });
  }, [data]);

  function change(part: Partial<SurveySettings>) {
    if (form) setForm({ ...form, ...part });
  }

  function setText(language: string, name: string, value: string) {
    if (!form) return;
    const wording = form.wording as Wording;
    change({ wording: { ...wording, [language]: { ...(wording[language] ?? {}), [name]: value } } });
  }

  const save = settings.submit((form): SurveySettingsChange | string => {
    const [start, end] = [minutesOf(quiet.start), minutesOf(quiet.end)];
    if (start === null || end === null) return t("survey.admin.badTime");
    return {
      enabled: form.enabled,
      sessions: form.sessions,
      auto_closed: form.auto_closed,
      wording: form.wording,
      review_url: form.review_url.trim(),
      once_per_days: form.once_per_days,
      comment_minutes: form.comment_minutes,
      quiet_hours: { start_minute: start, end_minute: end },
      return_visit_hours: form.return_visit_hours,
      updated_at: form.updated_at ?? undefined,
    };
  });

  const number = (value: number, onValue: (n: number) => void, min: number, max: number) => (
    <input type="number" min={min} max={max} required value={value} onInput={(e) => onValue(Number(e.currentTarget.value))} />
  );

  return (
    <ProjectSettingsForm settings={settings} titleId="survey-admin-title" title="admin.surveys" mayEdit={isAdmin} onSubmit={save}>
      {form && (
        <fieldset disabled={!isAdmin}>
          <legend>{t("survey.admin.general")}</legend>
          <label class="check">
            <input type="checkbox" checked={form.enabled} onChange={(e) => change({ enabled: e.currentTarget.checked })} />
            {t("survey.admin.enabled")}
          </label>
          <label>
            {t("survey.admin.sessions")}
            <select value={form.sessions} onChange={(e) => change({ sessions: e.currentTarget.value as SurveySettings["sessions"] })}>
              <option value="all">{t("survey.admin.sessionsAll")}</option>
              <option value="escalated">{t("survey.admin.sessionsEscalated")}</option>
            </select>
          </label>
          <label class="check">
            <input type="checkbox" checked={form.auto_closed} onChange={(e) => change({ auto_closed: e.currentTarget.checked })} />
            {t("survey.admin.autoClosed")}
          </label>
          <label>
            {t("survey.admin.oncePerDays")}
            {number(form.once_per_days, (n) => change({ once_per_days: n }), 0, 365)}
          </label>
          <label>
            {t("survey.admin.commentMinutes")}
            {number(form.comment_minutes, (n) => change({ comment_minutes: n }), 0, 60)}
          </label>
          <label>
            {t("survey.admin.reviewUrl")}
            <input type="url" value={form.review_url} onInput={(e) => change({ review_url: e.currentTarget.value })} />
          </label>
          <label>
            {t("survey.admin.quietStart")}
            <input value={quiet.start} onInput={(e) => setQuiet({ ...quiet, start: e.currentTarget.value })} />
          </label>
          <label>
            {t("survey.admin.quietEnd")}
            <input value={quiet.end} onInput={(e) => setQuiet({ ...quiet, end: e.currentTarget.value })} />
          </label>
          <label>
            {t("survey.admin.returnVisitHours")}
            {number(form.return_visit_hours, (n) => change({ return_visit_hours: n }), 0, 48)}
          </label>
        </fieldset>
      )}
      {form &&
        LANGUAGES.map((language) => (
          <fieldset key={language} disabled={!isAdmin}>
            <legend>{t("survey.admin.wording", { language })}</legend>
            {TEXTS.map((name) => (
              <label key={name}>
                {t(`survey.admin.text.${name}`)}
                <textarea
                  rows={2}
                  placeholder={t("survey.admin.defaultText")}
                  value={(form.wording as Wording)[language]?.[name] ?? ""}
                  onInput={(e) => setText(language, name, e.currentTarget.value)}
                />
              </label>
            ))}
          </fieldset>
        ))}
    </ProjectSettingsForm>
  );
}
