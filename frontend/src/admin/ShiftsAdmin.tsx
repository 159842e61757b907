// A project's shifts: name, start days, start and end (the next day when the end comes first),
// time zone, agents, reminders before the end and the acknowledgement's delay. Supervisors
// and administrators change them; the handovers are below.
import { useState } from "preact/hooks";
import type { HttpApi } from "../api/client";
import type { Shift, ShiftChange } from "../api/types";
import type { ConsoleController } from "../console/controller";
import { agentName } from "../console/people";
import { HandoverPage } from "../handover/HandoverPage";
import { deleteShift, listShifts, saveShift, WEEKDAYS } from "../handover/api";
import { t } from "../i18n";
import { attempt, useLoad } from "./useLoad";
import { ProjectPicker } from "./ProjectPicker";

const EMPTY: ShiftChange = { name: "", days: ["mon", "tue", "wed", "thu", "fri"], start: "09:00", end: "17:00", agent_ids: [], reminder_minutes: [60, 30], ack_minutes: 30, post_summary: true };

export function ShiftsAdmin(props: { api: HttpApi; controller: ConsoleController }) {
  const { api, controller } = props;
  const { projects, agents } = controller.workspace.state;
  const [projectId, setProjectId] = useState(projects[0]?.project_id ?? "");
  const shifts = useLoad(() => (projectId ? listShifts(api, projectId) : Promise.resolve({ items: [] as Shift[] })), [api, projectId]);
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState<ShiftChange>(EMPTY);
  const [reminders, setReminders] = useState("60, 30");
  const [status, setStatus] = useState("");
  const members = Object.values(agents);

  function edit(shift: Shift | null) {
    setEditing(shift?.shift_id ?? null);
    setForm(shift ? { ...shift } : EMPTY);
    setReminders((shift?.reminder_minutes ?? [60, 30]).join(", "));
  }

  function toggle(list: string[] | null | undefined, value: string): string[] {
    const found = list ?? [];
    return found.includes(value) ? found.filter((v) => v !== value) : [...found, value];
  }

  async function save(event: Event) {
    event.preventDefault();
    const minutes = reminders.split(",").map((m) => Number(m.trim())).filter((m) => m > 0);
    const failure = await attempt(() => saveShift(api, projectId, editing, { ...form, reminder_minutes: minutes }));
    setStatus(failure || t("admin.saved"));
    if (!failure) edit(null);
    shifts.reload();
  }

  async function remove(shift: Shift) {
    const failure = await attempt(() => deleteShift(api, projectId, shift.shift_id));
    setStatus(failure || t("admin.saved"));
    shifts.reload();
  }

  return (
    <div class="admin-form">
      <h2 id="shifts-admin-title">{t("admin.shifts")}</h2>
      <ProjectPicker projects={projects} projectId={projectId} onPick={setProjectId} />
      {shifts.error && (
        <p class="form-error" role="alert">
          {shifts.error}
        </p>
      )}
      <table>
        <caption>{t("admin.shifts")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("shifts.name")}</th>
            <th scope="col">{t("shifts.days")}</th>
            <th scope="col">{t("shifts.hours")}</th>
            <th scope="col">{t("shifts.agents")}</th>
            <th scope="col">{t("shifts.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {(shifts.data?.items ?? []).map((s) => (
            <tr key={s.shift_id}>
              <th scope="row">{s.name}</th>
              <td>{s.days.map((d) => t(`shifts.day.${d}` as "shifts.day.mon")).join(" ")}</td>
              <td>
                {s.start}–{s.end} ({s.time_zone})
              </td>
              <td>{s.agent_ids.map((a) => agentName(agents, a)).join(", ")}</td>
              <td>
                <button type="button" onClick={() => edit(s)}>
                  {t("shifts.edit")}
                </button>
                <button type="button" class="danger" onClick={() => void remove(s)}>
                  {t("action.delete")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={save} aria-labelledby="shift-form-title">
        <h3 id="shift-form-title">{editing ? t("shifts.editTitle") : t("shifts.newTitle")}</h3>
        <label>
          {t("shifts.name")}
          <input required maxLength={80} value={form.name ?? ""} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} />
        </label>
        <fieldset>
          <legend>{t("shifts.days")}</legend>
          {WEEKDAYS.map((d) => (
            <label key={d} class="check">
              <input type="checkbox" checked={(form.days ?? []).includes(d)} onChange={() => setForm({ ...form, days: toggle(form.days, d) })} />
              {t(`shifts.day.${d}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t("shifts.start")}
          <input type="time" required value={form.start ?? ""} onInput={(e) => setForm({ ...form, start: e.currentTarget.value })} />
        </label>
        <label>
          {t("shifts.end")}
          <input type="time" required value={form.end ?? ""} onInput={(e) => setForm({ ...form, end: e.currentTarget.value })} />
        </label>
        <label>
          {t("shifts.timeZone")}
          <input placeholder="Europe/Berlin" value={form.time_zone ?? ""} onInput={(e) => setForm({ ...form, time_zone: e.currentTarget.value || null })} />
        </label>
        <fieldset>
          <legend>{t("shifts.agents")}</legend>
          {members.map((a) => (
            <label key={a.agent_id} class="check">
              <input type="checkbox" checked={(form.agent_ids ?? []).includes(a.agent_id)} onChange={() => setForm({ ...form, agent_ids: toggle(form.agent_ids, a.agent_id) })} />
              {agentName(agents, a.agent_id)}
            </label>
          ))}
        </fieldset>
        <label>
          {t("shifts.reminders")}
          <input value={reminders} onInput={(e) => setReminders(e.currentTarget.value)} />
        </label>
        <label>
          {t("shifts.ackMinutes")}
          <input type="number" min={1} max={1440} value={form.ack_minutes ?? 30} onInput={(e) => setForm({ ...form, ack_minutes: Number(e.currentTarget.value) })} />
        </label>
        <label class="check">
          <input type="checkbox" checked={form.post_summary ?? true} onChange={(e) => setForm({ ...form, post_summary: e.currentTarget.checked })} />
          {t("shifts.postSummary")}
        </label>
        <button type="submit" class="primary">
          {t("action.save")}
        </button>
        {editing && (
          <button type="button" onClick={() => edit(null)}>
            {t("action.cancel")}
          </button>
        )}
      </form>
      {status && <p role="status">{status}</p>}
      <HandoverPage api={api} controller={controller} />
    </div>
  );
}
