import { useEffect, useState } from "preact/hooks";
import type { Session } from "../api/types";
import type { ConsoleController } from "../console/controller";
import { errorText } from "../console/errors";
import { t } from "../i18n";
import { useStore } from "../lib/store";
import { profileOf } from "../sidepanel/store";
import { setTimeZone, taskSettings } from "./api";
import { clockIn, DEFAULT_NIGHT, isNight, knownZones } from "./model";

const MINUTE = 60_000;

/** Now, once a minute. */
function useMinute(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), MINUTE);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Above the reply box: the user's local time (when an agent set their time zone) and a
 *  warning while it is night for them (the project's night hours, 22:00–08:00 by default). */
export function UserLocalTime(props: { controller: ConsoleController; session: Session }) {
  const { controller, session } = props;
  const zone = useStore(controller.side.store, (s) => profileOf(s, session)?.time_zone ?? null);
  const [night, setNight] = useState<[string, string]>(DEFAULT_NIGHT);
  const now = useMinute();
  useEffect(() => {
    void taskSettings(controller.api, session.project_id).then((s) => setNight([s.night_start, s.night_end]), () => undefined);
  }, [session.project_id]);
  const clock = zone ? clockIn(zone, now) : null;
  if (!zone || !clock) return null;
  return (
    <div class="user-local-time">
      <span>
        {t("localTime.label")}: {clock.text} ({zone})
      </span>
      {isNight(zone, now, night) && (
        <p class="night-warning" role="status">
          {t("localTime.night", { time: clock.text })}
        </p>
      )}
    </div>
  );
}

/** In the side panel's profile: the user's time zone, set by an agent (never guessed). */
export function UserTimeZone(props: { controller: ConsoleController; session: Session }) {
  const { controller, session } = props;
  const zone = useStore(controller.side.store, (s) => profileOf(s, session)?.time_zone ?? "");
  const [draft, setDraft] = useState(zone);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(zone), [zone]);

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError("");
    try {
      await setTimeZone(controller.api, session.project_id, session.tg_user_id, draft.trim() || null);
      await controller.side.loadProfile(session.project_id, session.tg_user_id);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="user-time-zone" onSubmit={save}>
      <label>
        {t("localTime.zone")}
        <input list="tgdesk-time-zones" value={draft} placeholder={t("localTime.zoneHint")} onInput={(e) => setDraft(e.currentTarget.value)} />
      </label>
      <datalist id="tgdesk-time-zones">
        {knownZones().map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <button type="submit" class="ghost" disabled={busy || draft === zone}>
        {t("localTime.save")}
      </button>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
