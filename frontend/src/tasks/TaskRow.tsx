import type { Task } from "../api/types";
import { t } from "../i18n";
import { dateTime } from "../lib/format";

/** One task: when it is due, what kind, its note (as text), its state, and the done toggle. */
export function TaskRow(props: { task: Task; busy: boolean; onDone: (task: Task, done: boolean) => void; children?: preact.ComponentChildren }) {
  const { task } = props;
  const done = task.state === "done";
  return (
    <li class={`task task-${task.state}`} data-task={task.task_id}>
      <span class="task-due">{dateTime(task.due_at)}</span> <span class="task-kind">{t(`tasks.kind.${task.kind}`)}</span>{" "}
      <span class={`task-state task-state-${task.state}`}>{t(`tasks.state.${task.state}`)}</span>
      {task.note && <p class="task-note">{task.note}</p>}
      {props.children}
      <button type="button" class="ghost" disabled={props.busy} onClick={() => props.onDone(task, !done)}>
        {done ? t("tasks.reopen") : t("tasks.markDone")}
      </button>
    </li>
  );
}
