import { t } from "../i18n";
import { QUICK_LIST_ID, quickOptionId, type QuickReplies } from "./useQuickReplies";

/** The `/` search's list above the reply box; each reply shows its title and the start of its
 *  text (as text, never HTML). */
export function QuickReplyPopup(props: { quick: QuickReplies }) {
  const { quick } = props;
  if (!quick.open) {
    return quick.unfilled.length ? (
      <p class="quick-unfilled muted" role="status">
        {t("quickReplies.unfilled", { placeholders: quick.unfilled.join(" ") })}
      </p>
    ) : null;
  }
  return (
    <div class="quick-replies-popup">
      {quick.problem ? (
        <p class="form-error" role="alert">
          {quick.problem}
        </p>
      ) : quick.loading ? (
        <p class="muted">{t("quickReplies.loading")}</p>
      ) : !quick.results.length ? (
        <p class="muted" role="status">
          {t("quickReplies.none")}
        </p>
      ) : (
        <ul id={QUICK_LIST_ID} role="listbox" aria-label={t("quickReplies.title")}>
          {quick.results.map((reply, index) => (
            <li
              key={reply.reply_id}
              id={quickOptionId(index)}
              role="option"
              aria-selected={index === quick.active}
              class={index === quick.active ? "active" : ""}
              onMouseDown={(event) => {
                event.preventDefault(); // the reply box keeps the focus
                quick.choose(reply);
              }}
              onMouseEnter={() => quick.setActive(index)}
            >
              <strong>{reply.title}</strong>
              {reply.owner === "agent" && <span class="quick-mine">{t("quickReplies.mine")}</span>}
              <span class="quick-preview">{Object.values(reply.texts)[0]}</span>
            </li>
          ))}
        </ul>
      )}
      <p class="muted quick-hint">{t("quickReplies.hint")}</p>
    </div>
  );
}
