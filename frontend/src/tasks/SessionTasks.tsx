import { useEffect, useState } from "preact/hooks";
import type { Session, Task } from "../api/types";
import type { ConsoleController } from "../console/controller";
import { errorText } from "../console/errors";
import { t } from "../i18n";
import { addPromise, sessionTasks, setDone } from "./api";
import { byDue, fromLocalInput } from "./model";
import { TaskRow } from "./TaskRow";

/** The side panel's "Tasks": the session's follow-ups, a promise to add (due time and note),
 *  and marking one done. Read again when the session's task counts change. */
export function SessionTasks(props: { controller: ConsoleController; session: Session }) {
  const { controller, session } = props;
  const sid = session.session_id;
  const [tasks, setTasks] = useState<Task[]>([]);
  const [due, setDue] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setError("");
    void sessionTasks(controller.api, sid).then((r) => setTasks(r.items), (failure) => setError(errorText(failure)));
  }, [sid, session.tasks_open, session.tasks_overdue]);

  async function run(action: () => Promise<Task>) {
    if (busy) return;
    setBusy(true);
    setError("");
    try {
      const changed = await action();
      setTasks((all) => [...all.filter((x) => x.task_id !== changed.task_id), changed]);
      return true;
    } catch (failure) {
      setError(errorText(failure));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function add(event: Event) {
    event.preventDefault();
    const dueAt = fromLocalInput(due);
    if (dueAt === null) return setError(t("tasks.dueRequired"));
    if (await run(() => addPromise(controller.api, sid, dueAt, note))) {
      setDue("");
      setNote("");
    }
  }

  return (
    <section aria-labelledby="tasks-title" class="session-tasks">
      <h3 id="tasks-title">{t("tasks.side")}</h3>
      {tasks.length === 0 ? (
        <p class="muted">{t("tasks.none")}</p>
      ) : (
        <ul class="task-list">
          {byDue(tasks).map((task) => (
            <TaskRow key={task.task_id} task={task} busy={busy} onDone={(x, done) => void run(() => setDone(controller.api, x, done))} />
          ))}
        </ul>
      )}
      <form class="task-form" onSubmit={add}>
        <label>
          {t("tasks.due")}
          <input type="datetime-local" required value={due} onInput={(e) => setDue(e.currentTarget.value)} />
        </label>
        <label>
          {t("tasks.note")}
          <textarea maxLength={2000} rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={busy}>
          {t("tasks.addPromise")}
        </button>
      </form>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
