import type { Session } from "../api/types";
import type { ConsoleController } from "../console/controller";
import { agentName } from "../console/people";
import { t } from "../i18n";
import { useStore } from "../lib/store";

/** In place of the composer for a collaborator: only the holder writes to the user. */
export function CollaboratorNotice(props: { controller: ConsoleController; session: Session }) {
  const agents = useStore(props.controller.workspace.store, (s) => s.agents);
  return (
    <p class="collaborator-notice muted" role="note">
      {t("collab.composer", { holder: agentName(agents, props.session.assignee_id) })}
    </p>
  );
}

/** The session list's mark on a session the agent collaborates on. */
export function CollaboratingBadge() {
  return <span class="priority-chip collab-badge">{t("collab.badge")}</span>;
}
