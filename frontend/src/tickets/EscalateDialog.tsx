import { useEffect, useState } from "preact/hooks";
import { path } from "../api/client";
import { PRIORITIES, type AgentAccount, type Group, type Items, type Priority, type Session } from "../api/types";
import { Dialog } from "../components/Dialog";
import type { ConsoleController } from "../console/controller";
import { errorText } from "../console/errors";
import { t } from "../i18n";
import { EMOTIONS, higherLevels, ticketLabel, type Emotion, type EscalationRequest, type Ticket } from "./model";

type Mode = "group" | "agent" | "supervisors";

/** Escalate the session to a higher level: to a group, a named agent or (l3) the supervisors. */
export function EscalateDialog(props: { controller: ConsoleController; session: Session; onClose: () => void }) {
  const { controller, session } = props;
  const levels = higherLevels(session.level);
  const [level, setLevel] = useState(levels[0]);
  const [mode, setMode] = useState<Mode>("group");
  const [groups, setGroups] = useState<Group[]>([]);
  const [agents, setAgents] = useState<AgentAccount[]>([]);
  const [groupId, setGroupId] = useState("");
  const [agentId, setAgentId] = useState("");
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState("");
  const [tried, setTried] = useState("");
  const [emotion, setEmotion] = useState<Emotion>("calm");
  const [priority, setPriority] = useState<Priority>(session.priority);
  const [notify, setNotify] = useState(true);
  const [firstResponse, setFirstResponse] = useState("");
  const [resolution, setResolution] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const pid = session.project_id;
    void controller.api.get<Items<Group>>(path`/api/projects/${pid}/groups`).then((r) => setGroups(r.items), () => undefined);
    void controller.api.get<Items<AgentAccount>>(path`/api/projects/${pid}/agents`).then((r) => setAgents(r.items), () => undefined);
  }, [session.project_id]);

  const modes: Mode[] = level === "l3" ? ["group", "agent", "supervisors"] : ["group", "agent"];
  const chosenMode = modes.includes(mode) ? mode : "group";
  const to: EscalationRequest["to"] | null =
    chosenMode === "supervisors"
      ? { supervisors: true }
      : chosenMode === "group"
        ? groupId
          ? { group_id: groupId, supervisors: false }
          : null
        : agentId
          ? { agent_id: agentId, supervisors: false }
          : null;

  async function submit(event: Event) {
    event.preventDefault();
    if (!level || !to || busy) return;
    setBusy(true);
    const body: EscalationRequest = {
      level,
      to,
      reason: reason.trim() || undefined,
      problem: problem.trim() || undefined,
      tried: tried.trim() || undefined,
      emotion,
      priority,
      notify_user: notify,
      confirm_risk: false,
      first_response_minutes: minutes(firstResponse),
      resolution_minutes: minutes(resolution),
    };
    try {
      const ticket = await controller.api.post<Ticket>(path`/api/sessions/${session.session_id}/escalations`, body);
      controller.workspace.notify("notice.escalated", undefined, { ticket: ticketLabel(ticket.number), level: t(`level.${ticket.level}`) });
      props.onClose();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  if (!level) return null;
  return (
    <Dialog title={t("escalate.title")} onClose={props.onClose}>
      <form onSubmit={submit} class="stack">
        <label>
          {t("escalate.level")}
          <select value={level} onChange={(e) => setLevel(e.currentTarget.value as typeof level)}>
            {levels.map((l) => (
              <option key={l} value={l}>
                {t(`level.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>{t("escalate.to")}</legend>
          {modes.map((m) => (
            <label key={m} class="check">
              <input type="radio" name="escalate-mode" checked={chosenMode === m} onChange={() => setMode(m)} />
              {t(`escalate.mode.${m}`)}
            </label>
          ))}
        </fieldset>
        {chosenMode === "group" && (
          <label>
            {t("transfer.group")}
            <select value={groupId} onChange={(e) => setGroupId(e.currentTarget.value)} required>
              <option value="">{t("transfer.choose")}</option>
              {groups.map((g) => (
                <option key={g.group_id} value={g.group_id}>
                  {g.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {chosenMode === "agent" && (
          <label>
            {t("transfer.agent")}
            <select value={agentId} onChange={(e) => setAgentId(e.currentTarget.value)} required>
              <option value="">{t("transfer.choose")}</option>
              {agents
                .filter((a) => a.agent_id !== session.assignee_id && !a.disabled)
                .map((a) => (
                  <option key={a.agent_id} value={a.agent_id}>
                    {a.display_name || a.username}
                  </option>
                ))}
            </select>
          </label>
        )}
        <label>
          {t("ticket.problem")}
          <textarea rows={2} value={problem} maxLength={2000} placeholder={t("escalate.problemHint")} onInput={(e) => setProblem(e.currentTarget.value)} />
        </label>
        <label>
          {t("ticket.tried")}
          <textarea rows={2} value={tried} maxLength={2000} onInput={(e) => setTried(e.currentTarget.value)} />
        </label>
        <label>
          {t("ticket.emotion")}
          <select value={emotion} onChange={(e) => setEmotion(e.currentTarget.value as Emotion)}>
            {EMOTIONS.map((m) => (
              <option key={m} value={m}>
                {t(`emotion.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("filter.priority")}
          <select value={priority} onChange={(e) => setPriority(e.currentTarget.value as Priority)}>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`priority.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("transfer.reason")}
          <input value={reason} maxLength={500} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <fieldset>
          <legend>{t("escalate.targets")}</legend>
          <label>
            {t("escalate.firstResponseMinutes")}
            <input type="number" min={1} step={1} value={firstResponse} onInput={(e) => setFirstResponse(e.currentTarget.value)} />
          </label>
          <label>
            {t("escalate.resolutionMinutes")}
            <input type="number" min={1} step={1} value={resolution} onInput={(e) => setResolution(e.currentTarget.value)} />
          </label>
        </fieldset>
        <label class="check">
          <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.currentTarget.checked)} />
          {t("escalate.notify")}
        </label>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <div class="dialog-buttons">
          <button type="button" onClick={props.onClose}>
            {t("action.cancel")}
          </button>
          <button type="submit" class="primary" disabled={!to || busy}>
            {t("action.escalate")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** An optional target's field: left empty, the project's policy counts. */
function minutes(value: string): number | undefined {
  const parsed = Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? parsed : undefined;
}
