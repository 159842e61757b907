// A link's funnel as plain SVG: one bar per step (clicks down to rated), each with its count
// and its share of the clicks, and the rated sessions' average rating; bot clicks are said
// apart, never a step. A bar chart of clicks
// and starts per day follows, and both are also tables (for screen readers and for reading
// exact numbers).
import { t } from "../i18n";
import { FUNNEL_STEPS, type Funnel, type FunnelCounts, type FunnelStep, type FunnelValue, type Tally } from "./types";

const BAR_HEIGHT = 22;
const GAP = 8;
const LABEL_WIDTH = 170;
const CHART_WIDTH = 600;

/** An average rating as shown ("—" when nothing was rated). */
export function ratingText(average: number | null | undefined): string {
  return average === null || average === undefined ? "—" : average.toFixed(2);
}

/** A step's share of the clicks, as a whole percentage ("—" without clicks). */
export function share(counts: FunnelCounts, step: FunnelStep): string {
  if (!counts.clicks) return "—";
  return `${Math.round((counts[step] / counts.clicks) * 100)} %`;
}

export function FunnelChart(props: { funnel: Funnel }) {
  const { total } = props.funnel;
  const top = Math.max(1, ...FUNNEL_STEPS.map((s) => total[s]));
  const barSpace = CHART_WIDTH - LABEL_WIDTH - 90;
  const height = FUNNEL_STEPS.length * (BAR_HEIGHT + GAP);
  return (
    <figure class="funnel">
      <figcaption>{t("links.funnel")}</figcaption>
      <svg viewBox={`0 0 ${CHART_WIDTH} ${height}`} class="funnel-chart" aria-hidden="true">
        {FUNNEL_STEPS.map((step, i) => {
          const y = i * (BAR_HEIGHT + GAP);
          const width = Math.max(total[step] > 0 ? 2 : 0, (total[step] / top) * barSpace);
          return (
            <g key={step}>
              <text x={0} y={y + BAR_HEIGHT * 0.7} class="funnel-label">
                {t(`links.step.${step}`)}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={width} height={BAR_HEIGHT} rx={3} class={`funnel-bar funnel-${step}`} />
              <text x={LABEL_WIDTH + width + 6} y={y + BAR_HEIGHT * 0.7} class="funnel-value">
                {total[step]} ({share(total, step)})
              </text>
            </g>
          );
        })}
      </svg>
      <table class="admin-table funnel-table">
        <caption class="visually-hidden">{t("links.funnel")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("links.step")}</th>
            <th scope="col">{t("links.count")}</th>
            <th scope="col">{t("links.shareOfClicks")}</th>
          </tr>
        </thead>
        <tbody>
          {FUNNEL_STEPS.map((step) => (
            <tr key={step} data-step={step}>
              <th scope="row">{t(`links.step.${step}`)}</th>
              <td>{total[step]}</td>
              <td>{share(total, step)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-rating>{total.rated ? t("links.averageOf", { rating: ratingText(total.average_rating), count: total.rated }) : t("links.noRatings")}</p>
      <p class="muted">
        {t("links.botClicks", { count: total.bot_clicks })}
      </p>
    </figure>
  );
}

/** Clicks and starts per day, as bars. */
export function DailyChart(props: { funnel: Funnel }) {
  const { days } = props.funnel;
  if (days.length === 0) return null;
  const top = Math.max(1, ...days.map((d) => d.clicks));
  const slot = 600 / days.length;
  const bar = Math.max(1, slot * 0.4);
  const height = 120;
  return (
    <figure class="daily">
      <figcaption>{t("links.perDay")}</figcaption>
      <svg viewBox={`0 0 600 ${height}`} class="daily-chart" aria-hidden="true" preserveAspectRatio="none">
        {days.map((d, i) => (
          <g key={d.day}>
            <rect x={i * slot} y={height - (d.clicks / top) * height} width={bar} height={(d.clicks / top) * height} class="funnel-bar funnel-clicks" />
            <rect x={i * slot + bar} y={height - (d.starts / top) * height} width={bar} height={(d.starts / top) * height} class="funnel-bar funnel-starts" />
          </g>
        ))}
      </svg>
      <p class="muted legend">
        <span class="swatch funnel-clicks" /> {t("links.step.clicks")} <span class="swatch funnel-starts" /> {t("links.step.starts")}
      </p>
      <details>
        <summary>{t("links.perDayTable")}</summary>
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{t("links.day")}</th>
              {FUNNEL_STEPS.map((step) => (
                <th key={step} scope="col">
                  {t(`links.step.${step}`)}
                </th>
              ))}
              <th scope="col">{t("links.averageRating")}</th>
              <th scope="col">{t("links.bots")}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{d.day}</th>
                {FUNNEL_STEPS.map((step) => (
                  <td key={step}>{d[step]}</td>
                ))}
                <td>{ratingText(d.average_rating)}</td>
                <td>{d.bot_clicks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** The top countries or device classes, most clicks first. */
export function TopList(props: { title: string; items: Tally[]; label: (value: string) => string }) {
  const items = [...props.items].sort((a, b) => b.clicks - a.clicks).slice(0, 10);
  return (
    <section class="top-list">
      <h4>{props.title}</h4>
      {items.length === 0 ? (
        <p class="muted">{t("links.none")}</p>
      ) : (
        <ol>
          {items.map((item) => (
            <li key={item.value}>
              {props.label(item.value)} <span class="muted">{item.clicks}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const BREAKDOWNS = [
  ["channels", "links.byChannel"],
  ["utm_sources", "links.byUtmSource"],
  ["utm_campaigns", "links.byUtmCampaign"],
] as const;

/** The same steps per channel, UTM source and UTM campaign, over all the project's links. */
export function Breakdowns(props: { funnel: Funnel }) {
  const shown = BREAKDOWNS.filter(([field]) => props.funnel[field].length > 0);
  if (shown.length === 0) return null;
  return (
    <details class="breakdowns">
      <summary>{t("links.breakdowns")}</summary>
      {shown.map(([field, title]) => (
        <BreakdownTable key={field} title={t(title)} rows={props.funnel[field]} />
      ))}
    </details>
  );
}

function BreakdownTable(props: { title: string; rows: FunnelValue[] }) {
  return (
    <table class="admin-table">
      <caption>{props.title}</caption>
      <thead>
        <tr>
          <th scope="col">{t("links.value")}</th>
          {FUNNEL_STEPS.map((step) => (
            <th key={step} scope="col">
              {t(`links.step.${step}`)}
            </th>
          ))}
          <th scope="col">{t("links.averageRating")}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.value}>
            <th scope="row">{row.value}</th>
            {FUNNEL_STEPS.map((step) => (
              <td key={step}>{row[step]}</td>
            ))}
            <td>{ratingText(row.average_rating)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
