// What every part of the console reads: the signed-in agent, the projects and their tags, and the
// notice banner where a failed request is reported.
import { ApiError, path, type Api } from "../api/client";
import { errorWords } from "./errors";
import type { AgentAccount, Items, Project, Tag } from "../api/types";
import { Store } from "../lib/store";

/** The banner's message: an i18n key, and the API's own words when there are any. */
export interface Notice {
  key: string;
  text?: string;
  /** Values for the message's `{name}` placeholders. */
  vars?: Record<string, string>;
}

export interface WorkspaceState {
  me: AgentAccount;
  projects: Project[];
  tags: Record<string, Tag[]>;
  /** The agents of the signed-in agent's projects, by id: whose reply or note, who holds what. */
  agents: Record<string, AgentAccount>;
  notice: Notice | null;
}

export class Workspace {
  readonly store: Store<WorkspaceState>;
  /** The session a notice is about: opening another one dismisses it. */
  private noticeSession: string | null = null;

  constructor(
    readonly api: Api,
    me: AgentAccount,
  ) {
    this.store = new Store<WorkspaceState>({ me, projects: [], tags: {}, agents: { [me.agent_id]: me }, notice: null });
  }

  get state(): WorkspaceState {
    return this.store.get();
  }

  /** Reads the agent and the projects (their tags follow without being waited for). A failure
   *  is shown, not thrown: the console still starts and its catch-ups keep trying. */
  async load(): Promise<void> {
    try {
      const [me, projects] = await Promise.all([
        this.api.get<AgentAccount>("/api/me"),
        this.api.get<Items<Project>>("/api/projects"),
      ]);
      this.store.set({ me, projects: projects.items });
      void this.loadTags(projects.items);
      void this.loadAgents(projects.items);
    } catch (error) {
      this.fail(error);
    }
  }

  async loadTags(projects: Project[] = this.state.projects): Promise<void> {
    const lists = await Promise.all(
      projects.map((p) =>
        this.api.get<Items<Tag>>(path`/api/projects/${p.project_id}/tags`).then((r) => r.items, () => [] as Tag[]),
      ),
    );
    const tags: Record<string, Tag[]> = {};
    projects.forEach((p, i) => (tags[p.project_id] = lists[i]));
    this.store.set({ tags });
  }

  /** The projects' agents (with their presence), merged by id; a project that fails is skipped. */
  async loadAgents(projects: Project[] = this.state.projects): Promise<void> {
    const lists = await Promise.all(
      projects.map((p) =>
        this.api.get<Items<AgentAccount>>(path`/api/projects/${p.project_id}/agents`).then((r) => r.items, () => [] as AgentAccount[]),
      ),
    );
    const agents = { ...this.state.agents };
    for (const agent of lists.flat()) agents[agent.agent_id] = { ...agents[agent.agent_id], ...agent };
    this.store.set({ agents });
  }

  async reloadProjects(): Promise<void> {
    const projects = await this.guard(() => this.api.get<Items<Project>>("/api/projects"));
    if (!projects) return;
    this.store.set({ projects: projects.items });
    void this.loadAgents(projects.items);
    await this.loadTags(projects.items);
  }

  /** Shows a notice; one `about` a session lasts only while that session (or none) is open. */
  notify(key: string, about?: string, vars?: Record<string, string>): void {
    this.noticeSession = about ?? null;
    this.store.set({ notice: vars ? { key, vars } : { key } });
  }

  dismissNotice(): void {
    this.noticeSession = null;
    this.store.set({ notice: null });
  }

  /** Another session was opened: a notice about a different one no longer applies. */
  opened(sessionId: string): void {
    if (this.noticeSession && this.noticeSession !== sessionId) this.dismissNotice();
  }

  /** Shows a failed request in the banner: its code through the catalogue when it has one,
   *  otherwise the API's own words. */
  fail(error: unknown): void {
    this.noticeSession = null;
    const words = errorWords(error);
    if (words) {
      this.store.set({ notice: words });
      return;
    }
    const text = error instanceof ApiError ? error.message : String(error);
    this.store.set({ notice: { key: "error.generic", text } });
  }

  /** Runs a request; on failure shows it and answers undefined. */
  async guard<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      this.fail(error);
      return undefined;
    }
  }
}
