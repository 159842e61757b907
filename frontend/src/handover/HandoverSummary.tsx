// One handover summary: each agent's figures, the open sessions the next shift inherits, the
// special events and the promises due. Text from users and agents is rendered as text.
import type { Handover } from "../api/types";
import type { AgentsById } from "../console/people";
import { agentName } from "../console/people";
import { t } from "../i18n";

const minutes = (ms: number | null | undefined) => (ms == null ? "—" : (ms / 60_000).toFixed(1));
const when = (at: number) => new Date(at).toLocaleString();

export function HandoverSummary(props: { handover: Handover; agents: AgentsById }) {
  const { handover: h, agents } = props;
  return (
    <article class="handover" aria-label={t("handover.title", { shift: h.shift_name })}>
      <p>{t("handover.period", { from: when(h.started_at), to: when(h.ended_at) })}</p>
      <table>
        <caption>{t("handover.agents")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("handover.agent")}</th>
            <th scope="col">{t("handover.handled")}</th>
            <th scope="col">{t("handover.closed")}</th>
            <th scope="col">{t("handover.medianFirstResponse")}</th>
            <th scope="col">{t("handover.averageHandling")}</th>
          </tr>
        </thead>
        <tbody>
          {h.agents.map((a) => (
            <tr key={a.agent_id}>
              <th scope="row">{agentName(agents, a.agent_id)}</th>
              <td>{a.handled}</td>
              <td>{a.closed}</td>
              <td>{minutes(a.median_first_response_ms)}</td>
              <td>{minutes(a.average_handling_ms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t("handover.openSessions")}</h3>
      {h.open_sessions.length === 0 ? (
        <p class="muted">{t("handover.none")}</p>
      ) : (
        <ul>
          {h.open_sessions.map((s) => (
            <li key={s.session_id}>
              <a href={`#/sessions/${encodeURIComponent(s.session_id)}`}>{s.user || s.session_id}</a>{" "}
              — {t(`status.${s.status}` as "status.processing")}, {s.priority}
              {s.moved_to_follow_up && <> ({t("handover.movedToFollowUp")})</>}
              {(s.tags ?? []).length > 0 && <> · {(s.tags ?? []).join(", ")}</>}
              {s.last_note && (
                <div>
                  {t("handover.lastNote")}: {s.last_note}
                </div>
              )}
              {s.next_step && (
                <div>
                  {t("handover.nextStep")}: {s.next_step}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>{t("handover.events")}</h3>
      {h.events.length === 0 ? (
        <p class="muted">{t("handover.none")}</p>
      ) : (
        <ul>
          {h.events.map((e) => (
            <li key={`${e.session_id}-${e.event}`}>
              {e.event}: {e.detail}
            </li>
          ))}
        </ul>
      )}
      <h3>{t("handover.promises")}</h3>
      {h.promises.length === 0 ? (
        <p class="muted">{t("handover.none")}</p>
      ) : (
        <ul>
          {h.promises.map((p) => (
            <li key={`${p.session_id}-${p.due_at}`}>
              {when(p.due_at)}: {p.note}
            </li>
          ))}
        </ul>
      )}
      {h.truncated && <p class="muted">{t("handover.truncated")}</p>}
    </article>
  );
}
