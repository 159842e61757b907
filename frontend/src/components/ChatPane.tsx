import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { PRIORITIES, type Assignment, type Priority, type Session } from "../api/types";
import { MessageBody, messageTimeTitle } from "../chat/MessageBody";
import { failureText } from "../chat/failure";
import { canRetry, deliveryState } from "../chat/outbox";
import { isLocal, timelineRows, type TimelineMessage } from "../chat/timeline";
import type { ConsoleController } from "../console/controller";
import { agentName, assignmentText, holderText, type AgentsById } from "../console/people";
import { t } from "../i18n";
import { dateTime, day, displayName, time } from "../lib/format";
import { useStore } from "../lib/store";
import { CollaboratorNotice } from "../collaboration/CollaboratorNotice";
import { collaborates } from "../collaboration/model";
import { Composer } from "./Composer";
import { SidePanelToggle } from "./SidePanel";
import { TransferDialog } from "./TransferDialog";
import { EscalateDialog } from "../tickets/EscalateDialog";
import { TicketCard } from "../tickets/TicketCard";
import { UserLocalTime } from "../tasks/LocalTime";
import { SuggestionBanner } from "../triggers/SuggestionBanner";
import { higherLevels } from "../tickets/model";
import { BotAuthor, MakeFaqAnswer } from "../autoreplies/MakeFaqAnswer";
import { canBecomeFaq } from "../autoreplies/model";

export function ChatPane(props: { controller: ConsoleController }) {
  const { controller } = props;
  const selectedId = useStore(controller.sessions.store, (s) => s.selectedId);
  const session = useStore(controller.sessions.store, (s) => (s.selectedId ? s.sessions[s.selectedId] : undefined));
  const me = useStore(controller.workspace.store, (s) => s.me.agent_id);
  if (!selectedId || !session) {
    return (
      <main class="chat chat-empty" id="chat-main" tabIndex={-1}>
        <p>{t("chat.none")}</p>
      </main>
    );
  }
  return (
    <main class="chat" id="chat-main" aria-labelledby="chat-title" tabIndex={-1}>
      <ChatHeader controller={controller} session={session} />
      <TicketCard controller={controller} session={session} />
      <SuggestionBanner controller={controller} session={session} />
      <Timeline key={session.session_id} controller={controller} session={session} />
      {collaborates(session, me) && session.assignee_id !== me ? (
        <CollaboratorNotice controller={controller} session={session} />
      ) : (
        <>
          <UserLocalTime controller={controller} session={session} />
          <Composer key={`c:${session.session_id}`} controller={controller} session={session} />
        </>
      )}
    </main>
  );
}

function ChatHeader(props: { controller: ConsoleController; session: Session }) {
  const { controller, session } = props;
  const me = useStore(controller.workspace.store, (s) => s.me);
  const [transferring, setTransferring] = useState(false);
  const [escalating, setEscalating] = useState(false);
  const closed = session.status === "closed";
  const mine = session.assignee_id === me.agent_id;
  const supervisor = me.role !== "agent";
  const agents = useStore(controller.workspace.store, (s) => s.agents);
  return (
    <header class="chat-header">
      <h2 id="chat-title">{displayName(session.user, session.tg_user_id)}</h2>
      {supervisor && (
        <span class="chat-holder muted" data-holder={session.assignee_id ?? ""}>
          {holderText(agents, session)}
        </span>
      )}
      <div class="chat-actions" role="toolbar" aria-label={t("chat.actions")}>
        <label>
          <span class="visually-hidden">{t("filter.status")}</span>
          <select
            aria-label={t("filter.status")}
            value={session.status}
            disabled={closed}
            onChange={(e) => void controller.sessions.update(session.session_id, { status: e.currentTarget.value as "processing" | "follow_up" })}
          >
            {session.status === "unread" && <option value="unread">{t("status.unread")}</option>}
            <option value="processing">{t("status.processing")}</option>
            <option value="follow_up">{t("status.follow_up")}</option>
            {closed && <option value="closed">{t("status.closed")}</option>}
          </select>
        </label>
        <label>
          <span class="visually-hidden">{t("filter.priority")}</span>
          <select
            aria-label={t("filter.priority")}
            value={session.priority}
            onChange={(e) => void controller.sessions.update(session.session_id, { priority: e.currentTarget.value as Priority })}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`priority.${p}`)}
              </option>
            ))}
          </select>
        </label>
        {!closed && (
          <button type="button" onClick={() => setTransferring(true)}>
            {t("action.transfer")}
          </button>
        )}
        {!closed && higherLevels(session.level).length > 0 && (
          <button type="button" data-action="escalate" onClick={() => setEscalating(true)}>
            {t("action.escalate")}
          </button>
        )}
        {!closed && supervisor && !mine && (
          <button type="button" onClick={() => void controller.sessions.takeOver(session.session_id)}>
            {t("action.takeOver")}
          </button>
        )}
        <SidePanelToggle controller={controller} />
        {closed ? (
          <button type="button" onClick={() => void controller.sessions.reopen(session.session_id)}>
            {t("action.reopen")}
          </button>
        ) : (
          <button type="button" data-action="close" onClick={() => void controller.sessions.close(session.session_id)}>
            {t("action.close")}
          </button>
        )}
      </div>
      {transferring && <TransferDialog controller={controller} session={session} onClose={() => setTransferring(false)} />}
      {escalating && <EscalateDialog controller={controller} session={session} onClose={() => setEscalating(false)} />}
    </header>
  );
}

function Timeline(props: { controller: ConsoleController; session: Session }) {
  const { controller, session } = props;
  const chat = useStore(controller.chat.store, (s) => s.chats[session.session_id]);
  const retried = useStore(controller.chat.store, (s) => s.retried);
  const resent = useStore(controller.chat.store, (s) => s.resent);
  const agents = useStore(controller.workspace.store, (s) => s.agents);
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const anchor = useRef<{ height: number; top: number } | null>(null);
  const messages = chat?.messages ?? [];
  const last = messages[messages.length - 1];

  // New messages keep the view at the bottom when it was there; scrolling back keeps its place.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    if (anchor.current) {
      element.scrollTop = anchor.current.top + (element.scrollHeight - anchor.current.height);
      anchor.current = null;
    } else if (pinned.current) {
      element.scrollTop = element.scrollHeight;
    }
  }, [messages.length, last && (isLocal(last) ? last.client_message_id : last.message_id)]);

  function loadOlder() {
    const element = scroller.current;
    if (element) anchor.current = { height: element.scrollHeight, top: element.scrollTop };
    void controller.chat.loadOlder(session.session_id);
  }

  useEffect(() => {
    const element = scroller.current;
    if (element && chat && !chat.loading && element.scrollHeight <= element.clientHeight && !chat.olderExhausted && messages.length) {
      loadOlder();
    }
  }, [chat?.loading]);

  function onScroll() {
    const element = scroller.current;
    if (!element) return;
    pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 40;
    if (element.scrollTop < 60 && chat && !chat.loadingOlder && !chat.olderExhausted) loadOlder();
  }

  const rows = timelineRows(messages, chat?.assignments);
  return (
    <div class="timeline" ref={scroller} onScroll={onScroll}>
      <div class="timeline-start">
        {chat?.olderExhausted ? (
          <span class="muted">{t("chat.historyStart")}</span>
        ) : (
          <button type="button" class="ghost" onClick={loadOlder} disabled={chat?.loadingOlder}>
            {chat?.loadingOlder ? t("state.loading") : t("chat.loadOlder")}
          </button>
        )}
      </div>
      <ol class="messages" aria-label={t("chat.history")} aria-live="polite" aria-relevant="additions">
        {rows.map((row) => {
          if (row.kind === "day") {
            return (
              <li key={row.key} class="day-separator">
                <span>{day(row.at)}</span>
              </li>
            );
          }
          if (row.kind === "session") {
            return (
              <li key={row.key} class="session-separator">
                <span>{t("chat.sessionStart", { when: dateTime(row.at) })}</span>
              </li>
            );
          }
          if (row.kind === "assignment") return <AssignmentRow key={row.key} agents={agents} move={row.assignment} />;
          return (
            <MessageRow
              key={row.key}
              controller={controller}
              message={row.message}
              retried={retried}
              resent={resent}
              current={session.session_id}
              agents={agents}
            />
          );
        })}
      </ol>
      {chat?.loading && messages.length === 0 && (
        <p class="loading" role="status">
          {t("state.loading")}
        </p>
      )}
    </div>
  );
}

export function MessageRow(props: {
  controller?: ConsoleController;
  message: TimelineMessage;
  retried: ReadonlySet<string>;
  /** Stored failed messages sent again successfully: no longer shown as failed. */
  resent?: ReadonlySet<string>;
  current?: string;
  /** Names the agent who sent each reply, when given. */
  agents?: AgentsById;
}) {
  const { message } = props;
  const outbound = isLocal(message) || message.direction === "out";
  const sentAgain = !isLocal(message) && Boolean(props.resent?.has(message.message_id));
  const state = sentAgain ? "resent" : deliveryState(message);
  const failure = state === "failed" ? failureText(message) : null;
  const earlier = props.current && message.session_id !== props.current;
  return (
    <li class={`message ${outbound ? "out" : "in"}${earlier ? " earlier-session" : ""}`} data-delivery={state ?? undefined}>
      <div class="bubble">
        {isLocal(message) ? <p class="text">{message.text}</p> : <MessageBody message={message} />}
        <div class="message-meta">
          {!isLocal(message) && message.from_bot && <BotAuthor />}
          {props.agents && !isLocal(message) && message.direction === "out" && !message.from_bot && message.sender_agent_id && (
            <span class="message-author" title={t("people.repliedBy", { name: agentName(props.agents, message.sender_agent_id) })}>
              {agentName(props.agents, message.sender_agent_id)}
            </span>
          )}
          <time dateTime={new Date(message.created_at).toISOString()} title={isLocal(message) ? undefined : messageTimeTitle(message)}>
            {time(message.created_at)}
          </time>
          {state && <DeliveryBadge state={state} attempts={isLocal(message) ? undefined : message.delivery?.attempts} />}
          {props.controller && canBecomeFaq(message) && <MakeFaqAnswer controller={props.controller} message={message} projectId={message.project_id} />}
        </div>
        {failure && (
          <div class="delivery-failure" role="alert">
            <span title={failure.title}>{t("delivery.failedBecause", { reason: failure.text })}</span>
            {props.controller && canRetry(message, props.retried) && (
              <button type="button" class="retry" onClick={() => void props.controller!.chat.retry(message)}>
                {t("delivery.retry")}
              </button>
            )}
          </div>
        )}
      </div>
    </li>
  );
}

/** A change of hands among the messages: who it went to, from whom, and the reason given. */
export function AssignmentRow(props: { agents: AgentsById; move: Assignment }) {
  const { move } = props;
  return (
    <li class="assignment-line" data-how={move.how}>
      <span>{assignmentText(props.agents, move)}</span>
      {move.reason && <span class="assignment-reason">{t("assignment.reason", { reason: move.reason })}</span>}
      <time dateTime={new Date(move.at).toISOString()}>{time(move.at)}</time>
    </li>
  );
}

function DeliveryBadge(props: { state: string; attempts?: number }) {
  const label = t(`delivery.${props.state}` as "delivery.sent");
  return (
    <span class={`delivery delivery-${props.state}`} aria-label={label} title={label}>
      {label}
      {props.state === "retrying" && props.attempts ? ` (${props.attempts})` : ""}
    </span>
  );
}
