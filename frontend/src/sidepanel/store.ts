// The side panel beside a conversation: the user's profile (with their earlier sessions), the
// session's and the user's tags, and the session's notes.
import { path, type Api } from "../api/client";
import type { Items, Note, Session, Tag, TelegramUser } from "../api/types";
import type { Workspace } from "../console/workspace";
import { Store } from "../lib/store";
import type { SessionsStore } from "../sessions/store";

export interface SidePanelState {
  /** Per session, oldest first. */
  notes: Record<string, Note[]>;
  /** Per user, by `profileKey`. */
  profiles: Record<string, TelegramUser>;
  /** The note being written, per session: a draft never follows the agent to another session. */
  noteDrafts: Record<string, NoteDraft>;
  /** On a narrow screen the panel is a drawer over the conversation: whether it is open. */
  drawerOpen: boolean;
}

export interface NoteDraft {
  text: string;
  personal: boolean;
}

export const EMPTY_NOTE: NoteDraft = { text: "", personal: false };

export function profileKey(projectId: string, userId: number): string {
  return `${projectId}:${userId}`;
}

export function profileOf(state: SidePanelState, session: Session): TelegramUser | undefined {
  return state.profiles[profileKey(session.project_id, session.tg_user_id)];
}

export class SidePanelStore {
  readonly store = new Store<SidePanelState>({ notes: {}, profiles: {}, noteDrafts: {}, drawerOpen: false });

  constructor(
    private readonly api: Api,
    private readonly workspace: Workspace,
    /** Where a session's changed tags show once saved. */
    private readonly sessions: SessionsStore,
  ) {}

  get state(): SidePanelState {
    return this.store.get();
  }

  /** Reads what the panel shows for a session just opened. */
  open(sessionId: string, session: Session | undefined): void {
    void this.loadNotes(sessionId);
    if (session) void this.loadProfile(session.project_id, session.tg_user_id);
  }

  async loadProfile(projectId: string, userId: number): Promise<void> {
    const profile = await this.workspace.guard(() => this.api.get<TelegramUser>(path`/api/projects/${projectId}/users/${userId}`));
    if (profile) this.store.set((s) => ({ profiles: { ...s.profiles, [profileKey(projectId, userId)]: profile } }));
  }

  async setUserTags(projectId: string, userId: number, tagIds: string[]): Promise<void> {
    const result = await this.workspace.guard(() =>
      this.api.put<Items<Tag>>(path`/api/projects/${projectId}/users/${userId}/tags`, { tag_ids: tagIds }),
    );
    if (result) void this.loadProfile(projectId, userId);
  }

  async setSessionTags(sessionId: string, tagIds: string[]): Promise<void> {
    const result = await this.workspace.guard(() =>
      this.api.put<Items<Tag>>(path`/api/sessions/${sessionId}/tags`, { tag_ids: tagIds }),
    );
    if (result) void this.sessions.refresh(sessionId);
  }

  async loadNotes(sessionId: string): Promise<void> {
    const notes = await this.workspace.guard(() => this.api.get<Items<Note>>(path`/api/sessions/${sessionId}/notes`));
    if (notes) this.store.set((s) => ({ notes: { ...s.notes, [sessionId]: notes.items } }));
  }

  async addNote(sessionId: string, text: string, personal: boolean): Promise<boolean> {
    const note = await this.workspace.guard(() => this.api.post<Note>(path`/api/sessions/${sessionId}/notes`, { text, personal }));
    if (note) this.applyNote(sessionId, note);
    return Boolean(note);
  }

  noteDraft(sessionId: string): NoteDraft {
    return this.state.noteDrafts[sessionId] ?? EMPTY_NOTE;
  }

  setNoteDraft(sessionId: string, change: Partial<NoteDraft>): void {
    this.store.set((s) => ({ noteDrafts: { ...s.noteDrafts, [sessionId]: { ...this.noteDraft(sessionId), ...change } } }));
  }

  /** Files the session's draft; once filed, the draft is empty and "only for me" unticked. */
  async fileNote(sessionId: string): Promise<boolean> {
    const { text, personal } = this.noteDraft(sessionId);
    if (!text.trim()) return false;
    const filed = await this.addNote(sessionId, text.trim(), personal);
    if (filed) {
      this.store.set((s) => {
        const noteDrafts = { ...s.noteDrafts };
        delete noteDrafts[sessionId];
        return { noteDrafts };
      });
    }
    return filed;
  }

  setDrawerOpen(open: boolean): void {
    if (open !== this.state.drawerOpen) this.store.set({ drawerOpen: open });
  }

  async editNote(note: Note, text: string): Promise<boolean> {
    const saved = await this.workspace.guard(() =>
      this.api.patch<Note>(path`/api/sessions/${note.session_id}/notes/${note.note_id}`, { text }),
    );
    if (saved) this.applyNote(saved.session_id, saved);
    return Boolean(saved);
  }

  /** A new or edited note (from a frame or this agent), into its session's notes if those are
   *  loaded; the same note again is harmless. */
  applyNote(sessionId: string, note: Note): void {
    this.store.set((s) => {
      const notes = s.notes[sessionId];
      if (!notes) return {};
      const others = notes.filter((n) => n.note_id !== note.note_id);
      return { notes: { ...s.notes, [sessionId]: [...others, note].sort((a, b) => a.created_at - b.created_at) } };
    });
  }
}
