import { useEffect, useState } from "preact/hooks";
import { path } from "../api/client";
import type { AgentAccount, Group, Items, Session, TransferTarget } from "../api/types";
import type { ConsoleController } from "../console/controller";
import { errorText } from "../console/errors";
import { t } from "../i18n";
import { Dialog } from "./Dialog";

type Mode = "agent" | "group" | "any_online";
const PRESENCE_REFRESH_MS = 15_000;

export function TransferDialog(props: { controller: ConsoleController; session: Session; onClose: () => void }) {
  const { controller, session } = props;
  const [agents, setAgents] = useState<AgentAccount[]>([]);
  const [groups, setGroups] = useState<Group[]>([]);
  const [mode, setMode] = useState<Mode>("agent");
  const [agentId, setAgentId] = useState("");
  const [groupId, setGroupId] = useState("");
  const [reason, setReason] = useState("");
  const [notify, setNotify] = useState(false);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const pid = session.project_id;
    const loadAgents = () =>
      void controller.api.get<Items<AgentAccount>>(path`/api/projects/${pid}/agents`).then((r) => setAgents(r.items), () => undefined);
    loadAgents();
    void controller.api.get<Items<Group>>(path`/api/projects/${pid}/groups`).then((r) => setGroups(r.items), () => undefined);
    // Presence changes while the dialog is open: keep the choice honest.
    const timer = setInterval(loadAgents, PRESENCE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [session.project_id]);

  const others = agents.filter((a) => a.agent_id !== session.assignee_id && !a.disabled);
  const target: TransferTarget | null =
    mode === "agent" ? (agentId ? { agent_id: agentId } : null) : mode === "group" ? (groupId ? { group_id: groupId } : null) : { any_online: true };
  // An offline agent can still be chosen (the session waits with them), but not unawares.
  const chosen = mode === "agent" ? agents.find((a) => a.agent_id === agentId) : undefined;
  const chosenOffline = chosen !== undefined && (chosen.presence ?? "offline") === "offline";
  // Telling the user means saying something: the API refuses notify_user without a message.
  const messageMissing = notify && !message.trim();

  /** Who the session went to, for the confirmation. */
  function targetName(): string {
    if (mode === "agent") {
      const agent = agents.find((a) => a.agent_id === agentId);
      return agent ? agent.display_name || agent.username : "";
    }
    if (mode === "group") return groups.find((g) => g.group_id === groupId)?.name ?? "";
    return t("transfer.any_online");
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (!target || busy || messageMissing) return;
    setBusy(true);
    const failure = await controller.sessions.transfer(session.session_id, {
      to: target,
      reason: reason.trim() || undefined,
      notify_user: notify,
      message: notify && message.trim() ? message.trim() : undefined,
    });
    setBusy(false);
    if (failure) {
      setError(errorText(failure));
      return;
    }
    controller.workspace.notify("notice.transferDone", undefined, { to: targetName() });
    props.onClose();
  }

  return (
    <Dialog title={t("transfer.title")} onClose={props.onClose}>
      <form onSubmit={submit} class="stack">
        <fieldset>
          <legend>{t("transfer.to")}</legend>
          {(["agent", "group", "any_online"] as Mode[]).map((m) => (
            <label key={m} class="check">
              <input type="radio" name="transfer-mode" checked={mode === m} onChange={() => setMode(m)} />
              {t(`transfer.${m}`)}
            </label>
          ))}
        </fieldset>
        {mode === "agent" && (
          <label>
            {t("transfer.agent")}
            <select value={agentId} onChange={(e) => setAgentId(e.currentTarget.value)} required>
              <option value="">{t("transfer.choose")}</option>
              {others.map((a) => (
                <option key={a.agent_id} value={a.agent_id}>
                  {a.display_name || a.username} — {t(`presence.${a.presence ?? "offline"}`)}
                  {a.max_open_sessions ? ` (${a.open_sessions ?? 0}/${a.max_open_sessions})` : ""}
                </option>
              ))}
            </select>
          </label>
        )}
        {chosenOffline && (
          <p class="form-warning" role="status" data-warning="offline">
            {t("transfer.offlineWarning", { name: chosen.display_name || chosen.username })}
          </p>
        )}
        {mode === "group" && (
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
        <label>
          {t("transfer.reason")}
          <input value={reason} maxLength={500} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <label class="check">
          <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.currentTarget.checked)} />
          {t("transfer.notify")}
        </label>
        {notify && (
          <label>
            {t("transfer.message")}
            <textarea rows={2} value={message} maxLength={4096} required onInput={(e) => setMessage(e.currentTarget.value)} />
          </label>
        )}
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <div class="dialog-buttons">
          <button type="button" onClick={props.onClose}>
            {t("action.cancel")}
          </button>
          <button type="submit" class="primary" disabled={!target || busy || messageMissing}>
            {t("action.transfer")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
