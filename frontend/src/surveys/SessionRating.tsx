// The user's satisfaction rating of a resolved session in the side panel: the score, who it
// counts for, and the comment the user sent after it (Telegram text, rendered as text).
import type { Session } from "../api/types";
import { t } from "../i18n";
import { dateTime } from "../lib/format";

export function SessionRating(props: { session: Session }) {
  const rating = props.session.rating;
  if (!rating) return null;
  return (
    <section aria-labelledby="rating-title">
      <h3 id="rating-title">{t("survey.rating")}</h3>
      <p>
        <strong aria-label={t("survey.scoreLabel", { score: rating.score })}>
          {"★".repeat(rating.score)}
          {"☆".repeat(5 - rating.score)}
        </strong>{" "}
        <span>{t("survey.score", { score: rating.score })}</span>{" "}
        <span class="muted">{dateTime(rating.at)}</span>
      </p>
      {rating.comment ? (
        <blockquote aria-label={t("survey.comment")}>{rating.comment}</blockquote>
      ) : (
        <p class="muted">{t("survey.noComment")}</p>
      )}
    </section>
  );
}
