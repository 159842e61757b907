// What every part of the console reads: the signed-in agent, the projects and their tags, and the
// notice banner where a failed request is reported.
import { ApiError, path, type Api } from "../api/client";
import type { AgentAccount, Items, Project, Tag } from "../api/types";
import { Store } from "../lib/store";

/** The banner's message: an i18n key, and the API's own words when there are any. */
export interface Notice {
  key: string;
  text?: string;
}

export interface WorkspaceState {
  me: AgentAccount;
  projects: Project[];
  tags: Record<string, Tag[]>;
  notice: Notice | null;
}

export class Workspace {
  readonly store: Store<WorkspaceState>;

  constructor(
    readonly api: Api,
    me: AgentAccount,
  ) {
    this.store = new Store<WorkspaceState>({ me, projects: [], tags: {}, notice: null });
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

  async reloadProjects(): Promise<void> {
    const projects = await this.guard(() => this.api.get<Items<Project>>("/api/projects"));
    if (!projects) return;
    this.store.set({ projects: projects.items });
    await this.loadTags(projects.items);
  }

  notify(key: string): void {
    this.store.set({ notice: { key } });
  }

  dismissNotice(): void {
    this.store.set({ notice: null });
  }

  /** Shows a failed request in the banner: the network's own message, or the API's. */
  fail(error: unknown): void {
    const text = error instanceof ApiError ? error.message : String(error);
    const key = error instanceof ApiError && error.code === "network_error" ? "error.network" : "error.generic";
    this.store.set({ notice: { key, text } });
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
