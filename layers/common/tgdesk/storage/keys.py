"""Every key of the single table, in one place. docs/data-model.md explains the layout.

Sort keys that order by time embed epoch milliseconds zero-padded to 13 digits.
"""

from __future__ import annotations

import re
import zlib


def ts(ms: int) -> str:
    return f"{ms:013d}"


def shard(identifier: str, shards: int) -> int:
    """The write shard of an id among `shards`: crc32, the same in every process (unlike
    hash()), and spread evenly over ULIDs."""
    return zlib.crc32(identifier.encode()) % shards


def sharded(partition: str, shards: int) -> tuple[str, ...]:
    """Every shard of a write-sharded index partition (`{partition}#{n}`), to be read together.

    A shard count may grow without moving anything: an item keeps the shard it was written
    to, which stays below the new count, and readers read every shard below it."""
    return tuple(f"{partition}#{n}" for n in range(shards))


def shard_family(index: str, partition_key: str) -> tuple[str, int] | None:
    """The write-sharded index partition (without its shard number) that `partition_key` of
    `index` is a shard of, and its shard count; None for any other key. For meters that
    spread a sampled shard's load over its family."""
    for family_index, pattern, shards in _SHARD_FAMILIES:
        found = pattern.fullmatch(partition_key) if family_index == index else None
        if found:
            return found.group(1), shards
    return None


# docs/scale.md explains each shard count: the writes of its hottest moment, spread so that
# every shard stays under half of a partition's 1,000 write units a second.
TIMER_SHARDS = 64  # every inbound message moves its session's autoclose timer
DELIVERY_RETRY_SHARDS = 32  # every reply enters the retry index while `sending`, and leaves
AUDIT_SHARDS = 16  # every audited change of every project
PROJECT_AUDIT_SHARDS = 4  # every audited change of the largest project (the table's key)
AGENT_INDEX_SHARDS = 8  # every change of any agent item (its counters) rewrites its entry
SESSION_INDEX_SHARDS = 16  # every message of the largest project moves its session
USER_INDEX_SHARDS = 8  # a user's message re-sorts them in the largest project (once a minute)
LINK_CLICK_SHARDS = 16  # every click of the busiest tracked link (a campaign's burst)
LINK_FUNNEL_SHARDS = 8  # every counted click of a project's links (a campaign's burst)
STATS_SHARDS = 8  # every counted message of the largest project (its `project` item)
_SHARD_FAMILIES = (
    ("GSI2", re.compile(r"(TIMER#[^#]+)#\d+"), TIMER_SHARDS),
    ("GSI2", re.compile(r"(DELIVERY#RETRY)#\d+"), DELIVERY_RETRY_SHARDS),
    ("GSI1", re.compile(r"(AUDIT)#\d+"), AUDIT_SHARDS),
    ("table", re.compile(r"(AUDIT#.+)#\d+"), PROJECT_AUDIT_SHARDS),
    ("GSI1", re.compile(r"(AGENTS)#\d+"), AGENT_INDEX_SHARDS),
    ("GSI2", re.compile(r"(PROJECT#.+#SESSIONS)#\d+"), SESSION_INDEX_SHARDS),
    ("GSI1", re.compile(r"(PROJECT#.+#USERS)#\d+"), USER_INDEX_SHARDS),
    ("GSI1", re.compile(r"(LINK#.+#CLICKS)#\d+"), LINK_CLICK_SHARDS),
    ("table", re.compile(r"(LINKFUNNEL#.+#\d{6})#\d+"), LINK_FUNNEL_SHARDS),
    ("table", re.compile(r"(STATS#.+#\d{6}#[a-z]+)#\d+"), STATS_SHARDS),
)


# -- projects -------------------------------------------------------------------------
def project(project_id: str) -> tuple[str, str]:
    return f"PROJECT#{project_id}", "PROJECT"


PROJECTS_INDEX_PK = "PROJECTS"  # GSI1: every project, by creation


def project_member(project_id: str, agent_id: str) -> tuple[str, str]:
    return f"PROJECT#{project_id}", f"MEMBER#{agent_id}"


MEMBER_PREFIX = "MEMBER#"


def routing_state(project_id: str) -> tuple[str, str]:
    """Round-robin cursor of a project (one item, updated conditionally)."""
    return f"PROJECT#{project_id}", "ROUTING"


def ignored_counter(project_id: str) -> tuple[str, str]:
    """Counts of updates acknowledged but not served (groups, channels, ...), by kind."""
    return f"PROJECT#{project_id}", "COUNTER#IGNORED"


def dead_letter(project_id: str, received_at: int, letter_id: str) -> tuple[str, str]:
    return f"PROJECT#{project_id}", f"DEADLETTER#{ts(received_at)}#{letter_id}"


DEAD_LETTERS_INDEX_PK = "DEADLETTERS"  # GSI1: all dead letters, newest first


# -- agents and auth ------------------------------------------------------------------
def agent(agent_id: str) -> tuple[str, str]:
    return f"AGENT#{agent_id}", "AGENT"


def agents_index(agent_id: str) -> str:
    """GSI1 shard of every agent, by username (the administrators' list), that holds this one."""
    return agents_shards()[shard(agent_id, AGENT_INDEX_SHARDS)]


def agents_shards() -> tuple[str, ...]:
    """Every GSI1 shard of the agents: their list reads them together."""
    return sharded("AGENTS", AGENT_INDEX_SHARDS)


def agent_projects_index(agent_id: str) -> str:
    """GSI1 partition of an agent's memberships (the projects they belong to)."""
    return f"AGENT#{agent_id}#PROJECTS"


def username(name: str) -> tuple[str, str]:
    """Uniqueness claim of a username (lower-cased)."""
    return f"USERNAME#{name.lower()}", "USERNAME"


def auth_token(token_hash: str) -> tuple[str, str]:
    return f"TOKEN#{token_hash}", "TOKEN"


# -- Telegram users, sessions, messages -----------------------------------------------
def telegram_user(project_id: str, tg_user_id: int) -> tuple[str, str]:
    return f"TGUSER#{project_id}#{tg_user_id}", "PROFILE"


def user_session_ref(
    project_id: str, tg_user_id: int, opened_at: int, session_id: str
) -> tuple[str, str]:
    """One per session of a user, so their sessions list with one Query."""
    return f"TGUSER#{project_id}#{tg_user_id}", f"SESSION#{ts(opened_at)}#{session_id}"


USER_SESSION_PREFIX = "SESSION#"


def project_users_index(project_id: str, tg_user_id: int) -> str:
    """GSI1 shard of a project's users, by last seen, that holds this user's profile."""
    return project_users_shards(project_id)[shard(str(tg_user_id), USER_INDEX_SHARDS)]


def project_users_shards(project_id: str) -> tuple[str, ...]:
    """Every GSI1 shard of a project's users: a walk through them reads each in turn."""
    return sharded(f"PROJECT#{project_id}#USERS", USER_INDEX_SHARDS)


def session(session_id: str) -> tuple[str, str]:
    return f"SESSION#{session_id}", "SESSION"


def assignee_sessions_index(agent_id: str) -> str:
    return f"ASSIGNEE#{agent_id}"  # GSI1, by last activity


def project_queue_index(project_id: str) -> str:
    return f"QUEUE#{project_id}"  # GSI1 of sessions with no assignee yet, oldest first


def project_sessions_index(project_id: str, session_id: str) -> str:
    """GSI2 shard of a project's sessions, by last activity, that holds this session."""
    return project_sessions_shards(project_id)[shard(session_id, SESSION_INDEX_SHARDS)]


def project_sessions_shards(project_id: str) -> tuple[str, ...]:
    """Every GSI2 shard of a project's sessions: its session list reads them together."""
    return sharded(f"PROJECT#{project_id}#SESSIONS", SESSION_INDEX_SHARDS)


def activity_sort_key(last_activity_at: int, session_id: str) -> str:
    return f"{ts(last_activity_at)}#{session_id}"


def chat(project_id: str, tg_user_id: int) -> str:
    """Partition of a user's whole message history, across sessions."""
    return f"CHAT#{project_id}#{tg_user_id}"


def message(project_id: str, tg_user_id: int, created_at: int, message_id: str) -> tuple[str, str]:
    return chat(project_id, tg_user_id), f"MSG#{ts(created_at)}#{message_id}"


MESSAGE_PREFIX = "MSG#"


def message_range(opened_at: int, closed_at: int | None) -> tuple[str, str]:
    """Sort-key range of a session's messages inside its user's chat partition."""
    hi = "MSG#~" if closed_at is None else f"MSG#{ts(closed_at)}#~"
    return f"MSG#{ts(opened_at)}#", hi


def telegram_message_ref(
    project_id: str, tg_user_id: int, telegram_message_id: int
) -> tuple[str, str]:
    """Maps Telegram's message_id in a chat to our message item (edits, replies)."""
    return chat(project_id, tg_user_id), f"TGMSG#{telegram_message_id}"


def update_seen(project_id: str, update_id: int) -> tuple[str, str]:
    """Exactly-once marker of a Telegram update; expires after Telegram stops retrying."""
    return f"UPDATE#{project_id}#{update_id}", "UPDATE"


def delivery_retry_index(message_id: str) -> str:
    """GSI2 shard of the outbound messages awaiting a retry (or leased while `sending`), by
    due time, that holds this message."""
    return delivery_retry_shards()[shard(message_id, DELIVERY_RETRY_SHARDS)]


def delivery_retry_shards() -> tuple[str, ...]:
    """Every GSI2 shard of the messages awaiting a retry: the scheduler reads them together."""
    return sharded("DELIVERY#RETRY", DELIVERY_RETRY_SHARDS)


def retry_sort_key(due_at: int, message_id: str) -> str:
    return f"{ts(due_at)}#{message_id}"


def outbound_claim(session_id: str, client_message_id: str) -> tuple[str, str]:
    """Idempotency claim of an agent's reply: one message per console-side message id."""
    return f"SESSION#{session_id}", f"CLIENTMSG#{client_message_id}"


# -- team, timers, audit ----------------------------------------------------------------
def agent_group(project_id: str, group_id: str) -> tuple[str, str]:
    """A named group of agents inside a project ("pre-sales", "L2 support", ...)."""
    return f"PROJECT#{project_id}", f"GROUP#{group_id}"


GROUP_PREFIX = "GROUP#"


def session_timer(session_id: str, timer: str) -> tuple[str, str]:
    """A pending deadline of a session (auto-close, return, ...); due ones are on GSI2."""
    return f"SESSION#{session_id}", f"TIMER#{timer}"


def timers_index(timer: str, session_id: str) -> str:
    """GSI2 shard of the pending timers of one kind, by due time, that holds this session's."""
    return timers_shards(timer)[shard(session_id, TIMER_SHARDS)]


def timers_shards(timer: str) -> tuple[str, ...]:
    """Every GSI2 shard of the timers of one kind: the scheduler reads them together."""
    return sharded(f"TIMER#{timer}", TIMER_SHARDS)


def timer_sort_key(due_at: int, session_id: str) -> str:
    return f"{ts(due_at)}#{session_id}"


def agent_notice(agent_id: str, at: int, session_id: str) -> tuple[str, str]:
    """Something an agent is told (a session of theirs routed away), newest last."""
    return f"AGENT#{agent_id}", f"NOTICE#{ts(at)}#{session_id}"


NOTICE_PREFIX = "NOTICE#"


def audit_entry(project_id: str | None, at: int, entry_id: str) -> tuple[str, str]:
    """Append-only audit entries, per project ("-" for entries that concern no project), in
    the project's shard that holds this one."""
    partition = project_audit_shards(project_id)[shard(entry_id, PROJECT_AUDIT_SHARDS)]
    return partition, f"{ts(at)}#{entry_id}"


def project_audit_shards(project_id: str | None) -> tuple[str, ...]:
    """Every table partition of a project's audit entries: its log reads them together."""
    return sharded(f"AUDIT#{project_id or '-'}", PROJECT_AUDIT_SHARDS)


def audit_index(entry_id: str) -> str:
    """GSI1 shard of every audit entry, by time (the admins' view), that holds this one."""
    return audit_shards()[shard(entry_id, AUDIT_SHARDS)]


def audit_shards() -> tuple[str, ...]:
    """Every GSI1 shard of the audit entries: the admins' view reads them together."""
    return sharded("AUDIT", AUDIT_SHARDS)


# -- notes and tags ---------------------------------------------------------------------
def session_note(session_id: str, created_at: int, note_id: str) -> tuple[str, str]:
    """An internal note on a session, kept with the session so its later holders see it."""
    return f"SESSION#{session_id}", f"NOTE#{ts(created_at)}#{note_id}"


NOTE_PREFIX = "NOTE#"


def project_tag(project_id: str, tag_id: str) -> tuple[str, str]:
    """A tag of a project's catalog (name and colour)."""
    return f"PROJECT#{project_id}", f"TAG#{tag_id}"


TAG_PREFIX = "TAG#"


def tag_name_claim(project_id: str, name_key: str) -> tuple[str, str]:
    """Uniqueness claim of a tag name inside a project (`name_key` is the folded name)."""
    return f"PROJECT#{project_id}", f"TAGNAME#{name_key}"


def tag_sweep(project_id: str, tag_id: str) -> tuple[str, str]:
    """A deleted tag still being removed from the sessions and users that carry it."""
    return f"PROJECT#{project_id}", f"TAGSWEEP#{tag_id}"


TAG_SWEEP_PREFIX = "TAGSWEEP#"


# -- login protection and invitations ---------------------------------------------------
def login_failures(subject: str, value: str) -> tuple[str, str]:
    """Recent failed logins of one account (`account`, lower-cased username) or one source
    address (`address`)."""
    return f"LOGINFAIL#{subject}#{value}", "LOGINFAIL"


def invitation(token_hash: str) -> tuple[str, str]:
    """A one-time link with which an agent sets their password; stored by digest only."""
    return f"INVITE#{token_hash}", "INVITE"


# -- realtime (the console's WebSocket connections) ----------------------------------------
def ws_connection(connection_id: str) -> tuple[str, str]:
    """An open WebSocket connection of the console, by API Gateway's connection id."""
    return f"WSCONN#{connection_id}", "WSCONN"


def agent_connections_index(agent_id: str) -> str:
    return f"AGENT#{agent_id}#WSCONNS"  # GSI1 of an agent's open connections, by connect time


def connection_sort_key(connected_at: int, connection_id: str) -> str:
    return f"{ts(connected_at)}#{connection_id}"


def ws_ticket(ticket_hash: str) -> tuple[str, str]:
    """A single-use ticket that opens one WebSocket connection; stored by digest only."""
    return f"WSTICKET#{ticket_hash}", "WSTICKET"


# -- risk control ---------------------------------------------------------------------------
def risk_group(group_id: str) -> tuple[str, str]:
    """A group of risk entries (keywords, address detectors); it may span several projects."""
    return f"RISKGROUP#{group_id}", "RISKGROUP"


RISK_GROUPS_INDEX_PK = "RISKGROUPS"  # GSI1: every risk group, by name


def risk_version() -> tuple[str, str]:
    """One item whose `version` changes with every risk group change (matcher cache key)."""
    return "RISK#VERSION", "RISK#VERSION"


# -- tracked links ----------------------------------------------------------------------------
def link(code: str) -> tuple[str, str]:
    """A tracked link; codes are global, as its URL (/l/{code}) names no project."""
    return f"LINK#{code}", "LINK"


def project_links_index(project_id: str) -> str:
    return f"PROJECT#{project_id}#LINKS"  # GSI1 of a project's links, by creation


def link_settings(project_id: str) -> tuple[str, str]:
    """A project's click privacy settings (address mode, retention, visitor salt)."""
    return f"PROJECT#{project_id}", "LINKSETTINGS"


def click(payload: str) -> tuple[str, str]:
    """A click on a tracked link, by its payload (the bot's start parameter)."""
    return f"CLICK#{payload}", "CLICK"


def link_clicks_index(code: str, payload: str) -> str:
    """GSI1 shard of a link's clicks, by time, that holds this click."""
    return link_clicks_shards(code)[shard(payload, LINK_CLICK_SHARDS)]


def link_clicks_shards(code: str) -> tuple[str, ...]:
    """Every GSI1 shard of a link's clicks: its click list reads them together."""
    return sharded(f"LINK#{code}#CLICKS", LINK_CLICK_SHARDS)


def link_funnel(project_id: str, month: str, shard_number: int) -> str:
    """A shard of a project's funnel counters of one month (`yyyymm`)."""
    return link_funnel_shards(project_id, month)[shard_number]


def link_funnel_shards(project_id: str, month: str) -> tuple[str, ...]:
    """Every shard of a project's funnel counters of one month: readers sum them."""
    return sharded(f"LINKFUNNEL#{project_id}#{month}", LINK_FUNNEL_SHARDS)


def link_funnel_day(code: str, day: str) -> str:
    """Sort key of a link's counters of one day (`yyyymmdd`) in its project's partition."""
    return f"LINK#{code}#{day}"


def link_funnel_dimension(day: str, dimension: str, value: str) -> str:
    """Sort key of the project's counters of one day for one value of a dimension."""
    return f"DAY#{day}#{dimension}#{value}"


def link_funnel_dimension_range(first_day: str, last_day: str) -> tuple[str, str]:
    return f"DAY#{first_day}#", f"DAY#{last_day}#~"


def link_funnel_event(event: str) -> tuple[str, str]:
    """Exactly-once marker of an event the funnel counted (a click, a start, ...)."""
    return f"LINKEVENT#{event}", "LINKEVENT"


def link_visitor(code: str, day: str, visitor: str) -> tuple[str, str]:
    """A visitor of a link on a day (`yyyymmdd`): its unique visitors count them once."""
    return f"LINKVISITOR#{code}#{day}#{visitor}", "LINKVISITOR"


# -- the team's Telegram group ----------------------------------------------------------------
def team_chat(project_id: str) -> tuple[str, str]:
    """The group chat a project is bound to (at most one)."""
    return f"PROJECT#{project_id}", "TEAMCHAT"


def team_chat_code(code_hash: str) -> tuple[str, str]:
    """A one-time bind code, by its digest (the code itself is never stored)."""
    return f"TEAMCHATCODE#{code_hash}", "TEAMCHATCODE"


def team_chat_event(project_id: str, event_key: str) -> tuple[str, str]:
    """The claim that an event of a project was posted to its group (one message per event)."""
    return f"PROJECT#{project_id}#TEAMEVENTS", f"EVENT#{event_key}"


def team_chat_rate(chat_id: int) -> tuple[str, str]:
    """When the bot last sent to a group chat (Telegram's per-group limit)."""
    return f"TEAMCHAT#{chat_id}", "RATE"


# -- escalation tickets ---------------------------------------------------------------------
def escalation_ticket(session_id: str) -> tuple[str, str]:
    """A session's escalation ticket (at most one: re-escalating adds a hop to it)."""
    return f"SESSION#{session_id}", "TICKET"


def ticket_counter(project_id: str) -> tuple[str, str]:
    """The last ticket number a project handed out (an atomic counter; never goes back)."""
    return f"PROJECT#{project_id}", "COUNTER#TICKET"


def project_tickets_index(project_id: str) -> str:
    """GSI1 of a project's tickets, by number. Written at human pace (an escalation or an
    edit of its ticket), so one partition per project is far below its write limit."""
    return f"PROJECT#{project_id}#TICKETS"


def ticket_sort_key(number: int) -> str:
    return f"{number:012d}"


def escalation_wording(project_id: str) -> tuple[str, str]:
    """A project's own wording of the message that tells a user their issue was escalated."""
    return f"PROJECT#{project_id}", "ESCALATION#WORDING"


# -- service levels -------------------------------------------------------------------------
def project_sla(project_id: str) -> tuple[str, str]:
    """A project's SLA settings: time zone, business hours, holidays, targets per priority."""
    return f"PROJECT#{project_id}", "SLA"


SLA_RESPONSE_TIMER = "sla_response"  # the session's running first or next response clock
SLA_RESOLUTION_TIMER = "sla_resolution"  # the session's running resolution clock


# -- escalation triggers --------------------------------------------------------------------
def project_triggers(project_id: str) -> tuple[str, str]:
    """A project's escalation triggers: which are on, their thresholds, phrases, keywords."""
    return f"PROJECT#{project_id}", "TRIGGERS"


def session_triggers(session_id: str) -> tuple[str, str]:
    """What the triggers know of one session: counts, what fired, the suggestions shown."""
    return f"SESSION#{session_id}", "TRIGGERS"


UNRESOLVED_TIMER = "trigger_unresolved"  # a session still open N minutes after it opened


# -- collaborators on a session -------------------------------------------------------------
def session_collaborator(session_id: str, agent_id: str) -> tuple[str, str]:
    """An agent invited to collaborate on a session (read everything, write notes)."""
    return f"SESSION#{session_id}", f"COLLABORATOR#{agent_id}"


def collaborating_index(agent_id: str) -> str:
    return f"COLLABORATING#{agent_id}"  # GSI1: the sessions an agent collaborates on, newest first


# -- follow-up tasks ------------------------------------------------------------------------
def session_task(session_id: str, task_id: str) -> tuple[str, str]:
    """A to-do about a session (a promise to the user, a CSAT follow-up, ...)."""
    return f"SESSION#{session_id}", f"TASK#{task_id}"


TASK_PREFIX = "TASK#"


def project_tasks_index(project_id: str) -> str:
    return f"PROJECT#{project_id}#TASKS"  # GSI1: a project's tasks by due time


def owned_task(agent_id: str, sort_key: str) -> tuple[str, str]:
    """The owner's copy of a task, by due time (`{due}#{task}`): "my tasks" in one Query."""
    return f"AGENT#{agent_id}", f"TASK#{sort_key}"


def project_task_settings(project_id: str) -> tuple[str, str]:
    """A project's task settings: reminders in the team group, the users' night hours."""
    return f"PROJECT#{project_id}", "TASKS"


TASK_DUE_TIMER = "task_due"  # GSI2 `TIMER#task_due#{n}`: open tasks not yet reminded


# -- satisfaction surveys -------------------------------------------------------------------
def project_surveys(project_id: str) -> tuple[str, str]:
    """A project's survey settings: on or off, which sessions, wording, quiet hours."""
    return f"PROJECT#{project_id}", "SURVEYS"


def agent_ratings(agent_id: str, project_id: str) -> tuple[str, str]:
    """The ratings of the sessions an agent resolved in a project (count, sum, per score)."""
    return f"AGENT#{agent_id}", f"RATINGS#{project_id}"


SURVEY_TIMER = "survey_send"  # a survey held back by the user's quiet hours
RETURN_VISIT_TIMER = "survey_return_visit"  # the check-in a set time after an escalated close


# -- attachments ----------------------------------------------------------------------------
def attachment_upload(upload_id: str) -> tuple[str, str]:
    """A file an agent uploads to send (tgdesk.attachments), found by its id alone."""
    return f"UPLOAD#{upload_id}", "UPLOAD"


def project_attachments(project_id: str) -> tuple[str, str]:
    """A project's attachment settings: the kinds of file agents may send."""
    return f"PROJECT#{project_id}", "ATTACHMENTS"


# -- shifts and handovers -------------------------------------------------------------------
def project_shift(project_id: str, shift_id: str) -> tuple[str, str]:
    """A shift of a project: weekdays, start and end in the project's time zone, agents."""
    return f"PROJECT#{project_id}", f"SHIFT#{shift_id}"


SHIFT_PREFIX = "SHIFT#"
SHIFT_EVENT_TIMER = "shift_event"  # GSI2 `TIMER#shift_event#{n}`: a shift's next reminder or end


def handover(project_id: str, ended_at: int, shift_id: str) -> tuple[str, str]:
    """The handover summary of one shift occurrence (by its end), newest last."""
    return f"PROJECT#{project_id}#HANDOVERS", f"{ts(ended_at)}#{shift_id}"


HANDOVER_ACK_TIMER = "handover_ack"  # GSI2 `TIMER#handover_ack#{n}`: unacknowledged handovers


# -- quick replies --------------------------------------------------------------------------
def project_quick_reply(project_id: str, reply_id: str) -> tuple[str, str]:
    """A quick reply of a project's library (its supervisors manage it)."""
    return f"PROJECT#{project_id}", f"QUICKREPLY#{reply_id}"


def agent_quick_reply(agent_id: str, reply_id: str) -> tuple[str, str]:
    """A personal quick reply of one agent."""
    return f"AGENT#{agent_id}", f"QUICKREPLY#{reply_id}"


QUICK_REPLY_PREFIX = "QUICKREPLY#"


def project_quick_reply_count(project_id: str) -> tuple[str, str]:
    """How many quick replies the project's library holds (bounds it)."""
    return f"PROJECT#{project_id}", "QUICKREPLIES"


def agent_quick_reply_count(agent_id: str) -> tuple[str, str]:
    """How many personal quick replies the agent holds (bounds them)."""
    return f"AGENT#{agent_id}", "QUICKREPLIES"


# -- translation ----------------------------------------------------------------------------
def project_translation(project_id: str) -> tuple[str, str]:
    """A project's translation settings: on or off, the agents' language."""
    return f"PROJECT#{project_id}", "TRANSLATION"


# -- statistics counters ----------------------------------------------------------------------
def stats_counters(project_id: str, month: str, dimension: str, shard_number: int) -> str:
    """A shard of a project's statistics counters of one dimension in one month (`yyyy-mm`)."""
    return stats_counters_shards(project_id, month, dimension)[shard_number]


def stats_counters_shards(project_id: str, month: str, dimension: str) -> tuple[str, ...]:
    """Every shard of a project's counters of one dimension in one month: readers sum them."""
    return sharded(f"STATS#{project_id}#{month.replace('-', '')}#{dimension}", STATS_SHARDS)


def stats_day(value: str, day: str) -> str:
    """Sort key of one value's counters of one day (`yyyy-mm-dd`): a value's days in order."""
    return f"{value}#{day}"


def stats_days(value: str, first_day: str, last_day: str) -> tuple[str, str]:
    return stats_day(value, first_day), stats_day(value, last_day)


def stats_event(event: str) -> tuple[str, str]:
    """Exactly-once marker of a stream record the statistics counted."""
    return f"STATSEVENT#{event}", "STATSEVENT"


# -- exports and retention ----------------------------------------------------------------------
def export_job(project_id: str, created_at: int, job_id: str) -> tuple[str, str]:
    """A project export or retention backfill of a project, oldest first (tgdesk.exports)."""
    return f"PROJECT#{project_id}", f"{EXPORT_JOB_PREFIX}{ts(created_at)}#{job_id}"


EXPORT_JOB_PREFIX = "EXPORTJOB#"


# -- the bot's own answers ------------------------------------------------------------------
def project_autoreplies(project_id: str) -> tuple[str, str]:
    """A project's automatic answers: the welcome, the off-hours answer, the FAQ rules."""
    return f"PROJECT#{project_id}", "AUTOREPLIES"
