// The administrators' Exports tab: a project's sessions of a range of days as a JSON Lines
// file made in the background (progress read every few seconds while one runs; a download
// link once done, valid for an hour), and how long the project keeps its conversations.
import { useEffect, useState } from "preact/hooks";
import type { Api } from "../api/client";
import type { ProjectExport } from "../api/types";
import type { ConsoleController } from "../console/controller";
import { attempt, useLoad } from "../admin/useLoad";
import { ProjectPicker } from "../admin/ProjectPicker";
import { t } from "../i18n";
import { dateTime } from "../lib/format";
import { dayRange, getRetention, isoDay, isRunning, listExports, setRetention, startExport } from "./api";

const POLL_MS = 5000;
const DAY_MS = 24 * 3600 * 1000;

export function ExportsAdmin(props: { api: Api; controller: ConsoleController }) {
  const { api, controller } = props;
  const { projects } = controller.workspace.state;
  const [projectId, setProjectId] = useState(projects[0]?.project_id ?? "");
  return (
    <div class="admin-form">
      <h2 id="exports-admin-title">{t("admin.exports")}</h2>
      <ProjectPicker projects={projects} projectId={projectId} onPick={setProjectId} />
      {projectId && <ProjectExports api={api} projectId={projectId} />}
      {projectId && <RetentionForm key={projectId} api={api} projectId={projectId} />}
    </div>
  );
}

function ProjectExports(props: { api: Api; projectId: string }) {
  const { api, projectId } = props;
  const exports = useLoad(() => listExports(api, projectId), [api, projectId]);
  const today = Date.now();
  const [from, setFrom] = useState(isoDay(today - 30 * DAY_MS));
  const [to, setTo] = useState(isoDay(today));
  const [status, setStatus] = useState("");
  const running = (exports.data?.items ?? []).some(isRunning);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(exports.reload, POLL_MS);
    return () => clearInterval(timer);
  }, [running, exports.reload]);

  async function start(event: Event) {
    event.preventDefault();
    const range = dayRange(from, to);
    if (!range) {
      setStatus(t("exports.badRange"));
      return;
    }
    const failure = await attempt(() => startExport(api, projectId, range.fromAt, range.toAt));
    setStatus(failure || t("exports.started"));
    exports.reload();
  }

  return (
    <section aria-labelledby="project-exports-title" class="stack">
      <h3 id="project-exports-title">{t("exports.projectTitle")}</h3>
      <p class="muted">{t("exports.projectHint")}</p>
      <form class="row" onSubmit={(e) => void start(e)}>
        <label>
          {t("exports.from")}
          <input type="date" value={from} required onInput={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label>
          {t("exports.to")}
          <input type="date" value={to} required onInput={(e) => setTo(e.currentTarget.value)} />
        </label>
        <button type="submit">{t("exports.start")}</button>
      </form>
      {status && <p role="status">{status}</p>}
      {exports.error && (
        <p class="form-error" role="alert">
          {exports.error}
        </p>
      )}
      <table>
        <caption class="visually-hidden">{t("exports.list")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("exports.requested")}</th>
            <th scope="col">{t("exports.range")}</th>
            <th scope="col">{t("exports.progress")}</th>
            <th scope="col">{t("exports.file")}</th>
          </tr>
        </thead>
        <tbody>
          {(exports.data?.items ?? []).map((job) => (
            <ExportRow key={job.job_id} job={job} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ExportRow(props: { job: ProjectExport }) {
  const { job } = props;
  const counts = t("exports.counts", { sessions: job.sessions, messages: job.messages });
  return (
    <tr>
      <td>{dateTime(job.created_at)}</td>
      <td>{job.from_at != null && job.to_at != null ? `${isoDay(job.from_at)} – ${isoDay(job.to_at)}` : ""}</td>
      <td aria-live="polite">
        {t(`exports.state.${job.state}`)} · {counts}
      </td>
      <td>
        {job.download_url ? (
          <a href={job.download_url} rel="noopener noreferrer" download>
            {t("exports.download")}
          </a>
        ) : (
          "—"
        )}
      </td>
    </tr>
  );
}

function RetentionForm(props: { api: Api; projectId: string }) {
  const { api, projectId } = props;
  const retention = useLoad(() => getRetention(api, projectId), [api, projectId]);
  const [edited, setEdited] = useState<string | null>(null); // null: as the project has it
  const [status, setStatus] = useState("");
  const stored = retention.data?.retention_days;
  const days = edited ?? (stored != null ? String(stored) : "");

  async function save(event: Event) {
    event.preventDefault();
    const value = days.trim() === "" ? null : Number(days);
    const failure = await attempt(() => setRetention(api, projectId, value));
    setStatus(failure || t("admin.saved"));
    if (!failure) setEdited(null);
    retention.reload();
  }

  const backfill = retention.data?.backfill;
  return (
    <section aria-labelledby="retention-title" class="stack">
      <h3 id="retention-title">{t("retention.title")}</h3>
      <p class="muted">{t("retention.hint")}</p>
      <form class="row" onSubmit={(e) => void save(e)}>
        <label>
          {t("retention.days")}
          <input
            type="number"
            min={retention.data?.least_days ?? 1}
            max={3650}
            placeholder={t("retention.forever")}
            value={days}
            onInput={(e) => setEdited(e.currentTarget.value)}
          />
        </label>
        <button type="submit">{t("action.save")}</button>
      </form>
      {retention.data && <p class="muted">{t("retention.least", { days: retention.data.least_days })}</p>}
      {backfill && <p role="status">{t("retention.backfill", { sessions: backfill.sessions, messages: backfill.messages })}</p>}
      {status && <p role="status">{status}</p>}
      {retention.error && (
        <p class="form-error" role="alert">
          {retention.error}
        </p>
      )}
    </section>
  );
}
