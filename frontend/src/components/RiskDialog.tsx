// The composer's dialogs for a reply the API refused for its content: confirm (send anyway or
// cancel) and block (not sent). The reply's text is the agent's and the matches come from the
// API: both are only ever rendered as text nodes.
import type { RiskMatch } from "../api/types";
import type { RiskPrompt } from "../chat/store";
import { t } from "../i18n";
import { highlight, matchSummary } from "../risk/highlight";
import { Dialog } from "./Dialog";

export function RiskText(props: { text: string; matches: readonly RiskMatch[] }) {
  return (
    <p class="risk-text">
      {highlight(props.text, props.matches).map((segment, i) =>
        segment.matches.length ? (
          <mark key={i} title={segment.matches.map((m) => `${m.group_name}: ${m.entry}`).join("\n")}>
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </p>
  );
}

export function RiskDialog(props: { prompt: RiskPrompt; onSendAnyway: () => void; onClose: () => void }) {
  const { prompt } = props;
  const blocked = prompt.action === "block";
  return (
    <Dialog title={blocked ? t("risk.blockedTitle") : t("risk.confirmTitle")} onClose={props.onClose}>
      <div class={`stack risk-dialog risk-${prompt.action}`} data-risk-action={prompt.action}>
        <p>{blocked ? t("risk.blockedExplain") : t("risk.confirmExplain")}</p>
        <RiskText text={prompt.reply.text} matches={prompt.matches} />
        <div>
          <h3 class="risk-heading">{t("risk.matched")}</h3>
          <ul class="risk-matches">
            {matchSummary(prompt.matches).map((m) => (
              <li key={m.key}>
                <strong>{m.group}</strong>: {m.entry} <span class="muted">({t(`risk.kind.${m.kind}`)})</span>
              </li>
            ))}
          </ul>
          {(prompt.count ?? 0) > prompt.matches.length && (
            <p class="muted risk-count">{t("risk.matchCount", { shown: prompt.matches.length, total: prompt.count ?? 0 })}</p>
          )}
        </div>
        <div class="dialog-buttons">
          {blocked ? (
            <button type="button" class="primary" data-autofocus onClick={props.onClose}>
              {t("risk.edit")}
            </button>
          ) : (
            <>
              <button type="button" data-autofocus onClick={props.onClose}>
                {t("action.cancel")}
              </button>
              <button type="button" class="danger" onClick={props.onSendAnyway}>
                {t("risk.sendAnyway")}
              </button>
            </>
          )}
        </div>
      </div>
    </Dialog>
  );
}
