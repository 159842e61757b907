import type { Presence } from "../api/types";
import type { ConsoleController } from "../console/controller";
import type { View } from "./Console";
import { OnShiftNow } from "../handover/OnShiftNow";
import { t } from "../i18n";
import { useStore } from "../lib/store";
import { Preferences } from "./Preferences";

const PRESENCES: Presence[] = ["online", "busy", "offline"];

export function TopBar(props: {
  controller: ConsoleController;
  view: View;
  canAdmin: boolean;
  onView: (view: View) => void;
  onLogout: () => void;
  notifyAsk: boolean;
  onAskNotify: () => void;
}) {
  const { controller } = props;
  const me = useStore(controller.workspace.store, (s) => s.me);
  const live = useStore(controller.realtime.store, (s) => s.connection);
  // An open socket is not "Live" while replies fail to reach the server.
  const sendsFailing = useStore(controller.chat.store, (s) => s.sendsFailing);
  const connection = sendsFailing && live === "live" ? "sendsFailing" : live;
  const presence = me.presence ?? "offline";
  return (
    <header class="topbar">
      <strong class="brand">{t("app.title")}</strong>
      {/* The workbench's level-one heading, for those who move by headings (the admin area has its own). */}
      {props.view === "console" && <h1 class="visually-hidden">{t("nav.console")}</h1>}
      <nav aria-label={t("nav.label")}>
        <button type="button" class="ghost" aria-current={props.view === "console" ? "page" : undefined} onClick={() => props.onView("console")}>
          {t("nav.console")}
        </button>
        <button type="button" class="ghost" aria-current={props.view === "tasks" ? "page" : undefined} onClick={() => props.onView("tasks")}>
          {t("nav.tasks")}
        </button>
        <button type="button" class="ghost" aria-current={props.view === "stats" ? "page" : undefined} onClick={() => props.onView("stats")}>
          {t("nav.stats")}
        </button>
        {props.canAdmin && (
          <button type="button" class="ghost" aria-current={props.view === "admin" ? "page" : undefined} onClick={() => props.onView("admin")}>
            {t("nav.admin")}
          </button>
        )}
        {props.canAdmin && (
          <button type="button" class="ghost" aria-current={props.view === "links" ? "page" : undefined} onClick={() => props.onView("links")}>
            {t("nav.links")}
          </button>
        )}
        {props.canAdmin && (
          <button type="button" class="ghost" aria-current={props.view === "tickets" ? "page" : undefined} onClick={() => props.onView("tickets")}>
            {t("nav.tickets")}
          </button>
        )}
      </nav>
      <span class={`connection connection-${connection}`} role="status" title={t(`connection.${connection}`)}>
        {t(`connection.${connection}`)}
      </span>
      <OnShiftNow controller={controller} />
      <fieldset class="presence">
        <legend class="visually-hidden">{t("presence.label")}</legend>
        {PRESENCES.map((p) => (
          <label key={p} class={`presence-option presence-${p}`}>
            <input type="radio" name="presence" value={p} checked={presence === p} onChange={() => void controller.realtime.setPresence(p)} />
            {t(`presence.${p}`)}
          </label>
        ))}
      </fieldset>
      {props.notifyAsk && (
        <button type="button" class="ghost" onClick={props.onAskNotify}>
          {t("notify.enable")}
        </button>
      )}
      <Preferences />
      <span class="me">{me.display_name || me.username}</span>
      <button type="button" class="ghost" onClick={props.onLogout}>
        {t("login.logout")}
      </button>
    </header>
  );
}
