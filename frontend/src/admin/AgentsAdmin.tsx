import { useState } from "preact/hooks";
import { path, type Api } from "../api/client";
import type { AgentAccount, AgentCreated, Invitation, Items, Member, Project, Role } from "../api/types";
import { t } from "../i18n";
import { dateTime } from "../lib/format";
import { EnumSelect } from "./EnumSelect";
import { attempt, useLoad } from "./useLoad";

const ROLES: Role[] = ["agent", "supervisor", "admin"];
const EMPTY_FORM = { username: "", display_name: "", role: "agent" as Role };

/** An invitation link as shown, with whose it is. */
interface ShownInvitation {
  username: string;
  invitation: Invitation;
}

/** Who belongs to at least one project (every project's members); null until read. */
function useProjectMembers(api: Api): Set<string> | null {
  return useLoad(async () => {
    const projects = await api.get<Items<Project>>("/api/projects");
    const lists = await Promise.all(
      projects.items.map((p) => api.get<Items<Member>>(path`/api/projects/${p.project_id}/members`)),
    );
    return new Set(lists.flatMap((list) => list.items.map((m) => m.agent_id)));
  }, [api]).data;
}

export function AgentsAdmin(props: { api: Api; meId: string }) {
  const { api, meId } = props;
  const { data, error, reload } = useLoad(() => api.get<Items<AgentAccount>>("/api/agents"), [api]);
  const inProjects = useProjectMembers(api);
  const [problem, setProblem] = useState("");
  const [link, setLink] = useState<ShownInvitation | null>(null);
  const [form, setForm] = useState(EMPTY_FORM);
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<unknown>) {
    setProblem(await attempt(work));
    reload();
  }

  async function invite(agent: AgentAccount, reset: boolean) {
    await run(async () => {
      const invitation = reset
        ? (await api.post<{ invitation?: Invitation | null }>(path`/api/agents/${agent.agent_id}/password-reset`, {})).invitation
        : await api.post<Invitation>(path`/api/agents/${agent.agent_id}/invitations`);
      setLink(invitation ? { username: agent.username, invitation } : null);
    });
  }

  async function create(event: Event) {
    event.preventDefault();
    setBusy(true);
    let created = false;
    await run(async () => {
      // Without a password the agent is created invited: the answer carries their link.
      const body = { ...form, display_name: form.display_name || undefined };
      const agent = await api.post<AgentCreated>("/api/agents", body);
      created = true;
      setLink(agent.invitation ? { username: agent.username, invitation: agent.invitation } : null);
    });
    setBusy(false);
    // A refused form (a taken username, say) keeps what was typed, to be corrected.
    if (created) setForm(EMPTY_FORM);
  }

  return (
    <div class="stack">
      {(error || problem) && (
        <p class="form-error" role="alert">
          {error || problem}
        </p>
      )}
      {link && (
        <p class="invitation" role="status">
          {t("admin.invitation", { name: link.username, until: dateTime(link.invitation.expires_at) })}{" "}
          <input readOnly value={link.invitation.url} aria-label={t("admin.invitationLink")} onFocus={(e) => e.currentTarget.select()} />
        </p>
      )}
      <table class="admin-table">
        <caption class="visually-hidden">{t("admin.agents")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("admin.username")}</th>
            <th scope="col">{t("admin.displayName")}</th>
            <th scope="col">{t("admin.role")}</th>
            <th scope="col">{t("presence.label")}</th>
            <th scope="col">{t("admin.lastSignIn")}</th>
            <th scope="col">{t("admin.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {(data?.items ?? []).map((agent) => {
            const isMe = agent.agent_id === meId;
            return (
              <tr key={agent.agent_id} class={agent.disabled ? "disabled" : ""}>
                <td>
                  {agent.username}
                  {isMe ? <span class="muted"> ({t("admin.you")})</span> : null}
                  {agent.locked_until ? <div class="muted">{t("admin.lockedUntil", { until: dateTime(agent.locked_until) })}</div> : null}
                  {inProjects && !inProjects.has(agent.agent_id) ? (
                    <div class="no-project" title={t("admin.noProjectHelp", { name: agent.username })}>
                      {t("admin.noProject")}
                    </div>
                  ) : null}
                </td>
                <td>{agent.display_name}</td>
                <td>
                  {/* The API refuses an administrator's change of their own role. */}
                  {isMe ? (
                    t(`role.${agent.role}`)
                  ) : (
                    <EnumSelect
                      ariaLabel={t("admin.roleOf", { name: agent.username })}
                      options={ROLES}
                      value={agent.role}
                      label={(r) => t(`role.${r}`)}
                      onChange={(role) => void run(() => api.patch(path`/api/agents/${agent.agent_id}`, { role }))}
                    />
                  )}
                </td>
                <td>{t(`presence.${agent.presence ?? "offline"}`)}</td>
                <td>
                  {agent.last_sign_in_at ? dateTime(agent.last_sign_in_at) : t("admin.neverSignedIn")}
                  {/* Flagged only: the agent stays in routing scope, their presence decides. */}
                  {agent.no_recent_sign_in ? (
                    <div class="form-warning" title={t("admin.noRecentSignInHelp", { name: agent.username })}>
                      {t("admin.noRecentSignIn")}
                    </div>
                  ) : null}
                </td>
                <td class="row">
                  {agent.locked_until ? (
                    <button
                      type="button"
                      aria-label={t("admin.unlockOf", { name: agent.username })}
                      onClick={() => void run(() => api.post(path`/api/agents/${agent.agent_id}/unlock`))}
                    >
                      {t("admin.unlock")}
                    </button>
                  ) : null}
                  {/* Disabling or resetting one's own account would end one's own sign-in. */}
                  {isMe ? null : (
                    <>
                      <button type="button" onClick={() => void run(() => api.patch(path`/api/agents/${agent.agent_id}`, { disabled: !agent.disabled }))}>
                        {agent.disabled ? t("admin.enable") : t("admin.disable")}
                      </button>
                      <button type="button" onClick={() => void invite(agent, true)}>
                        {t("admin.resetPassword")}
                      </button>
                    </>
                  )}
                  <button type="button" onClick={() => void invite(agent, false)}>
                    {t("admin.invite")}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form class="admin-form" onSubmit={create} aria-labelledby="new-agent">
        <h2 id="new-agent">{t("admin.newAgent")}</h2>
        <p class="muted">{t("admin.newAgentHelp")}</p>
        <label>
          {t("admin.username")}
          <input required value={form.username} onInput={(e) => setForm({ ...form, username: e.currentTarget.value })} />
        </label>
        <label>
          {t("admin.displayName")}
          <input value={form.display_name} onInput={(e) => setForm({ ...form, display_name: e.currentTarget.value })} />
        </label>
        <label>
          {t("admin.role")}
          <EnumSelect options={ROLES} value={form.role} label={(r) => t(`role.${r}`)} onChange={(role) => setForm({ ...form, role })} />
        </label>
        <button type="submit" class="primary" disabled={busy}>
          {t("admin.createInvite")}
        </button>
      </form>
    </div>
  );
}
