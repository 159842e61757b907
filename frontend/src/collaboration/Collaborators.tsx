import { useEffect, useState } from "preact/hooks";
import { path } from "../api/client";
import type { AgentAccount, Items, Session } from "../api/types";
import type { ConsoleController } from "../console/controller";
import { errorText } from "../console/errors";
import { agentName } from "../console/people";
import { t } from "../i18n";
import { useStore } from "../lib/store";
import { collaboratorIds, invitable, managesCollaborators, MAX_COLLABORATORS } from "./model";

/** The side panel's "Collaborators": who works on the case beside its holder; the holder and
 *  supervisors invite, remove and hand the reply over in one click; a collaborator may leave. */
export function Collaborators(props: { controller: ConsoleController; session: Session }) {
  const { controller, session } = props;
  const me = useStore(controller.workspace.store, (s) => s.me);
  const agents = useStore(controller.workspace.store, (s) => s.agents);
  const [projectAgents, setProjectAgents] = useState<AgentAccount[]>([]);
  const [chosen, setChosen] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const sid = session.session_id;
  const ids = collaboratorIds(session);
  const manages = managesCollaborators(session, me);
  const open = session.status !== "closed";

  useEffect(() => {
    if (!manages) return;
    const pid = session.project_id;
    void controller.api.get<Items<AgentAccount>>(path`/api/projects/${pid}/agents`).then((r) => setProjectAgents(r.items), () => undefined);
  }, [session.project_id, manages]);

  /** Run one change; the session as it stands afterwards replaces the listed one. */
  async function change(run: () => Promise<Session | null>) {
    if (busy) return;
    setBusy(true);
    setError("");
    try {
      const after = await run();
      if (after) controller.sessions.applySession(after);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  const reload = () => controller.api.get<Session>(path`/api/sessions/${sid}`);

  function invite(event: Event) {
    event.preventDefault();
    if (!chosen) return;
    void change(async () => {
      await controller.api.post(path`/api/sessions/${sid}/collaborators`, { agent_id: chosen });
      setChosen("");
      return reload();
    });
  }

  function remove(agentId: string) {
    void change(async () => {
      await controller.api.del(path`/api/sessions/${sid}/collaborators/${agentId}`);
      if (agentId !== me.agent_id || me.role !== "agent") return reload();
      controller.sessions.remove(sid); // left it: no longer theirs to see
      return null;
    });
  }

  function handOver(agentId: string) {
    void change(async () => {
      const moved = await controller.api.post<Session>(path`/api/sessions/${sid}/collaborators/${agentId}/hand-over`, {});
      controller.workspace.notify("notice.handedOver", sid, { name: agentName(agents, agentId) });
      return moved;
    });
  }

  const candidates = invitable(projectAgents, session);
  return (
    <section aria-labelledby="collab-title" class="collaborators">
      <h3 id="collab-title">{t("collab.title")}</h3>
      {ids.length === 0 ? (
        <p class="muted">{t("collab.none")}</p>
      ) : (
        <ul class="collaborator-list">
          {ids.map((id) => {
            const name = agentName(agents, id);
            const self = id === me.agent_id;
            return (
              <li key={id} data-agent={id}>
                <span class="collaborator-name">{name}</span>
                {manages && open && (
                  <button type="button" class="link" disabled={busy} aria-label={t("collab.handOverTo", { name })} onClick={() => handOver(id)}>
                    {t("collab.handOver")}
                  </button>
                )}
                {(manages || self) && (
                  <button
                    type="button"
                    class="link"
                    disabled={busy}
                    aria-label={self ? t("collab.leave") : t("collab.removeNamed", { name })}
                    onClick={() => remove(id)}
                  >
                    {self ? t("collab.leave") : t("collab.remove")}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {manages && open && ids.length < MAX_COLLABORATORS && (
        <form class="row" onSubmit={invite}>
          <label>
            {t("collab.inviteLabel")}
            <select value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
              <option value="">{t("collab.choose")}</option>
              {candidates.map((a) => (
                <option key={a.agent_id} value={a.agent_id}>
                  {a.display_name || a.username}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={!chosen || busy}>
            {t("collab.invite")}
          </button>
        </form>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
