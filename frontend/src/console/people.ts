// How the console names the agents it shows: the author of a reply or a note, who holds a
// session, who moved it to whom.
import type { AgentAccount, Assignment, Session } from "../api/types";
import { t } from "../i18n";

export type AgentsById = Record<string, AgentAccount>;

/** An agent's display name, else their username; a neutral word for an agent the console does
 *  not know (not a member of any of the viewer's projects, or since deleted). */
export function agentName(agents: AgentsById, agentId: string | null | undefined): string {
  const agent = agentId ? agents[agentId] : undefined;
  return agent ? agent.display_name || agent.username : t("people.unknownAgent");
}

/** Who holds the session, for supervisors: the assignee, else queued or unassigned. */
export function holderText(agents: AgentsById, session: Pick<Session, "assignee_id" | "queued_at">): string {
  if (session.assignee_id) return t("people.heldBy", { name: agentName(agents, session.assignee_id) });
  return session.queued_at ? t("people.queued") : t("people.unassigned");
}

/** One line for a change of hands: "Transferred to Ana from Maria", and who moved it when that
 *  was someone else (a supervisor moving an agent's session). */
export function assignmentText(agents: AgentsById, move: Assignment): string {
  const to = agentName(agents, move.agent_id);
  const from = move.from_agent_id ? agentName(agents, move.from_agent_id) : t("people.theQueue");
  const how = ["transferred", "taken_over", "returned", "reopened"].includes(move.how) ? move.how : "routed";
  const line = t(`assignment.${how}` as "assignment.routed", { to, from });
  const movedBy = move.by && move.by !== move.from_agent_id && move.by !== move.agent_id && agents[move.by];
  return movedBy ? `${line} ${t("assignment.by", { name: agentName(agents, move.by) })}` : line;
}

/** The latest move of a session to `agentId` by someone else, when it was a transfer: what the
 *  receiving agent is told as it arrives. */
export function transferredTo(agentId: string, assignments: readonly Assignment[]): Assignment | undefined {
  const latest = assignments[assignments.length - 1];
  return latest && latest.agent_id === agentId && latest.how === "transferred" && latest.by !== agentId ? latest : undefined;
}
