// The tasks API, as the console calls it.
import { path, type Api } from "../api/client";
import type { Items, Task, TaskSettings } from "../api/types";

export interface TaskFilters {
  state?: string;
  project_id?: string;
  mine?: boolean;
}

export function listTasks(api: Api, filters: TaskFilters): Promise<Items<Task>> {
  const query: Record<string, string> = {};
  if (filters.state) query.state = filters.state;
  if (filters.project_id) query.project_id = filters.project_id;
  if (filters.mine) query.mine = "true";
  return api.get<Items<Task>>(path`/api/tasks`, query);
}

export function sessionTasks(api: Api, sessionId: string): Promise<Items<Task>> {
  return api.get<Items<Task>>(path`/api/sessions/${sessionId}/tasks`);
}

export function addPromise(api: Api, sessionId: string, dueAt: number, note: string): Promise<Task> {
  return api.post<Task>(path`/api/sessions/${sessionId}/tasks`, { kind: "promise", due_at: dueAt, note });
}

export function setDone(api: Api, task: Task, done: boolean): Promise<Task> {
  return api.patch<Task>(path`/api/sessions/${task.session_id}/tasks/${task.task_id}`, { version: task.version, done });
}

const nights = new Map<string, Promise<TaskSettings>>();

/** A project's task settings (the users' night hours), read once per project and page load. */
export function taskSettings(api: Api, projectId: string): Promise<TaskSettings> {
  let found = nights.get(projectId);
  if (!found) {
    found = api.get<TaskSettings>(path`/api/projects/${projectId}/task-settings`);
    found.catch(() => nights.delete(projectId));
    nights.set(projectId, found);
  }
  return found;
}

export function setTimeZone(api: Api, projectId: string, userId: number, zone: string | null): Promise<unknown> {
  return api.patch(path`/api/projects/${projectId}/users/${userId}`, { time_zone: zone });
}
