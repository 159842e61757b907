import { useEffect, useState } from "preact/hooks";
import type { Note, Session, Tag } from "../api/types";
import type { ConsoleController } from "../console/controller";
import { agentName, type AgentsById } from "../console/people";
import { profileOf } from "../sidepanel/store";
import { SessionSource } from "../sidepanel/Source";
import { Collaborators } from "../collaboration/Collaborators";
import { SlaPanel } from "../sla/SlaClocks";
import { UserTimeZone } from "../tasks/LocalTime";
import { SessionTasks } from "../tasks/SessionTasks";
import { SessionRating } from "../surveys/SessionRating";
import { t } from "../i18n";
import { dateTime, displayName } from "../lib/format";
import { useStore } from "../lib/store";
import { tagChipStyle } from "./TagChip";
import { UserDataActions } from "./UserData";
import { TranscriptExport } from "../exports/TranscriptExport";

export const SIDE_PANEL_ID = "side-panel";

/** Beside the conversation on a wide screen; below 900 px a drawer over it, opened from the
 *  conversation's header (`SidePanelToggle`) and closed with its own button or Esc. */
/** Opens the side panel as a drawer; shown only where the panel does not fit beside the chat. */
export function SidePanelToggle(props: { controller: ConsoleController }) {
  const { side } = props.controller;
  const open = useStore(side.store, (s) => s.drawerOpen);
  return (
    <button type="button" class="side-toggle" aria-controls={SIDE_PANEL_ID} aria-expanded={open} onClick={() => side.setDrawerOpen(!open)}>
      {t("side.show")}
    </button>
  );
}

export function SidePanel(props: { controller: ConsoleController }) {
  const { controller } = props;
  const session = useStore(controller.sessions.store, (s) => (s.selectedId ? s.sessions[s.selectedId] : undefined));
  const open = useStore(controller.side.store, (s) => s.drawerOpen) && Boolean(session);
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") controller.side.setDrawerOpen(false);
    };
    addEventListener("keydown", onKeyDown);
    return () => removeEventListener("keydown", onKeyDown);
  }, [open]);
  if (!session) return <aside class="side" id={SIDE_PANEL_ID} aria-label={t("side.title")} />;
  return (
    <aside class={`side${open ? " open" : ""}`} id={SIDE_PANEL_ID} aria-label={t("side.title")}>
      <button type="button" class="ghost side-close" onClick={() => controller.side.setDrawerOpen(false)}>
        {t("side.hide")}
      </button>
      <Profile controller={controller} session={session} />
      <SessionSource controller={controller} session={session} />
      <SlaPanel session={session} />
      <SessionRating session={session} />
      <SessionTasks controller={controller} session={session} />
      <Collaborators controller={controller} session={session} />
      <Tags controller={controller} session={session} />
      <Notes controller={controller} session={session} />
      <TranscriptExport session={session} />
      <EarlierSessions controller={controller} session={session} />
    </aside>
  );
}

function Profile(props: { controller: ConsoleController; session: Session }) {
  const { session } = props;
  const profile = useStore(props.controller.side.store, (s) => profileOf(s, session));
  const user = profile ?? session.user ?? {};
  const isAdmin = useStore(props.controller.workspace.store, (s) => s.me.role === "admin");
  const rows: [string, string][] = [
    [t("profile.name"), displayName(user, session.tg_user_id)],
    [t("profile.username"), user.username ? `@${user.username}` : "—"],
    [t("profile.telegramId"), String(session.tg_user_id)],
    [t("profile.language"), user.language_code ?? "—"],
    [t("profile.premium"), user.is_premium ? t("common.yes") : t("common.no")],
  ];
  if (profile?.first_seen_at) rows.push([t("profile.firstSeen"), dateTime(profile.first_seen_at)]);
  if (profile?.unreachable) rows.push([t("profile.reachable"), t("profile.unreachable")]);
  return (
    <section aria-labelledby="profile-title">
      <h3 id="profile-title">{t("side.profile")}</h3>
      <dl class="profile">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <UserTimeZone controller={props.controller} session={session} />
      {isAdmin && (
        <UserDataActions
          api={props.controller.api}
          projectId={session.project_id}
          tgUserId={session.tg_user_id}
          onErased={() => props.controller.forgetUser(session.project_id, session.tg_user_id)}
        />
      )}
    </section>
  );
}

function TagChips(props: { label: string; all: Tag[]; chosen: string[]; onChange: (ids: string[]) => void }) {
  return (
    <fieldset class="tag-picker">
      <legend>{props.label}</legend>
      {props.all.length === 0 && <span class="muted">{t("tags.none")}</span>}
      {props.all.map((tag) => {
        const on = props.chosen.includes(tag.tag_id);
        return (
          <label key={tag.tag_id} class={`tag-chip${on ? " on" : ""}`} style={tagChipStyle(tag)}>
            <input
              type="checkbox"
              checked={on}
              onChange={() => props.onChange(on ? props.chosen.filter((id) => id !== tag.tag_id) : [...props.chosen, tag.tag_id])}
            />
            {tag.name}
          </label>
        );
      })}
    </fieldset>
  );
}

function Tags(props: { controller: ConsoleController; session: Session }) {
  const { controller, session } = props;
  const all = useStore(controller.workspace.store, (s) => s.tags[session.project_id] ?? []);
  const profile = useStore(controller.side.store, (s) => profileOf(s, session));
  return (
    <section aria-labelledby="tags-title">
      <h3 id="tags-title">{t("side.tags")}</h3>
      <TagChips
        label={t("tags.session")}
        all={all}
        chosen={session.tags ?? []}
        onChange={(ids) => void controller.side.setSessionTags(session.session_id, ids)}
      />
      {profile && (
        <TagChips
          label={t("tags.user")}
          all={all}
          chosen={(profile.tags ?? []).map((tag) => tag.tag_id)}
          onChange={(ids) => void controller.side.setUserTags(session.project_id, session.tg_user_id, ids)}
        />
      )}
    </section>
  );
}

function Notes(props: { controller: ConsoleController; session: Session }) {
  const { controller, session } = props;
  const notes = useStore(controller.side.store, (s) => s.notes[session.session_id] ?? []);
  const me = useStore(controller.workspace.store, (s) => s.me);
  const agents = useStore(controller.workspace.store, (s) => s.agents);
  const sid = session.session_id;
  const { text, personal } = useStore(controller.side.store, () => controller.side.noteDraft(sid));

  async function add(event: Event) {
    event.preventDefault();
    await controller.side.fileNote(sid);
  }

  return (
    <section aria-labelledby="notes-title">
      <h3 id="notes-title">{t("side.notes")}</h3>
      <ul class="notes">
        {notes.map((note) => (
          <NoteItem key={note.note_id} controller={controller} note={note} mine={note.author_id === me.agent_id} agents={agents} />
        ))}
      </ul>
      <form class="stack" onSubmit={add}>
        <label>
          <span class="visually-hidden">{t("notes.new")}</span>
          <textarea rows={2} value={text} maxLength={4000} placeholder={t("notes.new")} onInput={(e) => controller.side.setNoteDraft(sid, { text: e.currentTarget.value })} />
        </label>
        <div class="row">
          <label class="check">
            <input type="checkbox" checked={personal} onChange={(e) => controller.side.setNoteDraft(sid, { personal: e.currentTarget.checked })} />
            {t("notes.personal")}
          </label>
          <button type="submit" disabled={!text.trim()}>
            {t("notes.add")}
          </button>
        </div>
      </form>
    </section>
  );
}

function NoteItem(props: { controller: ConsoleController; note: Note; mine: boolean; agents: AgentsById }) {
  const { note } = props;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.text);
  if (editing) {
    return (
      <li class="note">
        <form
          class="stack"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await props.controller.side.editNote(note, text.trim())) setEditing(false);
          }}
        >
          <label>
            <span class="visually-hidden">{t("notes.edit")}</span>
            <textarea rows={3} value={text} maxLength={4000} onInput={(e) => setText(e.currentTarget.value)} />
          </label>
          <div class="row">
            <button type="button" onClick={() => setEditing(false)}>
              {t("action.cancel")}
            </button>
            <button type="submit" class="primary" disabled={!text.trim()}>
              {t("action.save")}
            </button>
          </div>
        </form>
      </li>
    );
  }
  return (
    <li class={`note${note.personal ? " personal" : ""}`}>
      <p class="text">{note.text}</p>
      <div class="note-meta muted">
        <span class="note-author">{agentName(props.agents, note.author_id)}</span> · {note.personal ? t("notes.personalTag") : t("notes.sharedTag")} ·{" "}
        {dateTime(note.created_at)}
        {note.edited_at ? ` · ${t("message.edited")}` : ""}
        {props.mine && (
          <button
            type="button"
            class="link"
            onClick={() => {
              setText(note.text);
              setEditing(true);
            }}
          >
            {t("notes.edit")}
          </button>
        )}
      </div>
    </li>
  );
}

function EarlierSessions(props: { controller: ConsoleController; session: Session }) {
  const { controller, session } = props;
  const profile = useStore(controller.side.store, (s) => profileOf(s, session));
  const earlier = (profile?.sessions ?? []).filter((s) => s.session_id !== session.session_id);
  return (
    <section aria-labelledby="earlier-title">
      <h3 id="earlier-title">{t("side.earlier")}</h3>
      {earlier.length === 0 ? (
        <p class="muted">{t("side.noEarlier")}</p>
      ) : (
        <ul class="earlier">
          {earlier.map((s) => (
            <li key={s.session_id}>
              <span class={`status-chip status-${s.status}`}>{t(`status.${s.status}`)}</span> {dateTime(s.opened_at)}
              {s.closed_at ? ` – ${dateTime(s.closed_at)}` : ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
