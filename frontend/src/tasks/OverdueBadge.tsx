import type { Session } from "../api/types";
import { t } from "../i18n";
import { overdueCount } from "./model";

/** The session list row's flag: follow-up tasks past their due time. */
export function OverdueBadge(props: { session: Pick<Session, "tasks_overdue"> }) {
  const count = overdueCount(props.session);
  if (!count) return null;
  return <span class="badge overdue-tasks">{t("tasks.overdueFlag", { count })}</span>;
}
