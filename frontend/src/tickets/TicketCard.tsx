import { useEffect, useState } from "preact/hooks";
import { path } from "../api/client";
import type { Session } from "../api/types";
import type { ConsoleController } from "../console/controller";
import { t } from "../i18n";
import { dateTime } from "../lib/format";
import { ticketLabel, type Ticket } from "./model";

/** The session's ticket on top of the chat: its number, level, priority and emotion at a glance;
 *  the problem, what was tried, the key messages and the hops when opened. Text as text. */
export function TicketCard(props: { controller: ConsoleController; session: Session }) {
  const { controller, session } = props;
  const summary = session.ticket;
  const [ticket, setTicket] = useState<Ticket | null>(null);

  useEffect(() => {
    setTicket(null);
    if (!summary) return;
    void controller.api.get<Ticket>(path`/api/sessions/${session.session_id}/ticket`).then(setTicket, () => undefined);
  }, [session.session_id, summary?.level, summary?.emotion]);

  if (!summary) return null;
  return (
    <section class="ticket-card" aria-label={t("ticket.title", { ticket: ticketLabel(summary.number) })} data-ticket={summary.number}>
      <details>
        <summary>
          <strong>{ticketLabel(summary.number)}</strong> · {t(`level.${summary.level}`)} · {t(`priority.${session.priority}`)} ·{" "}
          {t(`emotion.${summary.emotion}`)}
        </summary>
        {ticket && (
          <dl class="ticket-fields">
            <dt>{t("ticket.problem")}</dt>
            <dd>{ticket.problem || "—"}</dd>
            <dt>{t("ticket.tried")}</dt>
            <dd>{ticket.tried || "—"}</dd>
            <dt>{t("ticket.keyMessages")}</dt>
            <dd>
              <ol>
                {(ticket.key_messages ?? []).map((m) => (
                  <li key={m.message_id} data-message={m.message_id}>
                    {m.excerpt || t(`ticket.media`)}
                    {m.has_media && m.excerpt ? ` (${t("ticket.media")})` : ""}
                  </li>
                ))}
              </ol>
            </dd>
            {ticket.targets && (
              <>
                <dt>{t("ticket.targets")}</dt>
                <dd data-ticket-targets>
                  {[
                    ticket.targets.first_response_minutes != null && t("ticket.target.first_response", { minutes: ticket.targets.first_response_minutes }),
                    ticket.targets.resolution_minutes != null && t("ticket.target.resolution", { minutes: ticket.targets.resolution_minutes }),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </dd>
              </>
            )}
            <dt>{t("ticket.hops")}</dt>
            <dd>
              <ol>
                {ticket.hops.map((hop) => (
                  <li key={hop.at}>
                    {dateTime(hop.at)}: {t(`level.${hop.from_level}`)} → {t(`level.${hop.to_level}`)}
                    {hop.reason ? ` — ${hop.reason}` : ""}
                  </li>
                ))}
              </ol>
            </dd>
          </dl>
        )}
      </details>
    </section>
  );
}
