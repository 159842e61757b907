// The Links page (administrators and supervisors), loaded only when opened: a project's tracked
// links with their short URLs, and per link its QR code and its funnel over a date range, with
// CSV exports of the funnel and of the clicks; then the project's privacy note for its clicks
// (and, for administrators, its click privacy settings).
import { useEffect, useMemo, useState } from "preact/hooks";
import type { HttpApi } from "../api/client";
import { ConfirmDelete } from "../admin/ConfirmDelete";
import { saveAs } from "../admin/download";
import type { ConsoleController } from "../console/controller";
import { t } from "../i18n";
import { useStore } from "../lib/store";
import { CopyButton } from "./CopyButton";
import { csvBlob } from "./csv";
import { clicksCsv, exportName, funnelCsv } from "./exports";
import { Breakdowns, DailyChart, FunnelChart, TopList } from "./FunnelChart";
import { LinkEditor } from "./LinkEditor";
import { PrivacyNote } from "./PrivacyNote";
import { QrCode } from "./QrCode";
import { RANGE_PRESETS, lastDays, rangeOf, type RangePreset } from "./range";
import { LinksStore } from "./store";
import type { Link } from "./types";
import "./links.css";

export function LinksPage(props: { api: HttpApi; controller: ConsoleController }) {
  const { workspace } = props.controller;
  const links = useMemo(() => new LinksStore(props.api, workspace), [props.api]);
  const projects = useStore(workspace.store, (s) => s.projects);
  const state = useStore(links.store, (s) => s);
  const [editing, setEditing] = useState<Link | "new" | null>(null);
  const projectId = state.projectId ?? projects[0]?.project_id ?? null;

  useEffect(() => {
    if (projectId) void links.showProject(projectId);
  }, [links, projectId]);

  const open = state.links?.find((l) => l.code === state.openCode) ?? null;
  return (
    <main class="admin links-page" id="chat-main" tabIndex={-1}>
      <h1>{t("nav.links")}</h1>
      <div class="row">
        {projects.length > 1 && (
          <label>
            {t("links.project")}{" "}
            <select value={projectId ?? ""} onChange={(e) => void links.showProject(e.currentTarget.value)}>
              {projects.map((p) => (
                <option key={p.project_id} value={p.project_id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" class="primary" disabled={!projectId} onClick={() => setEditing("new")}>
          {t("links.new")}
        </button>
      </div>
      {state.links === null ? (
        <p class="loading" role="status">
          {t("state.loading")}
        </p>
      ) : state.links.length === 0 ? (
        <p class="muted">{t("links.empty")}</p>
      ) : (
        <LinksTable links={state.links} openCode={state.openCode} store={links} onEdit={setEditing} />
      )}
      {open && <LinkDetails key={open.code} link={open} store={links} />}
      {projectId && <PrivacyNote key={projectId} api={props.api} projectId={projectId} />}
      {editing && projectId && (
        <LinkEditor
          api={props.api}
          projectId={projectId}
          link={editing === "new" ? null : editing}
          onSave={(draft) => (editing === "new" ? links.create(draft) : links.update(editing.code, draft))}
          onClose={() => setEditing(null)}
        />
      )}
    </main>
  );
}

function LinksTable(props: { links: Link[]; openCode: string | null; store: LinksStore; onEdit: (link: Link) => void }) {
  return (
    <table class="admin-table links-table">
      <caption class="visually-hidden">{t("nav.links")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("links.name")}</th>
          <th scope="col">{t("links.code")}</th>
          <th scope="col">{t("links.channel")}</th>
          <th scope="col">{t("links.shortUrl")}</th>
          <th scope="col">{t("links.enabled")}</th>
          <th scope="col">{t("admin.actions")}</th>
        </tr>
      </thead>
      <tbody>
        {props.links.map((link) => (
          <tr key={link.code} class={link.enabled ? "" : "disabled"} data-code={link.code} aria-current={link.code === props.openCode ? "true" : undefined}>
            <th scope="row">{link.name}</th>
            <td>
              <code>{link.code}</code>
            </td>
            <td>{link.channel || "—"}</td>
            <td class="short-url">
              <a href={link.short_url} target="_blank" rel="noopener noreferrer">
                {link.short_url}
              </a>{" "}
              <CopyButton text={link.short_url} label={t("links.copyOf", { name: link.name })} />
            </td>
            <td>{link.enabled ? t("common.yes") : t("common.no")}</td>
            <td class="row">
              <button
                type="button"
                aria-expanded={link.code === props.openCode}
                aria-label={t("links.detailsOf", { name: link.name })}
                onClick={() => void props.store.open(link.code === props.openCode ? null : link.code)}
              >
                {t("links.details")}
              </button>
              <button type="button" aria-label={t("links.editOf", { name: link.name })} onClick={() => props.onEdit(link)}>
                {t("links.edit")}
              </button>
              <ConfirmDelete name={link.name} question={t("links.confirmDelete", { name: link.name })} onDelete={() => props.store.remove(link.code)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LinkDetails(props: { link: Link; store: LinksStore }) {
  const { link, store } = props;
  const { funnel, funnelLoading, range } = useStore(store.store, (s) => s);
  const [preset, setPreset] = useState<RangePreset>("7d");
  const [custom, setCustom] = useState(() => lastDays(7, Date.now()));
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    void store.setRange(rangeOf(preset, Date.now(), custom));
  }, [preset, custom.from, custom.to]);

  async function exportClicks() {
    if (!range) return;
    setExporting(true);
    const clicks = await store.clicks(link.code, range);
    setExporting(false);
    if (clicks) saveAs(csvBlob(clicksCsv(clicks)), exportName(link.code, "clicks", range));
  }

  return (
    <section class="admin-form link-details" aria-labelledby="link-details-title">
      <h2 id="link-details-title">{link.name}</h2>
      <div class="link-details-body">
        <QrCode url={link.short_url} fileName={`${link.code}-qr.svg`} />
        <div class="link-funnel">
          <fieldset class="row range">
            <legend>{t("links.range")}</legend>
            {RANGE_PRESETS.map((p) => (
              <label key={p} class="check">
                <input type="radio" name="link-range" checked={preset === p} onChange={() => setPreset(p)} />
                {t(`links.range.${p}`)}
              </label>
            ))}
            {preset === "custom" && (
              <>
                <label>
                  {t("links.from")} <input type="date" value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.currentTarget.value })} />
                </label>
                <label>
                  {t("links.to")} <input type="date" value={custom.to} min={custom.from} onChange={(e) => setCustom({ ...custom, to: e.currentTarget.value })} />
                </label>
              </>
            )}
          </fieldset>
          <p class="muted">{t("links.utcDays")}</p>
          {!range ? (
            <p class="form-error">{t("links.badRange")}</p>
          ) : funnel ? (
            <>
              <FunnelChart funnel={funnel} />
              <DailyChart funnel={funnel} />
              <div class="row top-lists">
                <TopList title={t("links.countries")} items={funnel.countries} label={countryName} />
                <TopList title={t("links.devices")} items={funnel.devices} label={deviceName} />
              </div>
              <Breakdowns funnel={funnel} />
              <div class="row">
                <button type="button" onClick={() => saveAs(csvBlob(funnelCsv(funnel)), exportName(link.code, "funnel", range))}>
                  {t("links.exportFunnel")}
                </button>
                <button type="button" disabled={exporting} onClick={() => void exportClicks()}>
                  {t("links.exportClicks")}
                </button>
              </div>
            </>
          ) : (
            funnelLoading && (
              <p class="loading" role="status">
                {t("state.loading")}
              </p>
            )
          )}
        </div>
      </div>
    </section>
  );
}

const DEVICES = ["mobile", "tablet", "desktop", "other"] as const;

function deviceName(device: string): string {
  return (DEVICES as readonly string[]).includes(device) ? t(`links.device.${device as (typeof DEVICES)[number]}`) : device || t("links.unknown");
}

/** A country's name in the console's language from its ISO code (the code when unknown). */
function countryName(code: string): string {
  if (!code) return t("links.unknown");
  try {
    return new Intl.DisplayNames([document.documentElement.lang || "en"], { type: "region" }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
