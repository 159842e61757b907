// The suggestion to escalate a session, on top of the chat, while the session is still at the
// first level: each fired trigger's reason, and an Escalate action (the escalation dialog).
// Read again whenever the session's tags, level or last message change: a trigger that fires
// tags the session, and the message triggers fire on a user's message.
import { useEffect, useState } from "preact/hooks";
import { path } from "../api/client";
import type { Session } from "../api/types";
import type { ConsoleController } from "../console/controller";
import { t } from "../i18n";
import { EscalateDialog } from "../tickets/EscalateDialog";
import { suggestionText, type Suggestion, type SuggestionList } from "./model";

export function SuggestionBanner(props: { controller: ConsoleController; session: Session }) {
  const { controller, session } = props;
  const [items, setItems] = useState<Suggestion[]>([]);
  const [escalating, setEscalating] = useState(false);
  const firstLevel = (session.level ?? "l1") === "l1";
  const open = session.status !== "closed";

  useEffect(() => {
    setItems([]);
    if (!firstLevel) return;
    void controller.api
      .get<SuggestionList>(path`/api/sessions/${session.session_id}/escalation-suggestions`)
      .then((list) => setItems(list.items), () => undefined);
  }, [session.session_id, firstLevel, (session.tags ?? []).join(","), session.last_message?.at]);

  if (!firstLevel || !open || items.length === 0) return null;
  return (
    <section class="suggestion-banner" role="status" aria-label={t("triggers.banner")} data-suggestions={items.length}>
      <ul>
        {items.map((item) => (
          <li key={item.trigger} data-trigger={item.trigger}>
            {suggestionText(item)}
          </li>
        ))}
      </ul>
      <button type="button" data-action="escalate-suggested" onClick={() => setEscalating(true)}>
        {t("action.escalate")}
      </button>
      {escalating && <EscalateDialog controller={controller} session={session} onClose={() => setEscalating(false)} />}
    </section>
  );
}
