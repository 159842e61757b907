// The handovers of a project: the latest ones, one opened at a time, acknowledged by the next
// shift (or a supervisor), downloaded as CSV or Markdown.
import { useState } from "preact/hooks";
import type { HttpApi } from "../api/client";
import type { Handover } from "../api/types";
import { saveAs } from "../admin/download";
import { attempt, useLoad } from "../admin/useLoad";
import type { ConsoleController } from "../console/controller";
import { t } from "../i18n";
import { acknowledge, download, listHandovers } from "./api";
import { HandoverSummary } from "./HandoverSummary";

export function HandoverPage(props: { api: HttpApi; controller: ConsoleController }) {
  const { api, controller } = props;
  const projects = controller.workspace.state.projects;
  const [projectId, setProjectId] = useState(projects[0]?.project_id ?? "");
  const list = useLoad(() => (projectId ? listHandovers(api, projectId) : Promise.resolve({ items: [] as Handover[] })), [api, projectId]);
  const [openKey, setOpenKey] = useState("");
  const [status, setStatus] = useState("");
  const items = list.data?.items ?? [];
  const keyOf = (h: Handover) => `${h.shift_id}-${h.ended_at}`;
  const opened = items.find((h) => keyOf(h) === openKey) ?? items[0];

  async function ack(h: Handover) {
    const failure = await attempt(() => acknowledge(api, h));
    setStatus(failure || t("handover.acknowledged"));
    list.reload();
  }

  async function save(h: Handover, format: "csv" | "markdown") {
    const failure = await attempt(async () => {
      const blob = await download(api, h, format);
      saveAs(blob, `handover-${h.ended_at}.${format === "csv" ? "csv" : "md"}`);
    });
    if (failure) setStatus(failure);
  }

  return (
    <section class="handovers" aria-labelledby="handovers-title">
      <h2 id="handovers-title">{t("handover.heading")}</h2>
      <label>
        {t("filter.project")}
        <select value={projectId} onChange={(e) => setProjectId(e.currentTarget.value)}>
          {projects.map((p) => (
            <option key={p.project_id} value={p.project_id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {list.error && (
        <p class="form-error" role="alert">
          {list.error}
        </p>
      )}
      {items.length === 0 && !list.error && <p class="muted">{t("handover.noneYet")}</p>}
      {items.length > 0 && (
        <label>
          {t("handover.pick")}
          <select value={opened ? keyOf(opened) : ""} onChange={(e) => setOpenKey(e.currentTarget.value)}>
            {items.map((h) => (
              <option key={keyOf(h)} value={keyOf(h)}>
                {h.shift_name} · {new Date(h.ended_at).toLocaleString()}
                {h.acknowledged_at ? ` · ${t("handover.acknowledged")}` : ""}
              </option>
            ))}
          </select>
        </label>
      )}
      {opened && (
        <>
          <div class="actions">
            {!opened.acknowledged_at && (
              <button type="button" class="primary" onClick={() => void ack(opened)}>
                {t("handover.acknowledge")}
              </button>
            )}
            <button type="button" onClick={() => void save(opened, "csv")}>
              {t("handover.downloadCsv")}
            </button>
            <button type="button" onClick={() => void save(opened, "markdown")}>
              {t("handover.downloadMarkdown")}
            </button>
          </div>
          <HandoverSummary handover={opened} agents={controller.workspace.state.agents} />
        </>
      )}
      {status && <p role="status">{status}</p>}
    </section>
  );
}
