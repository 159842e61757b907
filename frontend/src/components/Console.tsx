import type { ComponentType } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { logOut, type Login } from "../api/auth";
import { createApi, type HttpApi } from "../api/client";
import { MediaContext } from "../chat/media";
import { ConsoleController } from "../console/controller";
import { linkTo, sessionInLink } from "../console/link";
import { isMessageKey, t } from "../i18n";
import { announceMessage, announceSession, askNotifications, canAskNotifications } from "../lib/alerts";
import { useStore } from "../lib/store";
import { unreadCount, visibleSessions } from "../sessions/model";
import { ChatPane } from "./ChatPane";
import { useShortcuts } from "./shortcuts";
import { SessionList } from "./SessionList";
import { SidePanel } from "./SidePanel";
import { TopBar } from "./TopBar";
import { HandoverPage } from "../handover/HandoverPage";

type AdminArea = ComponentType<{ api: HttpApi; controller: ConsoleController }>;
/** The workbench, or one of the lazily loaded areas of administrators and supervisors. */
export type View = "console" | "admin" | "links" | "tickets" | "tasks" | "stats";

function useHashView(): [View, (view: View) => void] {
  const named: Record<string, View> = { "#admin": "admin", "#links": "links", "#tickets": "tickets", "#tasks": "tasks", "#stats": "stats" };
  const read = (): View => named[location.hash] ?? "console";
  const [view, setView] = useState<View>(read);
  useEffect(() => {
    const changed = () => setView(read());
    addEventListener("hashchange", changed);
    return () => removeEventListener("hashchange", changed);
  }, []);
  return [view, (next) => (location.hash = next === "console" ? "" : next)];
}

/** The address bar links to the open session, without adding to the history. */
function useSessionLink(selectedId: string | null, view: View): void {
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (view !== "console") return;
    if (selectedId) history.replaceState(null, "", linkTo(selectedId));
    else if (shown.current && sessionInLink(location.hash) === shown.current) history.replaceState(null, "", location.pathname + location.search);
    shown.current = selectedId;
  }, [selectedId, view]);
}

export function Console(props: { login: Login; onEnded: (code: string) => void }) {
  const api = useMemo(
    () => createApi({ token: () => props.login.token, onSessionEnded: (error) => props.onEnded(error.code) }),
    [props.login.token],
  );
  const controller = useMemo(
    () =>
      new ConsoleController({
        api,
        me: props.login.agent,
        isVisible: () => document.visibilityState === "visible",
        onNewSession: (session) => announceSession(session, () => controller.select(session.session_id)),
        onNewMessage: (session) => announceMessage(session, () => controller.select(session.session_id)),
      }),
    [api],
  );
  const [view, setView] = useHashView();
  const [Admin, setAdmin] = useState<AdminArea | null>(null);
  const [Links, setLinks] = useState<AdminArea | null>(null);
  const [Tickets, setTickets] = useState<AdminArea | null>(null);
  const [TasksArea, setTasksArea] = useState<AdminArea | null>(null);
  const [Stats, setStats] = useState<AdminArea | null>(null);
  const [notifyAsk, setNotifyAsk] = useState(canAskNotifications);
  const state = useStore(controller.sessions.store, (s) => s);
  // The whole workspace: the admin area reads its agent, projects and tags without subscribing.
  const { me, notice } = useStore(controller.workspace.store, (s) => s);
  const canAdmin = me.role !== "agent";

  useEffect(() => {
    const linked = sessionInLink(location.hash);
    void controller.start().then(() => (linked ? controller.openLink(linked) : undefined));
    const followLink = () => {
      const id = sessionInLink(location.hash);
      if (id) void controller.openLink(id);
    };
    addEventListener("hashchange", followLink);
    return () => {
      removeEventListener("hashchange", followLink);
      controller.stop();
    };
  }, [controller]);
  useSessionLink(state.selectedId, view);

  useEffect(() => {
    if (view !== "admin" || Admin) return;
    void import("../admin/Admin").then((module) => setAdmin(() => module.Admin));
  }, [view, Admin]);

  useEffect(() => {
    if (view !== "links" || Links || !canAdmin) return;
    void import("../links/LinksPage").then((module) => setLinks(() => module.LinksPage));
  }, [view, Links, canAdmin]);

  useEffect(() => {
    if (view !== "tickets" || Tickets || !canAdmin) return;
    void import("../tickets/TicketsPage").then((module) => setTickets(() => module.TicketsPage));
  }, [view, Tickets, canAdmin]);

  useEffect(() => {
    if (view !== "tasks" || TasksArea) return;
    void import("../tasks/TasksPage").then((module) => setTasksArea(() => module.TasksPage));
  }, [view, TasksArea]);

  // Every agent: an agent's figures are their own (the API sees to it).
  useEffect(() => {
    if (view !== "stats" || Stats) return;
    void import("../stats/StatsPage").then((module) => setStats(() => module.StatsPage));
  }, [view, Stats]);

  const unread = unreadCount(state.sessions, state.unseen);
  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) ${t("app.title")}` : t("app.title");
  }, [unread]);

  const list = visibleSessions(state.sessions, state.filters, state.search, state.unseen);
  useShortcuts(controller, list);

  async function logout() {
    controller.stop();
    await logOut(api).catch(() => undefined);
    props.onEnded("logged_out");
  }

  return (
    <div class="console">
      <a class="skip-link" href="#chat-main">
        {t("a11y.skipToChat")}
      </a>
      <TopBar
        controller={controller}
        view={view}
        canAdmin={canAdmin}
        onView={setView}
        onLogout={logout}
        notifyAsk={notifyAsk}
        onAskNotify={() => void askNotifications().then(() => setNotifyAsk(canAskNotifications()))}
      />
      {notice && (
        <div class="notice" role="alert">
          <span>
            {isMessageKey(notice.key) ? t(notice.key, notice.vars) : notice.key}
            {notice.text ? `: ${notice.text}` : ""}
          </span>
          <button type="button" class="ghost" onClick={() => controller.workspace.dismissNotice()} aria-label={t("action.dismiss")}>
            ×
          </button>
        </div>
      )}
      {view === "stats" ? (
        Stats ? (
          <Stats api={api} controller={controller} />
        ) : (
          <p class="loading" role="status">
            {t("state.loading")}
          </p>
        )
      ) : view === "tasks" ? (
        TasksArea ? (
          <>
            <TasksArea api={api} controller={controller} />
            <HandoverPage api={api} controller={controller} />
          </>
        ) : (
          <p class="loading" role="status">
            {t("state.loading")}
          </p>
        )
      ) : view !== "console" && canAdmin ? (
        view === "admin" && Admin ? (
          <Admin api={api} controller={controller} />
        ) : view === "links" && Links ? (
          <Links api={api} controller={controller} />
        ) : view === "tickets" && Tickets ? (
          <Tickets api={api} controller={controller} />
        ) : (
          <p class="loading" role="status">
            {t("state.loading")}
          </p>
        )
      ) : (
        <div class="workbench">
          <SessionList controller={controller} sessions={list} />
          <MediaContext.Provider value={api}>
            <ChatPane controller={controller} />
          </MediaContext.Provider>
          <SidePanel controller={controller} />
        </div>
      )}
    </div>
  );
}
