// The trigger log: every risk trigger (blocked, asked to confirm, confirmed, cancelled,
// flagged), filtered by project, agent, group and dates, newest first, exportable as CSV.
import { useEffect, useState } from "preact/hooks";
import type { HttpApi, Query } from "../api/client";
import type { AgentAccount, Items, Page, RiskGroup, RiskTrigger } from "../api/types";
import type { ConsoleController } from "../console/controller";
import { t } from "../i18n";
import { dateTime } from "../lib/format";
import { saveAs } from "./download";
import { errorText } from "./useLoad";

const PAGE = 50;

export interface TriggerFilters {
  project_id: string;
  agent_id: string;
  group_id: string;
  /** Local calendar days (YYYY-MM-DD) from a date input; "" for open-ended. */
  since: string;
  until: string;
}

const NO_FILTERS: TriggerFilters = { project_id: "", agent_id: "", group_id: "", since: "", until: "" };

/** The start of a local calendar day (YYYY-MM-DD), `offset` days later, in epoch ms. */
function localDay(day: string, offset = 0): number | undefined {
  const [y, m, d] = day.split("-").map(Number);
  return y && m && d ? new Date(y, m - 1, d + offset).getTime() : undefined;
}

/** The API's query for the filters: from the first day's start to the last day's end (both
 *  inclusive, epoch ms). */
export function triggerQuery(filters: TriggerFilters): Query {
  const next = localDay(filters.until, 1);
  return {
    project_id: filters.project_id,
    agent_id: filters.agent_id,
    group_id: filters.group_id,
    since: localDay(filters.since),
    until: next === undefined ? undefined : next - 1,
  };
}

export function RiskTriggers(props: { api: HttpApi; controller: ConsoleController }) {
  const { api, controller } = props;
  const projects = controller.workspace.state.projects;
  const [filters, setFilters] = useState(NO_FILTERS);
  const [items, setItems] = useState<RiskTrigger[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState("");
  const [agents, setAgents] = useState<AgentAccount[]>([]);
  const [groups, setGroups] = useState<RiskGroup[]>([]);

  useEffect(() => {
    // Options for the filters; a supervisor may not list every agent, which only narrows them.
    api.get<Items<AgentAccount>>("/api/agents").then((r) => setAgents(r.items), () => undefined);
    api.get<Items<RiskGroup>>("/api/risk/groups").then((r) => setGroups(r.items), () => undefined);
  }, [api]);

  async function load(from: string | null) {
    setLoading(true);
    try {
      const page = await api.get<Page<RiskTrigger>>("/api/risk/triggers", { ...triggerQuery(filters), limit: PAGE, cursor: from ?? undefined });
      setItems((before) => (from ? [...before, ...page.items] : page.items));
      setCursor(page.next_cursor ?? null);
      setProblem("");
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => void load(null), [api, filters]);

  async function exportCsv() {
    try {
      saveAs(await api.blob("/api/risk/triggers.csv", triggerQuery(filters)), "risk-triggers.csv");
    } catch (error) {
      setProblem(errorText(error));
    }
  }

  const set = (change: Partial<TriggerFilters>) => setFilters((f) => ({ ...f, ...change }));
  const projectName = new Map(projects.map((p) => [p.project_id, p.name]));
  const agentName = new Map(agents.map((a) => [a.agent_id, a.display_name || a.username]));
  const groupName = new Map(groups.map((g) => [g.group_id, g.name]));

  return (
    <div class="stack">
      <form class="row risk-filters" aria-label={t("sessions.filters")} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t("filter.project")}
          <select value={filters.project_id} onChange={(e) => set({ project_id: e.currentTarget.value })}>
            <option value="">{t("filter.all")}</option>
            {projects.map((p) => (
              <option key={p.project_id} value={p.project_id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("risk.agent")}
          <select value={filters.agent_id} onChange={(e) => set({ agent_id: e.currentTarget.value })}>
            <option value="">{t("filter.all")}</option>
            {agents.map((a) => (
              <option key={a.agent_id} value={a.agent_id}>
                {a.display_name || a.username}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("risk.group")}
          <select value={filters.group_id} onChange={(e) => set({ group_id: e.currentTarget.value })}>
            <option value="">{t("filter.all")}</option>
            {groups.map((g) => (
              <option key={g.group_id} value={g.group_id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("risk.since")}
          <input type="date" value={filters.since} max={filters.until || undefined} onChange={(e) => set({ since: e.currentTarget.value })} />
        </label>
        <label>
          {t("risk.until")}
          <input type="date" value={filters.until} min={filters.since || undefined} onChange={(e) => set({ until: e.currentTarget.value })} />
        </label>
        <button type="button" onClick={() => void exportCsv()}>
          {t("risk.exportCsv")}
        </button>
      </form>
      {problem && (
        <p class="form-error" role="alert">
          {problem}
        </p>
      )}
      <table class="admin-table risk-triggers">
        <caption class="visually-hidden">{t("admin.triggers")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("risk.when")}</th>
            <th scope="col">{t("filter.project")}</th>
            <th scope="col">{t("risk.agent")}</th>
            <th scope="col">{t("risk.session")}</th>
            <th scope="col">{t("risk.group")}</th>
            <th scope="col">{t("risk.matched")}</th>
            <th scope="col">{t("risk.outcome")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const d = item.details;
            const agentId = d.agent_id ?? (d.direction === "out" ? item.actor_id : null);
            return (
              <tr key={item.entry_id} data-outcome={d.outcome}>
                <td>{dateTime(item.at)}</td>
                <td>{item.project_id ? projectName.get(item.project_id) ?? item.project_id : ""}</td>
                <td>{agentId ? agentName.get(agentId) ?? agentId : ""}</td>
                <td class="risk-value">{d.session_id}</td>
                <td>{d.group_ids.map((id) => groupName.get(id) ?? id).join(", ")}</td>
                <td class="risk-value">
                  {[...new Set(d.matches.map((m) => m.matched || m.entry))].join(", ")}
                  {(d.match_count ?? 0) > d.matches.length && (
                    <span class="muted"> {t("risk.moreMatches", { count: (d.match_count ?? 0) - d.matches.length })}</span>
                  )}
                </td>
                <td>{t(`risk.outcome.${d.outcome}`)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {!loading && items.length === 0 && !problem && <p class="muted">{t("risk.noTriggers")}</p>}
      {cursor && (
        <button type="button" disabled={loading} onClick={() => void load(cursor)}>
          {loading ? t("state.loading") : t("risk.loadMore")}
        </button>
      )}
    </div>
  );
}
