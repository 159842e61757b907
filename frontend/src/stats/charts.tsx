// The Statistics page's charts, in plain SVG (no charting library: a few bars and lines do not
// need one, and the lazy chunk stays small). A chart draws chosen columns of a dataset; its
// `aria-label` says it in words, and the dataset's table and CSV export sit under it.
import type { ComponentChildren } from "preact";
import { t } from "../i18n";
import { chartSummary, labelledIndexes, niceMax, runs } from "./chartScale";
import { DataTable } from "./DataTable";
import type { Dataset } from "./datasets";
import { formatValue } from "./format";

const WIDTH = 600;
const HEIGHT = 200;
const LEFT = 64;
const BOTTOM = 22;
const TOP = 8;
const PLOT_W = WIDTH - LEFT - 8;
const PLOT_H = HEIGHT - TOP - BOTTOM;

export type ChartKind = "columns" | "lines";

/** A chart of `series` (column indexes) of a dataset, with its legend, its table (opened on
 *  demand) and its CSV export. */
export function Chart(props: { dataset: Dataset; series: number[]; kind: ChartKind; onExport: (dataset: Dataset) => void }) {
  const { dataset, series } = props;
  const unit = dataset.columns[series[0]].unit;
  const top = niceMax(Math.max(0, ...dataset.rows.flatMap((row) => series.map((i) => row.values[i] ?? 0))), unit === "count");
  const y = (value: number) => TOP + PLOT_H - (value / top) * PLOT_H;
  const slot = PLOT_W / Math.max(1, dataset.rows.length);
  const labelled = labelledIndexes(dataset.rows.length);
  return (
    <figure class="stats-chart" data-chart={dataset.name}>
      <figcaption>{dataset.title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={chartSummary(dataset, series)}>
        {[0, top / 2, top].map((tick) => (
          <g key={tick} class="stats-grid">
            <line x1={LEFT} x2={WIDTH - 8} y1={y(tick)} y2={y(tick)} />
            <text x={LEFT - 6} y={y(tick) + 4} text-anchor="end">
              {formatValue(unit, tick)}
            </text>
          </g>
        ))}
        {dataset.rows.map((row, i) =>
          labelled.has(i) ? (
            <text key={row.key} class="stats-axis" x={LEFT + slot * (i + 0.5)} y={HEIGHT - 6} text-anchor="middle">
              {shortLabel(row.label)}
            </text>
          ) : null,
        )}
        {props.kind === "columns" ? <Columns dataset={dataset} series={series} y={y} slot={slot} /> : <Lines dataset={dataset} series={series} y={y} slot={slot} />}
      </svg>
      {series.length > 1 && (
        <p class="stats-legend">
          {series.map((index, n) => (
            <span key={index}>
              <span class={`swatch stats-series-${n}`} aria-hidden="true" /> {dataset.columns[index].label}
            </span>
          ))}
        </p>
      )}
      <ChartFooter dataset={dataset} onExport={props.onExport}>
        <details>
          <summary>{t("stats.showTable", { name: dataset.title })}</summary>
          <DataTable dataset={dataset} captionHidden />
        </details>
      </ChartFooter>
    </figure>
  );
}

/** A day (`YYYY-MM-DD`) as `MM-DD`; any other label as it is. */
function shortLabel(label: string): string {
  return /^\d{4}-\d\d-\d\d$/.test(label) ? label.slice(5) : label;
}

interface Plot {
  dataset: Dataset;
  series: number[];
  y: (value: number) => number;
  slot: number;
}

function Columns({ dataset, series, y, slot }: Plot) {
  const bar = Math.max(1, (slot * 0.8) / series.length);
  return (
    <g>
      {dataset.rows.map((row, i) =>
        series.map((index, n) => {
          const value = row.values[index] ?? 0;
          const x = LEFT + slot * i + slot * 0.1 + bar * n;
          return <rect key={`${row.key}-${index}`} class={`stats-series-${n}`} x={x} y={y(value)} width={bar} height={y(0) - y(value)} />;
        }),
      )}
    </g>
  );
}

function Lines({ dataset, series, y, slot }: Plot) {
  const x = (i: number) => LEFT + slot * (i + 0.5);
  return (
    <g>
      {series.map((index, n) =>
        runs(dataset.rows.map((row) => row.values[index])).map((run) => (
          <g key={`${index}-${run.start}`} class={`stats-line stats-series-${n}`}>
            {run.points.length > 1 && <polyline points={run.points.map((v, k) => `${x(run.start + k)},${y(v)}`).join(" ")} />}
            {run.points.map((v, k) => (
              <circle key={k} cx={x(run.start + k)} cy={y(v)} r={2.5} />
            ))}
          </g>
        )),
      )}
    </g>
  );
}

/** What follows a chart or table: its table when it has one, and its CSV export. */
export function ChartFooter(props: { dataset: Dataset; onExport: (dataset: Dataset) => void; children?: ComponentChildren }) {
  return (
    <div class="stats-footer">
      {props.children}
      <button type="button" onClick={() => props.onExport(props.dataset)}>
        {t("stats.export", { name: props.dataset.title })}
      </button>
    </div>
  );
}
