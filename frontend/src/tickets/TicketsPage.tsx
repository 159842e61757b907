// The Tickets page (supervisors and admins), loaded only when opened: a project's escalation
// tickets, highest number first, filtered by level, status, priority and SLA breach, each with
// its session's clocks (the session list's chip); a row opens its session.
import { useEffect, useState } from "preact/hooks";
import { path, type HttpApi } from "../api/client";
import { PRIORITIES, STATUSES } from "../api/types";
import type { ConsoleController } from "../console/controller";
import { errorText } from "../console/errors";
import { linkTo } from "../console/link";
import { agentName } from "../console/people";
import { t } from "../i18n";
import { displayName } from "../lib/format";
import { useStore } from "../lib/store";
import { SlaChip } from "../sla/SlaClocks";
import { LEVELS, ticketLabel, type Ticket } from "./model";

interface Filters {
  level: string;
  status: string;
  priority: string;
  breach: string; // "", "true" or "false"
}

export function TicketsPage(props: { api: HttpApi; controller: ConsoleController }) {
  const { workspace } = props.controller;
  const projects = useStore(workspace.store, (s) => s.projects);
  const agents = useStore(workspace.store, (s) => s.agents);
  const [projectId, setProjectId] = useState<string | null>(null);
  const [filters, setFilters] = useState<Filters>({ level: "", status: "open", priority: "", breach: "" });
  const [tickets, setTickets] = useState<Ticket[] | null>(null);
  const [error, setError] = useState("");
  const project = projectId ?? projects[0]?.project_id ?? null;

  useEffect(() => {
    if (!project) return;
    setTickets(null);
    setError("");
    const query = { project_id: project, level: filters.level, status: filters.status, priority: filters.priority, breach: filters.breach };
    props.api.get<{ items: Ticket[] }>(path`/api/tickets`, query).then(
      (r) => setTickets(r.items),
      (failure) => setError(errorText(failure)),
    );
  }, [project, filters.level, filters.status, filters.priority, filters.breach]);

  const set = (name: keyof Filters) => (event: Event) => setFilters({ ...filters, [name]: (event.currentTarget as HTMLSelectElement).value });

  return (
    <main class="tickets-page" id="chat-main" tabIndex={-1}>
      <h1>{t("tickets.title")}</h1>
      <div class="tickets-filters">
        <label>
          {t("tickets.project")}
          <select value={project ?? ""} onChange={(e) => setProjectId(e.currentTarget.value)}>
            {projects.map((p) => (
              <option key={p.project_id} value={p.project_id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("escalate.level")}
          <select value={filters.level} onChange={set("level")}>
            <option value="">{t("tickets.any")}</option>
            {LEVELS.filter((l) => l !== "l1").map((l) => (
              <option key={l} value={l}>
                {t(`level.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("filter.status")}
          <select value={filters.status} onChange={set("status")}>
            <option value="open">{t("tickets.open")}</option>
            <option value="all">{t("tickets.any")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("filter.priority")}
          <select value={filters.priority} onChange={set("priority")}>
            <option value="">{t("tickets.any")}</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`priority.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("tickets.breach")}
          <select value={filters.breach} onChange={set("breach")}>
            <option value="">{t("tickets.any")}</option>
            <option value="true">{t("tickets.breached")}</option>
            <option value="false">{t("tickets.notBreached")}</option>
          </select>
        </label>
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {tickets === null && !error ? (
        <p class="loading" role="status">
          {t("state.loading")}
        </p>
      ) : tickets && tickets.length === 0 ? (
        <p>{t("tickets.none")}</p>
      ) : (
        <table class="tickets-table">
          <thead>
            <tr>
              <th scope="col">{t("tickets.number")}</th>
              <th scope="col">{t("escalate.level")}</th>
              <th scope="col">{t("filter.priority")}</th>
              <th scope="col">{t("filter.status")}</th>
              <th scope="col">{t("tickets.clocks")}</th>
              <th scope="col">{t("ticket.emotion")}</th>
              <th scope="col">{t("tickets.user")}</th>
              <th scope="col">{t("tickets.holder")}</th>
              <th scope="col">{t("ticket.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {(tickets ?? []).map((ticket) => (
              <tr key={ticket.session_id} data-ticket={ticket.number}>
                <td>
                  <a href={linkTo(ticket.session_id)}>{ticketLabel(ticket.number)}</a>
                </td>
                <td>{t(`level.${ticket.level}`)}</td>
                <td>{t(`priority.${ticket.priority}`)}</td>
                <td>{t(`status.${ticket.status}`)}</td>
                <td>
                  <SlaChip session={ticket} />
                </td>
                <td>{t(`emotion.${ticket.emotion}`)}</td>
                <td>{displayName(ticket.user, ticket.user.tg_user_id)}</td>
                <td>{ticket.assignee_id ? agentName(agents, ticket.assignee_id) : "—"}</td>
                <td>{ticket.problem}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
