// Collaborators on a session (the API's tgdesk.collaboration): who they are, who manages them.
import type { AgentAccount, Session } from "../api/types";

/** The API's bound: a session has at most this many collaborators. */
export const MAX_COLLABORATORS = 10;

type Me = Pick<AgentAccount, "agent_id" | "role">;

export function collaboratorIds(session: Pick<Session, "collaborator_ids">): string[] {
  return session.collaborator_ids ?? [];
}

/** The agent collaborates on the session: they read it and write notes, but do not reply. */
export function collaborates(session: Pick<Session, "collaborator_ids">, agentId: string): boolean {
  return collaboratorIds(session).includes(agentId);
}

/** The holder and supervisors (admins too) invite, remove and hand the reply over. */
export function managesCollaborators(session: Pick<Session, "assignee_id">, me: Me): boolean {
  return session.assignee_id === me.agent_id || me.role !== "agent";
}

/** The project's agents who can still be invited: enabled, neither the holder nor invited. */
export function invitable(agents: readonly AgentAccount[], session: Pick<Session, "assignee_id" | "collaborator_ids">): AgentAccount[] {
  const taken = new Set([session.assignee_id, ...collaboratorIds(session)]);
  return agents.filter((a) => !a.disabled && !taken.has(a.agent_id));
}
