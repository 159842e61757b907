// A project's service levels: tracking on or off, its time zone, business hours and holidays,
// the warning threshold, and per priority the targets and what a breach does. Supervisors of
// the project read them; administrators change them (PUT replaces the whole settings).
import { path, type Api } from "../api/client";
import type { Group, Items } from "../api/types";
import type { ConsoleController } from "../console/controller";
import { t, type MessageKey } from "../i18n";
import { formatDay, parseHolidays, parseWeek, PRIORITY_ORDER, WEEKDAYS, type SlaSettings, type SlaSettingsChange } from "../sla/form";
import { ProjectSettingsForm } from "./ProjectSettingsForm";
import { useLoad } from "./useLoad";
import { useProjectSettings } from "./useProjectSettings";

type Policy = SlaSettings["policies"][string];

interface Form {
  enabled: boolean;
  timeZone: string;
  calendarTime: boolean;
  days: Record<string, string>;
  holidays: string;
  warnPercent: number;
  policies: Record<string, Policy>;
}

function formOf(settings: SlaSettings): Form {
  return {
    enabled: settings.enabled,
    timeZone: settings.time_zone,
    calendarTime: !settings.business_hours,
    days: Object.fromEntries(WEEKDAYS.map((d) => [d, formatDay(settings.business_hours?.[d])])),
    holidays: (settings.holidays ?? []).join(", "),
    warnPercent: settings.warn_percent,
    policies: settings.policies,
  };
}

export function SlaAdmin(props: { api: Api; controller: ConsoleController }) {
  const { api, controller } = props;
  const isAdmin = controller.workspace.state.me.role === "admin";
  const settings = useProjectSettings<SlaSettings, Form>(api, controller, "sla", formOf);
  const { projectId, form, setForm } = settings;
  const groups = useLoad(
    () => (projectId ? api.get<Items<Group>>(path`/api/projects/${projectId}/groups`) : Promise.resolve({ items: [] as Group[] })),
    [api, projectId],
  );

  function setPolicy(priority: string, change: Partial<Policy>) {
    if (!form) return;
    setForm({ ...form, policies: { ...form.policies, [priority]: { ...form.policies[priority], ...change } } });
  }

  const save = settings.submit((form): SlaSettingsChange | string => {
    const week = form.calendarTime ? null : parseWeek(form.days);
    if (!form.calendarTime && week === null) return t("sla.admin.badHours");
    return {
      enabled: form.enabled,
      time_zone: form.timeZone.trim(),
      business_hours: week,
      holidays: parseHolidays(form.holidays),
      warn_percent: form.warnPercent,
      policies: form.policies,
    };
  });

  return (
    <ProjectSettingsForm settings={settings} titleId="sla-admin-title" title="admin.sla" mayEdit={isAdmin} onSubmit={save}>
      {form && (
        <fieldset disabled={!isAdmin}>
          <legend>{t("sla.admin.general")}</legend>
          <label class="check">
            <input type="checkbox" checked={form.enabled} onChange={(e) => setForm({ ...form, enabled: e.currentTarget.checked })} />
            {t("sla.admin.enabled")}
          </label>
          <label>
            {t("sla.admin.timeZone")}
            <input value={form.timeZone} onInput={(e) => setForm({ ...form, timeZone: e.currentTarget.value })} />
          </label>
          <label>
            {t("sla.admin.warnPercent")}
            <input type="number" min={1} max={99} required value={form.warnPercent} onInput={(e) => setForm({ ...form, warnPercent: Number(e.currentTarget.value) })} />
          </label>
          <label class="check">
            <input type="checkbox" checked={form.calendarTime} onChange={(e) => setForm({ ...form, calendarTime: e.currentTarget.checked })} />
            {t("sla.admin.calendarTime")}
          </label>
          {!form.calendarTime &&
            WEEKDAYS.map((day) => (
              <label key={day}>
                {t(`sla.day.${day}` as MessageKey)}
                <input
                  placeholder="09:00-17:00"
                  value={form.days[day]}
                  onInput={(e) => setForm({ ...form, days: { ...form.days, [day]: e.currentTarget.value } })}
                />
              </label>
            ))}
          <label>
            {t("sla.admin.holidays")}
            <textarea rows={2} placeholder="2026-12-25, 2027-01-01" value={form.holidays} onInput={(e) => setForm({ ...form, holidays: e.currentTarget.value })} />
          </label>
        </fieldset>
      )}
      {form &&
        PRIORITY_ORDER.map((priority) => {
          const policy = form.policies[priority];
          const action = policy.breach_action;
          const minutes = (name: "first_response_minutes" | "next_response_minutes" | "resolution_minutes") => (
            <label>
              {t(`sla.admin.${name}` as MessageKey)}
              <input type="number" min={1} required value={policy[name]} onInput={(e) => setPolicy(priority, { [name]: Number(e.currentTarget.value) })} />
            </label>
          );
          return (
            <fieldset key={priority} disabled={!isAdmin}>
              <legend>{t(`priority.${priority}`)}</legend>
              {minutes("first_response_minutes")}
              {minutes("next_response_minutes")}
              {minutes("resolution_minutes")}
              <label class="check">
                <input type="checkbox" checked={policy.business_hours} onChange={(e) => setPolicy(priority, { business_hours: e.currentTarget.checked })} />
                {t("sla.admin.businessHours")}
              </label>
              <label class="check">
                <input type="checkbox" checked={action.notify ?? true} onChange={(e) => setPolicy(priority, { breach_action: { ...action, notify: e.currentTarget.checked } })} />
                {t("sla.admin.notify")}
              </label>
              <label class="check">
                <input
                  type="checkbox"
                  checked={action.raise_priority ?? false}
                  onChange={(e) => setPolicy(priority, { breach_action: { ...action, raise_priority: e.currentTarget.checked } })}
                />
                {t("sla.admin.raisePriority")}
              </label>
              <label>
                {t("sla.admin.reassign")}
                <select
                  value={action.reassign_group_id ?? ""}
                  onChange={(e) => setPolicy(priority, { breach_action: { ...action, reassign_group_id: e.currentTarget.value || null } })}
                >
                  <option value="">{t("sla.admin.noReassign")}</option>
                  {(groups.data?.items ?? []).map((g) => (
                    <option key={g.group_id} value={g.group_id}>
                      {g.name}
                    </option>
                  ))}
                </select>
              </label>
            </fieldset>
          );
        })}
    </ProjectSettingsForm>
  );
}
