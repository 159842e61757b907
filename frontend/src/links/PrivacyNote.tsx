// The project's privacy note for its tracked links, written from its link settings, with a copy
// button; administrators also change the settings here (what a click keeps of the visitor's
// address, and for how many days a click is kept before only the counts remain).
import { useEffect, useState } from "preact/hooks";
import { path, type Api } from "../api/client";
import { attempt, useLoad } from "../admin/useLoad";
import { t } from "../i18n";
import { CopyButton } from "./CopyButton";
import { privacyNote, privacyNoteText } from "./privacy";
import { ADDRESS_MODES, MAX_RETENTION_DAYS, type AddressMode, type LinkSettings } from "./types";

// Whoever sees the Links page (administrators, the project's supervisors) may change these
// settings, as the API allows.
export function PrivacyNote(props: { api: Api; projectId: string }) {
  const url = path`/api/projects/${props.projectId}/link-settings`;
  const { data, error, setData } = useLoad(() => props.api.get<LinkSettings>(url), [props.api, url]);
  return (
    <section class="admin-form privacy-note" aria-labelledby="privacy-note-title">
      <h2 id="privacy-note-title">{t("links.privacy.title")}</h2>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {data && (
        <>
          <p class="muted">{t("links.privacy.help")}</p>
          <blockquote class="privacy-text">
            {privacyNote(data).map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
          </blockquote>
          <CopyButton text={privacyNoteText(data)} label={t("links.privacy.copy")} />
          <LinkSettingsForm api={props.api} url={url} settings={data} onSaved={setData} />
        </>
      )}
    </section>
  );
}

function LinkSettingsForm(props: { api: Api; url: string; settings: LinkSettings; onSaved: (settings: LinkSettings) => void }) {
  const [mode, setMode] = useState<AddressMode>(props.settings.address_mode);
  const [days, setDays] = useState(props.settings.retention_days);
  const [status, setStatus] = useState("");
  useEffect(() => {
    setMode(props.settings.address_mode);
    setDays(props.settings.retention_days);
  }, [props.settings]);

  async function save(event: Event) {
    event.preventDefault();
    let saved: LinkSettings | null = null;
    const failure = await attempt(async () => {
      saved = await props.api.put<LinkSettings>(props.url, { address_mode: mode, retention_days: days });
    });
    if (saved) props.onSaved(saved);
    setStatus(failure || t("admin.saved"));
  }

  return (
    <form class="link-settings" onSubmit={save}>
      <fieldset>
        <legend>{t("links.settings.title")}</legend>
        <label>
          {t("links.settings.address")}
          <select value={mode} onChange={(e) => setMode(e.currentTarget.value as AddressMode)}>
            {ADDRESS_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`links.settings.address.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("links.settings.retention")}
          <input type="number" min={1} max={MAX_RETENTION_DAYS} required value={days} onInput={(e) => setDays(Number(e.currentTarget.value))} />
        </label>
        <p class="muted">{t("links.settings.help")}</p>
        <div class="row">
          <button type="submit" class="primary">
            {t("action.save")}
          </button>
          <span role="status">{status}</span>
        </div>
      </fieldset>
    </form>
  );
}
