// The Links page's state: a project's links, the one opened with its funnel over the chosen
// range, and the calls that change them. An answer for a project, link or range no longer
// shown is dropped.
import { path, type Api } from "../api/client";
import type { Items, Page } from "../api/types";
import type { Workspace } from "../console/workspace";
import { Store } from "../lib/store";
import { dayStart, inRange, type DateRange } from "./range";
import type { Click, Funnel, Link, LinkDraft } from "./types";

export interface LinksState {
  projectId: string | null;
  /** null until read. */
  links: Link[] | null;
  openCode: string | null;
  range: DateRange | null;
  funnel: Funnel | null;
  funnelLoading: boolean;
}

/** An export of clicks reads at most this many pages (the API's pages are bounded). */
export const CLICK_PAGES = 50;
export const CLICKS_PER_PAGE = 500;

export class LinksStore {
  readonly store = new Store<LinksState>({ projectId: null, links: null, openCode: null, range: null, funnel: null, funnelLoading: false });

  constructor(
    private readonly api: Api,
    private readonly workspace: Workspace,
  ) {}

  get state(): LinksState {
    return this.store.get();
  }

  async showProject(projectId: string): Promise<void> {
    if (projectId !== this.state.projectId) this.store.set({ projectId, links: null, openCode: null, funnel: null });
    await this.reload();
  }

  async reload(): Promise<void> {
    const projectId = this.state.projectId;
    if (!projectId) return;
    const answer = await this.workspace.guard(() => this.api.get<Items<Link>>("/api/links", { project_id: projectId }));
    if (answer && this.state.projectId === projectId) this.store.set({ links: sortLinks(answer.items) });
  }

  /** Creates a link in the shown project. A refusal is thrown: the editor shows it and keeps the input. */
  async create(draft: LinkDraft): Promise<Link> {
    const link = await this.api.post<Link>("/api/links", { ...draft, project_id: this.state.projectId });
    this.put(link);
    return link;
  }

  async update(code: string, draft: LinkDraft): Promise<Link> {
    const { code: _same, ...change } = draft;
    const link = await this.api.patch<Link>(path`/api/links/${code}`, change);
    this.put(link);
    return link;
  }

  async remove(code: string): Promise<boolean> {
    const done = await this.workspace.guard(async () => {
      await this.api.del(path`/api/links/${code}`);
      return true;
    });
    if (done) {
      this.store.set((s) => ({
        links: s.links && s.links.filter((l) => l.code !== code),
        ...(s.openCode === code ? { openCode: null, funnel: null } : {}),
      }));
    }
    return Boolean(done);
  }

  /** Opens a link's details (null closes them) and reads its funnel over `range`. */
  async open(code: string | null, range: DateRange | null = this.state.range): Promise<void> {
    const same = code === this.state.openCode && sameRange(range, this.state.range);
    this.store.set({ openCode: code, range, ...(same ? {} : { funnel: null }) });
    if (code && range) await this.loadFunnel(code, range);
  }

  setRange(range: DateRange | null): Promise<void> {
    return this.open(this.state.openCode, range);
  }

  private async loadFunnel(code: string, range: DateRange): Promise<void> {
    this.store.set({ funnelLoading: true });
    const funnel = await this.workspace.guard(() => this.api.get<Funnel>(path`/api/links/${code}/funnel`, { from: range.from, to: range.to }));
    if (this.state.openCode !== code || !sameRange(this.state.range, range)) return;
    this.store.set({ funnelLoading: false, ...(funnel ? { funnel } : {}) });
  }

  /** Every click of a link in the range. The API lists them newest first, so pages are read
   *  until one reaches back past the range's start (and at most CLICK_PAGES of them). */
  async clicks(code: string, range: DateRange): Promise<Click[] | undefined> {
    return this.workspace.guard(async () => {
      const clicks: Click[] = [];
      let cursor: string | null | undefined;
      for (let page = 0; page < CLICK_PAGES; page++) {
        const answer = await this.api.get<Page<Click>>(path`/api/links/${code}/clicks`, { limit: CLICKS_PER_PAGE, cursor });
        clicks.push(...answer.items.filter((c) => inRange(c.at, range)));
        cursor = answer.next_cursor;
        const oldest = answer.items[answer.items.length - 1];
        if (!cursor || (oldest && oldest.at < (dayStart(range.from) ?? 0))) break;
      }
      return clicks;
    });
  }

  /** A link as the API answered it, into the list. */
  private put(link: Link): void {
    this.store.set((s) => ({ links: sortLinks([...(s.links ?? []).filter((l) => l.code !== link.code), link]) }));
  }
}

function sameRange(a: DateRange | null, b: DateRange | null): boolean {
  return a === b || (a !== null && b !== null && a.from === b.from && a.to === b.to);
}

/** Newest first. */
export function sortLinks(links: Link[]): Link[] {
  return [...links].sort((a, b) => b.created_at - a.created_at || a.code.localeCompare(b.code));
}
