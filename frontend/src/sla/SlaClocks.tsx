// A session's SLA clocks in the console: a chip in its list row (the most urgent clock) and
// a section of the side panel (every running clock), counting on each half minute.
import { useEffect, useState } from "preact/hooks";
import type { Session } from "../api/types";
import { t, type MessageKey } from "../i18n";
import { clockStates, formatSpan, mostUrgent, type ClockState } from "./clocks";

const TICK_MS = 30_000;

function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function stateText(state: ClockState): string {
  const time = formatSpan(state.ms);
  if (state.state === "overdue") return t("sla.overdue", { time });
  if (state.state === "paused") return t("sla.paused", { time });
  return t("sla.left", { time });
}

function clockName(clock: string): string {
  const key = `sla.clock.${clock}` as MessageKey;
  return t(key);
}

function chipClass(state: ClockState): string {
  if (state.state === "overdue") return "sla-chip sla-overdue";
  return state.warned ? "sla-chip sla-warned" : "sla-chip";
}

/** The list row's chip (sessions and tickets alike): the most urgent running clock, or nothing. */
export function SlaChip(props: { session: Pick<Session, "sla"> }) {
  const now = useNow();
  const state = mostUrgent(props.session, now);
  if (!state) return null;
  return (
    <span class={chipClass(state)} data-sla-clock={state.clock} title={`${clockName(state.clock)}: ${stateText(state)}`}>
      {stateText(state)}
    </span>
  );
}

/** The side panel's section: every running clock, and the session's breaches so far. */
export function SlaPanel(props: { session: Session }) {
  const now = useNow();
  const sla = props.session.sla;
  if (!sla) return null;
  const states = clockStates(props.session, now);
  return (
    <section aria-labelledby="sla-title">
      <h3 id="sla-title">{t("sla.title")}</h3>
      {states.length === 0 ? (
        <p class="muted">{t("sla.none")}</p>
      ) : (
        <dl class="sla-clocks">
          {states.map((state) => (
            <div key={state.clock}>
              <dt>{clockName(state.clock)}</dt>
              <dd class={chipClass(state)}>{stateText(state)}</dd>
            </div>
          ))}
        </dl>
      )}
      {(sla.breaches ?? 0) > 0 && <p class="muted">{t("sla.breaches", { count: sla.breaches ?? 0 })}</p>}
    </section>
  );
}
