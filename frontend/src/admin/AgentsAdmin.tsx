import { useState } from "preact/hooks";
import { path, type Api } from "../api/client";
import type { AgentAccount, Invitation, Items, Role } from "../api/types";
import { t } from "../i18n";
import { dateTime } from "../lib/format";
import { EnumSelect } from "./EnumSelect";
import { attempt, useLoad } from "./useLoad";

const ROLES: Role[] = ["agent", "supervisor", "admin"];

export function AgentsAdmin(props: { api: Api }) {
  const { api } = props;
  const { data, error, reload } = useLoad(() => api.get<Items<AgentAccount>>("/api/agents"), [api]);
  const [problem, setProblem] = useState("");
  const [link, setLink] = useState<Invitation | null>(null);
  const [form, setForm] = useState({ username: "", display_name: "", password: "", role: "agent" as Role });

  async function run(work: () => Promise<unknown>) {
    setProblem(await attempt(work));
    reload();
  }

  async function create(event: Event) {
    event.preventDefault();
    await run(() => api.post("/api/agents", { ...form, display_name: form.display_name || undefined }));
    setForm({ username: "", display_name: "", password: "", role: "agent" });
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
          {t("admin.invitation", { until: dateTime(link.expires_at) })} <input readOnly value={link.url} aria-label={t("admin.invitationLink")} onFocus={(e) => e.currentTarget.select()} />
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
            <th scope="col">{t("admin.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {(data?.items ?? []).map((agent) => (
            <tr key={agent.agent_id} class={agent.disabled ? "disabled" : ""}>
              <td>
                {agent.username}
                {agent.locked_until ? <div class="muted">{t("admin.lockedUntil", { until: dateTime(agent.locked_until) })}</div> : null}
              </td>
              <td>{agent.display_name}</td>
              <td>
                <EnumSelect
                  ariaLabel={t("admin.roleOf", { name: agent.username })}
                  options={ROLES}
                  value={agent.role}
                  label={(r) => t(`role.${r}`)}
                  onChange={(role) => void run(() => api.patch(path`/api/agents/${agent.agent_id}`, { role }))}
                />
              </td>
              <td>{t(`presence.${agent.presence ?? "offline"}`)}</td>
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
                <button type="button" onClick={() => void run(() => api.patch(path`/api/agents/${agent.agent_id}`, { disabled: !agent.disabled }))}>
                  {agent.disabled ? t("admin.enable") : t("admin.disable")}
                </button>
                <button
                  type="button"
                  onClick={() =>
                    void run(async () => {
                      const result = await api.post<{ invitation?: Invitation | null }>(path`/api/agents/${agent.agent_id}/password-reset`, {});
                      setLink(result.invitation ?? null);
                    })
                  }
                >
                  {t("admin.resetPassword")}
                </button>
                <button
                  type="button"
                  onClick={() => void run(async () => setLink(await api.post<Invitation>(path`/api/agents/${agent.agent_id}/invitations`)))}
                >
                  {t("admin.invite")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="admin-form" onSubmit={create} aria-labelledby="new-agent">
        <h2 id="new-agent">{t("admin.newAgent")}</h2>
        <label>
          {t("admin.username")}
          <input required value={form.username} onInput={(e) => setForm({ ...form, username: e.currentTarget.value })} />
        </label>
        <label>
          {t("admin.displayName")}
          <input value={form.display_name} onInput={(e) => setForm({ ...form, display_name: e.currentTarget.value })} />
        </label>
        <label>
          {t("login.password")}
          <input
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            value={form.password}
            onInput={(e) => setForm({ ...form, password: e.currentTarget.value })}
          />
        </label>
        <label>
          {t("admin.role")}
          <EnumSelect options={ROLES} value={form.role} label={(r) => t(`role.${r}`)} onChange={(role) => setForm({ ...form, role })} />
        </label>
        <button type="submit" class="primary">
          {t("admin.create")}
        </button>
      </form>
    </div>
  );
}
