// The "To do" view (every agent; supervisors see their projects'), loaded only when opened:
// follow-up tasks by due time, filtered by state and project; each opens its conversation.
import { useEffect, useState } from "preact/hooks";
import type { HttpApi } from "../api/client";
import type { Task } from "../api/types";
import type { ConsoleController } from "../console/controller";
import { errorText } from "../console/errors";
import { linkTo } from "../console/link";
import { agentName } from "../console/people";
import { t } from "../i18n";
import { useStore } from "../lib/store";
import { listTasks, setDone } from "./api";
import { byDue, TASK_STATES } from "./model";
import { TaskRow } from "./TaskRow";

export function TasksPage(props: { api: HttpApi; controller: ConsoleController }) {
  const { workspace } = props.controller;
  const projects = useStore(workspace.store, (s) => s.projects);
  const agents = useStore(workspace.store, (s) => s.agents);
  const [state, setState] = useState("");
  const [projectId, setProjectId] = useState("");
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setTasks(null);
    setError("");
    listTasks(props.api, { state, project_id: projectId }).then(
      (r) => setTasks(r.items),
      (failure) => setError(errorText(failure)),
    );
  }, [state, projectId]);

  async function done(task: Task, value: boolean) {
    if (busy) return;
    setBusy(true);
    try {
      const changed = await setDone(props.api, task, value);
      setTasks((all) => (all ?? []).map((x) => (x.task_id === changed.task_id ? changed : x)));
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="tasks-page" id="chat-main" tabIndex={-1}>
      <h1>{t("tasks.title")}</h1>
      <div class="tickets-filters">
        <label>
          {t("filter.status")}
          <select value={state} onChange={(e) => setState(e.currentTarget.value)}>
            <option value="">{t("tasks.state.all")}</option>
            {TASK_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`tasks.state.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {projects.length > 1 && (
          <label>
            {t("tickets.project")}
            <select value={projectId} onChange={(e) => setProjectId(e.currentTarget.value)}>
              <option value="">{t("tickets.any")}</option>
              {projects.map((p) => (
                <option key={p.project_id} value={p.project_id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {tasks === null && !error ? (
        <p class="loading" role="status">
          {t("state.loading")}
        </p>
      ) : tasks && tasks.length === 0 ? (
        <p>{t("tasks.none")}</p>
      ) : (
        <ul class="task-list">
          {byDue(tasks ?? []).map((task) => (
            <TaskRow key={task.task_id} task={task} busy={busy} onDone={(x, value) => void done(x, value)}>
              <p class="task-links">
                <a href={linkTo(task.session_id)}>{t("tasks.openConversation")}</a>
                {task.owner_now ? ` · ${t("tasks.owner")}: ${agentName(agents, task.owner_now)}` : ""}
              </p>
            </TaskRow>
          ))}
        </ul>
      )}
    </main>
  );
}
