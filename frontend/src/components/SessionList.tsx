import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { PRIORITIES, STATUSES, type Priority, type Session, type SessionStatus } from "../api/types";
import type { ConsoleController } from "../console/controller";
import { holderText } from "../console/people";
import { t } from "../i18n";
import { CollaboratingBadge } from "../collaboration/CollaboratorNotice";
import { collaborates } from "../collaboration/model";
import { OverdueBadge } from "../tasks/OverdueBadge";
import { dateTime, dayKey, displayName, time } from "../lib/format";
import { useStore } from "../lib/store";
import { isUnread, type SessionOrder } from "../sessions/model";
import { previewText } from "../sessions/preview";
import { visibleRange } from "../sessions/virtual";
import { SlaChip } from "../sla/SlaClocks";
import { TagChipRow } from "./TagChip";

export const ROW_HEIGHT = 80; // name and time, status and tags, the last message

export function SessionList(props: { controller: ConsoleController; sessions: Session[] }) {
  const { controller, sessions } = props;
  const state = useStore(controller.sessions.store, (s) => s);
  const projects = useStore(controller.workspace.store, (s) => s.projects);
  const tags = useStore(controller.workspace.store, (s) => s.tags);
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    setHeight(element.clientHeight || 600);
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight || 600));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const { start, end } = visibleRange(scrollTop, height, ROW_HEIGHT, sessions.length);
  useEffect(() => {
    if (end >= sessions.length - 10) void controller.sessions.loadMore();
  }, [end, sessions.length, state.listCursor]);

  // Keep the open session in view when the keyboard moves through the list.
  useEffect(() => {
    const index = sessions.findIndex((s) => s.session_id === state.selectedId);
    const element = viewport.current;
    if (index < 0 || !element) return;
    const top = index * ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight) element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
  }, [state.selectedId]);

  const tagChoices = state.filters.project_id ? tags[state.filters.project_id] ?? [] : Object.values(tags).flat();

  return (
    <section class="sessions" aria-labelledby="sessions-title">
      <h2 id="sessions-title" class="visually-hidden">
        {t("sessions.title")}
      </h2>
      <div class="session-search">
        <label for="session-search" class="visually-hidden">
          {t("sessions.search")}
        </label>
        <input
          id="session-search"
          type="search"
          placeholder={t("sessions.searchPlaceholder")}
          value={state.search}
          onInput={(e) => controller.sessions.setSearch(e.currentTarget.value)}
        />
      </div>
      <div class="status-counts" role="group" aria-label={t("sessions.counts")}>
        {STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            class="count"
            aria-pressed={state.filters.status === status}
            onClick={() => controller.sessions.setFilters({ status: state.filters.status === status ? "" : status })}
          >
            {t(`status.${status}`)} <span class="count-number">{state.counts[status] ?? 0}</span>
          </button>
        ))}
      </div>
      <details class="filters">
        <summary>{t("sessions.filters")}</summary>
        <div class="filter-grid">
          <label>
            {t("filter.project")}
            <select value={state.filters.project_id} onChange={(e) => controller.sessions.setFilters({ project_id: e.currentTarget.value, tag: "" })}>
              <option value="">{t("filter.all")}</option>
              {projects.map((p) => (
                <option key={p.project_id} value={p.project_id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("filter.status")}
            <select value={state.filters.status} onChange={(e) => controller.sessions.setFilters({ status: e.currentTarget.value as SessionStatus | "" })}>
              <option value="">{t("filter.all")}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("filter.tag")}
            <select value={state.filters.tag} onChange={(e) => controller.sessions.setFilters({ tag: e.currentTarget.value })}>
              <option value="">{t("filter.all")}</option>
              {tagChoices.map((tag) => (
                <option key={tag.tag_id} value={tag.tag_id}>
                  {tag.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("filter.priority")}
            <select value={state.filters.priority} onChange={(e) => controller.sessions.setFilters({ priority: e.currentTarget.value as Priority | "" })}>
              <option value="">{t("filter.all")}</option>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`priority.${p}`)}
                </option>
              ))}
            </select>
          </label>
          <label class="check">
            <input type="checkbox" checked={state.filters.unread} onChange={(e) => controller.sessions.setFilters({ unread: e.currentTarget.checked })} />
            {t("filter.unread")}
          </label>
          <label class="check">
            <input type="checkbox" checked={state.filters.waiting} onChange={(e) => controller.sessions.setFilters({ waiting: e.currentTarget.checked })} />
            {t("filter.waiting")}
          </label>
          <label>
            {t("filter.order")}
            <select value={state.filters.order} onChange={(e) => controller.sessions.setFilters({ order: e.currentTarget.value as SessionOrder })}>
              <option value="activity">{t("filter.orderActivity")}</option>
              <option value="waiting">{t("filter.orderWaiting")}</option>
              <option value="due">{t("filter.orderDue")}</option>
            </select>
          </label>
        </div>
      </details>
      <div
        class="session-viewport"
        ref={viewport}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        aria-busy={state.listLoading}
      >
        {sessions.length === 0 && !state.listLoading && <p class="empty">{t("sessions.empty")}</p>}
        <ul class="session-rows" style={{ height: `${sessions.length * ROW_HEIGHT}px` }} aria-label={t("sessions.title")}>
          {sessions.slice(start, end).map((session, offset) => (
            <SessionRow
              key={session.session_id}
              controller={controller}
              session={session}
              index={start + offset}
              total={sessions.length}
              selected={session.session_id === state.selectedId}
              unseen={state.unseen[session.session_id] ?? 0}
              unread={isUnread(session, state.unseen)}
            />
          ))}
        </ul>
      </div>
    </section>
  );
}

function SessionRow(props: {
  controller: ConsoleController;
  session: Session;
  index: number;
  total: number;
  selected: boolean;
  unseen: number;
  unread: boolean;
}) {
  const { session, controller } = props;
  const name = displayName(session.user, session.tg_user_id);
  // Supervisors and admins see every session of their projects: say who holds each one.
  const supervisor = useStore(controller.workspace.store, (s) => s.me.role !== "agent");
  const collaborating = useStore(controller.workspace.store, (s) => collaborates(session, s.me.agent_id));
  const agents = useStore(controller.workspace.store, (s) => s.agents);
  const tags = useStore(controller.workspace.store, (s) => s.tags[session.project_id] ?? []);
  const badge = props.unseen > 0 ? String(props.unseen) : props.unread ? "•" : "";
  return (
    <li
      class="session-row"
      style={{ top: `${props.index * ROW_HEIGHT}px`, height: `${ROW_HEIGHT}px` }}
      aria-setsize={props.total}
      aria-posinset={props.index + 1}
    >
      <button
        type="button"
        class={`session-button priority-${session.priority}${props.unread ? " unread" : ""}`}
        aria-current={props.selected ? "true" : undefined}
        data-session-id={session.session_id}
        onClick={() => controller.select(session.session_id)}
      >
        <span class="session-name">{name}</span>
        <span class="session-time">{time(session.last_activity_at)}</span>
        <span class="session-meta">
          <span class={`status-chip status-${session.status}`}>{t(`status.${session.status}`)}</span>
          {session.priority !== "medium" && <span class="priority-chip">{t(`priority.${session.priority}`)}</span>}
          {session.queued_at && !session.assignee_id && <span class="priority-chip">{t("sessions.queued")}</span>}
          {session.waiting_since != null && <WaitingMarker since={session.waiting_since} />}
          <SlaChip session={session} />
          {collaborating && <CollaboratingBadge />}
          <OverdueBadge session={session} />
          {supervisor && (session.assignee_id || !session.queued_at) && <span class="session-holder">{holderText(agents, session)}</span>}
          <TagChipRow ids={session.tags ?? []} tags={tags} label={t("side.tags")} />
        </span>
        {badge && (
          <span class="badge" aria-label={props.unseen > 0 ? t("sessions.unseen", { count: props.unseen }) : t("sessions.unreadBadge")}>
            {badge}
          </span>
        )}
        {session.last_message && <span class="session-preview">{previewText(session.last_message)}</span>}
      </button>
    </li>
  );
}

/** The customer waits for an answer: since when (the time alone today, else the date too). */
function WaitingMarker(props: { since: number }) {
  const when = dayKey(props.since) === dayKey(Date.now()) ? time(props.since) : dateTime(props.since);
  return (
    <span class="waiting-chip" data-waiting-since={props.since} title={t("sessions.waitingLabel", { time: when })}>
      {t("sessions.waitingSince", { time: when })}
    </span>
  );
}
