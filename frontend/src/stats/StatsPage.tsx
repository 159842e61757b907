// The Statistics page, loaded only when opened: a project's figures over a range of its days
// (today, yesterday, 7 or 30 days, chosen days), optionally for one agent, group, priority, tag
// or link; the headline figures against the period before, charts per day, SLA attainment and
// ratings, and (supervisors and administrators) the agents side by side. Every table and chart
// downloads as CSV. An agent sees their own figures only.
import { useEffect, useMemo, useState } from "preact/hooks";
import type { HttpApi } from "../api/client";
import type { Tag } from "../api/types";
import type { ConsoleController } from "../console/controller";
import { t } from "../i18n";
import { useStore } from "../lib/store";
import { Chart, ChartFooter } from "./charts";
import { DataTable } from "./DataTable";
import {
  FIRST_RESPONSE_PER_DAY,
  HEADLINE,
  MESSAGES_PER_DAY,
  SESSIONS_PER_DAY,
  headline,
  perAgent,
  perDay,
  ratingDistribution,
  slaAttainment,
  type Dataset,
} from "./datasets";
import { downloadCsv } from "./exports";
import { FilterPicker, type FilterChoice } from "./FilterPicker";
import { formatChange, formatValue } from "./format";
import { METRICS, changeOf } from "./metrics";
import { STATS_PRESETS, addDays, dayIn, daysOf, statsRange, type DayRange, type StatsPreset } from "./range";
import { StatsStore, agentsComparable } from "./store";
import type { StatsReport } from "./types";

const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
const NO_TAGS: Tag[] = [];

export function StatsPage(props: { api: HttpApi; controller: ConsoleController }) {
  const { workspace } = props.controller;
  const me = useStore(workspace.store, (s) => s.me);
  const projects = useStore(workspace.store, (s) => s.projects);
  const agentNames = useStore(workspace.store, (s) => s.agents);
  const stats = useMemo(() => new StatsStore(props.api, me), [props.api, me.agent_id, me.role]);
  const state = useStore(stats.store, (s) => s);
  const [projectId, setProjectId] = useState<string | null>(null);
  const [preset, setPreset] = useState<StatsPreset>("7d");
  const [custom, setCustom] = useState<DayRange>(() => ({ from: addDays(dayIn(Date.now(), BROWSER_ZONE), -6), to: dayIn(Date.now(), BROWSER_ZONE) }));
  const [choice, setChoice] = useState<FilterChoice>({ dimension: "", value: "" });
  const project = projectId ?? projects[0]?.project_id ?? null;
  const tags = useStore(workspace.store, (s) => (project ? s.tags[project] : undefined));
  const zone = (project && state.zones[project]) || BROWSER_ZONE;
  const range = statsRange(preset, Date.now(), zone, custom);
  const filter = stats.comparesAgents && choice.dimension && choice.value ? { dimension: choice.dimension, value: choice.value } : null;

  useEffect(() => {
    if (project && range) void stats.load({ projectId: project, range, filter });
  }, [stats, project, range?.from, range?.to, filter?.dimension, filter?.value]);

  const export_ = (dataset: Dataset) => range && downloadCsv(dataset, range);
  const daily = state.daily;
  return (
    <main class="admin stats-page" id="chat-main" tabIndex={-1}>
      <h1>{t("nav.stats")}</h1>
      {!stats.comparesAgents && <p class="muted">{t("stats.ownFigures")}</p>}
      <div class="stats-controls">
        {projects.length > 1 && (
          <label>
            {t("stats.project")}
            <select
              value={project ?? ""}
              onChange={(e) => {
                setProjectId(e.currentTarget.value);
                setChoice({ dimension: "", value: "" });
              }}
            >
              {projects.map((p) => (
                <option key={p.project_id} value={p.project_id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <fieldset class="stats-range">
          <legend>{t("stats.range")}</legend>
          {STATS_PRESETS.map((p) => (
            <label key={p} class="check">
              <input type="radio" name="stats-range" checked={preset === p} onChange={() => setPreset(p)} />
              {t(`stats.range.${p}`)}
            </label>
          ))}
          {preset === "custom" && (
            <>
              <label>
                {t("stats.from")} <input type="date" value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.currentTarget.value })} />
              </label>
              <label>
                {t("stats.to")} <input type="date" value={custom.to} min={custom.from} onChange={(e) => setCustom({ ...custom, to: e.currentTarget.value })} />
              </label>
            </>
          )}
        </fieldset>
        {stats.comparesAgents && project && (
          <FilterPicker key={project} api={props.api} projectId={project} tags={tags ?? NO_TAGS} choice={choice} onChoice={setChoice} />
        )}
      </div>
      {!range ? (
        <p class="form-error">{t("stats.badRange")}</p>
      ) : state.error ? (
        <p class="form-error" role="alert">
          {state.error}
        </p>
      ) : !daily ? (
        <p class="loading" role="status">
          {t("state.loading")}
        </p>
      ) : (
        <>
          <p class="muted stats-note">
            {t("stats.days", { zone: daily.time_zone, from: daily.from, to: daily.to })}{" "}
            {t("stats.comparedWith", { from: addDays(daily.from, -daysOf(daily).length), to: addDays(daily.from, -1) })}
            {typeof daily.percentile_error === "number" && <> {t("stats.percentileError", { error: formatValue("ratio", daily.percentile_error) })}</>}
          </p>
          <Headline report={daily} onExport={export_} />
          <div class="stats-charts">
            <Chart dataset={perDay(daily, "sessions", "stats.sessionsPerDay", SESSIONS_PER_DAY)} series={[0, 2, 3]} kind="columns" onExport={export_} />
            <Chart dataset={perDay(daily, "messages", "stats.messagesPerDay", MESSAGES_PER_DAY)} series={[0, 1]} kind="columns" onExport={export_} />
            <Chart dataset={perDay(daily, "first-response", "stats.firstResponsePerDay", FIRST_RESPONSE_PER_DAY)} series={[0, 1]} kind="lines" onExport={export_} />
            <Chart dataset={slaAttainment(daily.totals)} series={[3]} kind="columns" onExport={export_} />
            <Chart dataset={ratingDistribution(daily.totals)} series={[0]} kind="columns" onExport={export_} />
          </div>
          {stats.comparesAgents && (
            <section class="stats-agents" aria-labelledby="stats-agents-title">
              <h2 id="stats-agents-title">{t("stats.agents")}</h2>
              {!agentsComparable(filter) ? (
                <p class="muted">{t("stats.agentsUnfiltered")}</p>
              ) : state.agents && state.agents.rows.length === 0 ? (
                <p class="muted">{t("stats.noAgents")}</p>
              ) : (
                state.agents && <AgentComparison dataset={perAgent(state.agents, (id) => agentNames[id]?.display_name)} onExport={export_} />
              )}
            </section>
          )}
        </>
      )}
    </main>
  );
}

/** The headline figures, each with its change against the period before. */
function Headline(props: { report: StatsReport; onExport: (dataset: Dataset) => void }) {
  const { report } = props;
  return (
    <section class="stats-headline-section" aria-labelledby="stats-headline-title">
      <h2 id="stats-headline-title">{t("stats.summary")}</h2>
      <ul class="stats-headline">
        {HEADLINE.map((name) => {
          const metric = METRICS[name];
          const current = metric.of(report.totals);
          const previous = metric.of(report.previous);
          const change = changeOf(metric, current, previous);
          const trend = change?.better === true ? "better" : change?.better === false ? "worse" : "same";
          return (
            <li key={name} data-metric={metric.key}>
              <span class="stats-figure-label">{t(metric.label)}</span>
              <strong class="stats-figure">{formatValue(metric.unit, current)}</strong>
              <span class={`stats-change stats-${trend}`}>
                {change
                  ? t("stats.change", { change: formatChange(change), previous: formatValue(metric.unit, previous) })
                  : t("stats.before", { previous: formatValue(metric.unit, previous) })}
              </span>
            </li>
          );
        })}
      </ul>
      <ChartFooter dataset={headline(report)} onExport={props.onExport} />
    </section>
  );
}

function AgentComparison(props: { dataset: Dataset; onExport: (dataset: Dataset) => void }) {
  return (
    <>
      <DataTable dataset={props.dataset} sortable class="stats-agent-table" captionHidden />
      <ChartFooter dataset={props.dataset} onExport={props.onExport} />
    </>
  );
}
