import { useState } from "preact/hooks";
import { path, type Api } from "../api/client";
import { PERMISSIONS, type AgentAccount, type Group, type IgnoredCounts, type Items, type Member, type Project, type RoutingMode } from "../api/types";
import type { ConsoleController } from "../console/controller";
import { t } from "../i18n";
import { ConfirmDelete } from "./ConfirmDelete";
import { EnumSelect } from "./EnumSelect";
import { PROJECT_SETTINGS_DELAY_SECONDS } from "./settingsDelay";
import { TeamChatSettings } from "./TeamChatSettings";
import { attempt, useLoad } from "./useLoad";

const MODES: RoutingMode[] = ["round_robin", "online_first", "balanced"];

export function ProjectsAdmin(props: { api: Api; controller: ConsoleController }) {
  const { api } = props;
  const { data, error, reload } = useLoad(() => api.get<Items<Project>>("/api/projects"), [api]);
  const [selected, setSelected] = useState("");
  const [problem, setProblem] = useState("");
  const [bot, setBot] = useState({ name: "", bot_token: "" });
  // Bumped when the project's members change, so the lists of its agents are read again.
  const [team, setTeam] = useState(0);
  const projects = data?.items ?? [];
  const project = projects.find((p) => p.project_id === selected) ?? projects[0];
  const isAdmin = props.controller.workspace.state.me.role === "admin";

  async function connect(event: Event) {
    event.preventDefault();
    const failure = await attempt(() => api.post("/api/projects", bot));
    setProblem(failure);
    if (!failure) setBot({ name: "", bot_token: "" });
    reload();
  }

  return (
    <div class="stack">
      {(error || problem) && (
        <p class="form-error" role="alert">
          {error || problem}
        </p>
      )}
      <label>
        {t("filter.project")}
        <select value={project?.project_id ?? ""} onChange={(e) => setSelected(e.currentTarget.value)}>
          {projects.map((p) => (
            <option key={p.project_id} value={p.project_id}>
              {p.name}
              {p.bot_username ? ` (@${p.bot_username})` : ""}
            </option>
          ))}
        </select>
      </label>
      {project && (
        <ProjectSettings
          key={project.project_id}
          api={api}
          project={project}
          team={team}
          onSaved={() => {
            reload();
            void props.controller.workspace.reloadProjects();
          }}
        />
      )}
      {project && isAdmin && (
        <ReplaceBotToken
          key={`t:${project.project_id}`}
          api={api}
          project={project}
          onReplaced={() => {
            reload();
            void props.controller.workspace.reloadProjects();
          }}
        />
      )}
      {project && <Members key={`m:${project.project_id}`} api={api} project={project} onChanged={() => setTeam(team + 1)} />}
      {project && <Groups key={`g:${project.project_id}`} api={api} project={project} team={team} />}
      {project && isAdmin && <TeamChatSettings key={`c:${project.project_id}`} api={api} project={project} />}
      {project && isAdmin && <IgnoredUpdates key={`i:${project.project_id}`} api={api} project={project} />}
      {isAdmin && (
        <form class="admin-form" onSubmit={connect} aria-labelledby="connect-bot">
          <h2 id="connect-bot">{t("admin.connectBot")}</h2>
          <label>
            {t("admin.projectName")}
            <input required value={bot.name} onInput={(e) => setBot({ ...bot, name: e.currentTarget.value })} />
          </label>
          <label>
            {t("admin.botToken")}
            <input
              required
              type="password"
              autoComplete="off"
              value={bot.bot_token}
              onInput={(e) => setBot({ ...bot, bot_token: e.currentTarget.value })}
            />
          </label>
          <button type="submit" class="primary">
            {t("admin.connect")}
          </button>
        </form>
      )}
    </div>
  );
}

/** What the project's bot received but tgdesk does not serve (group messages, channel posts,
 *  reactions, ...), counted by kind: the webhook acknowledges them so Telegram does not retry. */
function IgnoredUpdates(props: { api: Api; project: Project }) {
  const { data, error } = useLoad(
    () => props.api.get<IgnoredCounts>(path`/api/projects/${props.project.project_id}/ignored-updates`),
    [props.api, props.project.project_id],
  );
  const counts = Object.entries(data?.counts ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section class="admin-form" aria-labelledby="ignored-title">
      <h2 id="ignored-title">{t("admin.ignoredUpdates")}</h2>
      <p class="muted">{t("admin.ignoredUpdatesHint")}</p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {data && counts.length === 0 && <p>{t("admin.ignoredUpdatesNone")}</p>}
      {counts.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.ignoredKind")}</th>
              <th scope="col">{t("admin.ignoredCount")}</th>
            </tr>
          </thead>
          <tbody>
            {counts.map(([kind, count]) => (
              <tr key={kind}>
                <td>
                  <code>{kind}</code>
                </td>
                <td>{count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

type Replaced = Project & { new_bot: boolean };

/** An administrator gives the project a new token: the same bot's after a revoke, or
 *  another bot. The token is sent once and never shown back. */
function ReplaceBotToken(props: { api: Api; project: Project; onReplaced: () => void }) {
  const { api, project } = props;
  const [token, setToken] = useState("");
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  async function replace(event: Event) {
    event.preventDefault();
    setBusy(true);
    let replaced: Replaced | null = null;
    const failure = await attempt(async () => {
      replaced = await api.put<Replaced>(path`/api/projects/${project.project_id}/bot-token`, { bot_token: token });
    });
    setBusy(false);
    setToken("");
    const done = replaced as Replaced | null; // assigned inside the callback
    if (failure || !done) {
      setStatus(failure);
      return;
    }
    const bot = done.bot_username ?? String(done.bot_id);
    setStatus(done.new_bot ? t("admin.tokenReplacedNewBot", { bot }) : t("admin.tokenReplaced", { bot }));
    props.onReplaced();
  }

  return (
    <form class="admin-form" onSubmit={replace} aria-labelledby="replace-token">
      <h2 id="replace-token">{t("admin.replaceToken")}</h2>
      <p class="muted">{t("admin.replaceTokenHelp")}</p>
      <label>
        {t("admin.newBotToken")}
        <input required type="password" autoComplete="off" value={token} onInput={(e) => setToken(e.currentTarget.value)} />
      </label>
      <button type="submit" disabled={busy}>
        {t("admin.replaceToken")}
      </button>
      {status && (
        <p class="muted" role="status">
          {status}
        </p>
      )}
    </form>
  );
}

/** The project's agents; read again when `team` (the members' version) changes. */
function useAgents(api: Api, projectId: string, team: number) {
  return useLoad(() => api.get<Items<AgentAccount>>(path`/api/projects/${projectId}/agents`), [api, projectId, team]).data?.items ?? [];
}

function ProjectSettings(props: { api: Api; project: Project; team: number; onSaved: () => void }) {
  const { api, project } = props;
  const agents = useAgents(api, project.project_id, props.team);
  const [form, setForm] = useState(() => ({
    name: project.name,
    mode: project.routing.mode,
    sticky: project.routing.sticky_returning_users,
    returnAfter: project.routing.return_after_minutes ?? "",
    maxReturns: project.routing.max_returns ?? 3,
    scopeAll: project.agent_scope === "all",
    scope: project.agent_scope === "all" ? [] : project.agent_scope,
    autoClose: project.auto_close_after_hours,
    reopen: project.reopen_within_days,
  }));
  const [status, setStatus] = useState("");

  async function save(event: Event) {
    event.preventDefault();
    const failure = await attempt(() =>
      api.patch(path`/api/projects/${project.project_id}`, {
        name: form.name,
        routing: {
          mode: form.mode,
          sticky_returning_users: form.sticky,
          return_after_minutes: form.returnAfter === "" ? null : Number(form.returnAfter),
          max_returns: Number(form.maxReturns),
        },
        agent_scope: form.scopeAll ? "all" : form.scope,
        auto_close_after_hours: Number(form.autoClose),
        reopen_within_days: Number(form.reopen),
      }),
    );
    setStatus(failure || t("admin.projectSettingsSaved", { seconds: PROJECT_SETTINGS_DELAY_SECONDS }));
    if (!failure) props.onSaved();
  }

  return (
    <form class="admin-form" onSubmit={save} aria-labelledby="project-settings">
      <h2 id="project-settings">{t("admin.settings")}</h2>
      <p class="muted">{project.webhook_url}</p>
      <label>
        {t("admin.projectName")}
        <input required value={form.name} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} />
      </label>
      <label>
        {t("admin.routing")}
        <EnumSelect options={MODES} value={form.mode} label={(m) => t(`routing.${m}`)} onChange={(mode) => setForm({ ...form, mode })} />
      </label>
      <label class="check">
        <input type="checkbox" checked={form.sticky} onChange={(e) => setForm({ ...form, sticky: e.currentTarget.checked })} />
        {t("admin.sticky")}
      </label>
      <label>
        {t("admin.returnAfter")}
        <input type="number" min={1} max={10080} value={form.returnAfter} onInput={(e) => setForm({ ...form, returnAfter: e.currentTarget.value })} />
      </label>
      {form.returnAfter !== "" && (
        <label>
          {t("admin.maxReturns")}
          <input type="number" min={1} max={20} required value={form.maxReturns} onInput={(e) => setForm({ ...form, maxReturns: Number(e.currentTarget.value) })} />
        </label>
      )}
      <fieldset>
        <legend>{t("admin.scope")}</legend>
        <label class="check">
          <input type="checkbox" checked={form.scopeAll} onChange={(e) => setForm({ ...form, scopeAll: e.currentTarget.checked })} />
          {t("admin.scopeAll")}
        </label>
        {!form.scopeAll &&
          agents.map((a) => (
            <label key={a.agent_id} class="check">
              <input
                type="checkbox"
                checked={form.scope.includes(a.agent_id)}
                onChange={(e) =>
                  setForm({
                    ...form,
                    scope: e.currentTarget.checked ? [...form.scope, a.agent_id] : form.scope.filter((id) => id !== a.agent_id),
                  })
                }
              />
              {a.display_name || a.username}
            </label>
          ))}
      </fieldset>
      <label>
        {t("admin.autoClose")}
        <input type="number" min={1} required value={form.autoClose} onInput={(e) => setForm({ ...form, autoClose: Number(e.currentTarget.value) })} />
      </label>
      <label>
        {t("admin.reopenWithin")}
        <input type="number" min={0} required value={form.reopen} onInput={(e) => setForm({ ...form, reopen: Number(e.currentTarget.value) })} />
      </label>
      <button type="submit" class="primary">
        {t("action.save")}
      </button>
      {status && <p role="status">{status}</p>}
    </form>
  );
}

function Members(props: { api: Api; project: Project; onChanged: () => void }) {
  const { api, project } = props;
  const members = useLoad(() => api.get<Items<Member>>(path`/api/projects/${project.project_id}/members`), [api, project.project_id]);
  const everyone = useLoad(() => api.get<Items<AgentAccount>>("/api/agents"), [api]).data?.items ?? [];
  const [adding, setAdding] = useState("");
  const [problem, setProblem] = useState("");
  const list = members.data?.items ?? [];
  const outside = everyone.filter((a) => !list.some((m) => m.agent_id === a.agent_id));

  async function run(work: () => Promise<unknown>): Promise<string> {
    const failure = await attempt(work);
    setProblem(failure);
    members.reload();
    if (!failure) props.onChanged();
    return failure;
  }

  async function add() {
    const failure = await run(() => api.post(path`/api/projects/${project.project_id}/members`, { agent_id: adding }));
    if (!failure) setAdding("");
  }

  return (
    <section class="admin-form" aria-labelledby="members-title">
      <h2 id="members-title">{t("admin.members")}</h2>
      {(members.error || problem) && (
        <p class="form-error" role="alert">
          {members.error || problem}
        </p>
      )}
      <table class="admin-table">
        <thead>
          <tr>
            <th scope="col">{t("admin.username")}</th>
            {PERMISSIONS.map((p) => (
              <th key={p} scope="col">
                {t(`permission.${p}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {list.map((m) => {
            const granted = m.permissions ?? PERMISSIONS;
            return (
              <tr key={m.agent_id}>
                <td>{m.display_name || m.username || m.agent_id}</td>
                {PERMISSIONS.map((p) => (
                  <td key={p}>
                    <input
                      type="checkbox"
                      aria-label={t("admin.permissionOf", { permission: t(`permission.${p}`), name: m.username ?? m.agent_id })}
                      checked={granted.includes(p)}
                      onChange={(e) => {
                        const next = e.currentTarget.checked ? [...granted, p] : granted.filter((x) => x !== p);
                        void run(() => api.put(path`/api/projects/${project.project_id}/members/${m.agent_id}`, { permissions: next }));
                      }}
                    />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {outside.length > 0 && (
        <div class="row">
          <label>
            {t("admin.addMember")}
            <select value={adding} onChange={(e) => setAdding(e.currentTarget.value)}>
              <option value="">{t("transfer.choose")}</option>
              {outside.map((a) => (
                <option key={a.agent_id} value={a.agent_id}>
                  {a.display_name || a.username}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={!adding}
            onClick={() => void add()}
          >
            {t("admin.add")}
          </button>
        </div>
      )}
    </section>
  );
}

function Groups(props: { api: Api; project: Project; team: number }) {
  const { api, project } = props;
  const groups = useLoad(() => api.get<Items<Group>>(path`/api/projects/${project.project_id}/groups`), [api, project.project_id]);
  const agents = useAgents(api, project.project_id, props.team);
  const [name, setName] = useState("");
  const [problem, setProblem] = useState("");
  const [status, setStatus] = useState("");

  async function run(work: () => Promise<unknown>): Promise<string> {
    setStatus("");
    const failure = await attempt(work);
    setProblem(failure);
    groups.reload();
    return failure;
  }

  async function create(event: Event) {
    event.preventDefault();
    const failure = await run(() => api.post(path`/api/projects/${project.project_id}/groups`, { name, agent_ids: [] }));
    if (!failure) setName(""); // a refused name stays, to be corrected
  }

  async function save(group: Group, agentIds: string[]) {
    setStatus("");
    let saved: Group | null = null;
    const failure = await attempt(async () => {
      saved = await api.patch<Group>(path`/api/projects/${group.project_id}/groups/${group.group_id}`, { agent_ids: agentIds });
    });
    setProblem(failure);
    const answer = saved as Group | null; // assigned inside the callback
    if (failure || !answer) return groups.reload();
    // The answer is the group as saved: show it as it is, not as a re-read may still have it.
    groups.setData((list) => list && { items: list.items.map((g) => (g.group_id === answer.group_id ? answer : g)) });
    setStatus(t("admin.groupSaved", { name: answer.name }));
  }

  return (
    <section class="admin-form" aria-labelledby="groups-title">
      <h2 id="groups-title">{t("admin.groups")}</h2>
      {(groups.error || problem) && (
        <p class="form-error" role="alert">
          {groups.error || problem}
        </p>
      )}
      {status && (
        <p class="muted" role="status">
          {status}
        </p>
      )}
      {(groups.data?.items ?? []).map((g) => (
        <GroupEditor
          key={g.group_id}
          group={g}
          agents={agents}
          onSave={(ids) => save(g, ids)}
          onDelete={() => run(() => api.del(path`/api/projects/${g.project_id}/groups/${g.group_id}`))}
        />
      ))}
      <form class="row" onSubmit={create}>
        <label>
          {t("admin.newGroup")}
          <input required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <button type="submit">{t("admin.create")}</button>
      </form>
    </section>
  );
}

function GroupEditor(props: { group: Group; agents: AgentAccount[]; onSave: (agentIds: string[]) => Promise<unknown>; onDelete: () => Promise<unknown> }) {
  const { group } = props;
  // The ticks are an edit of one version of the group; a newer version (a save's answer, a
  // re-read after someone else's change) replaces them.
  const version = `${group.updated_at}:${group.agent_ids.join()}`;
  const [edit, setEdit] = useState({ version, ids: group.agent_ids });
  const ids = edit.version === version ? edit.ids : group.agent_ids;
  const setIds = (next: string[]) => setEdit({ version, ids: next });
  return (
    <fieldset class="group">
      <legend>{group.name}</legend>
      {props.agents.map((a) => (
        <label key={a.agent_id} class="check">
          <input
            type="checkbox"
            checked={ids.includes(a.agent_id)}
            onChange={(e) => setIds(e.currentTarget.checked ? [...ids, a.agent_id] : ids.filter((x) => x !== a.agent_id))}
          />
          {a.display_name || a.username}
        </label>
      ))}
      <div class="row">
        <button type="button" onClick={() => void props.onSave(ids)}>
          {t("action.save")}
        </button>
        <ConfirmDelete name={group.name} question={t("admin.confirmDeleteGroup", { name: group.name })} onDelete={props.onDelete} />
      </div>
    </fieldset>
  );
}
