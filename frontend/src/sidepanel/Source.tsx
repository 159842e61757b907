import type { LinkTouch, Session, UserSource } from "../api/types";
import type { ConsoleController } from "../console/controller";
import { t } from "../i18n";
import { useStore } from "../lib/store";
import { touchesToShow, touchRows } from "./source";
import { profileOf } from "./store";

/** The side panel's "Source": the tracked link that brought this session, and the user's first
 *  and latest touches from their profile. */
export function SessionSource(props: { controller: ConsoleController; session: Session }) {
  const profile = useStore(props.controller.side.store, (s) => profileOf(s, props.session));
  return <Source sessionTouch={props.session.link} userSource={profile?.source} />;
}

/** The touches as label and value lists (nothing without one); every value is the click's,
 *  shown as text. */
export function Source(props: { sessionTouch?: LinkTouch | null; userSource?: UserSource | null }) {
  const touches = touchesToShow(props.sessionTouch, props.userSource);
  // A user who came without a tracked link: nothing to show (most projects never use links).
  if (touches.length === 0) return null;
  return (
    <section aria-labelledby="source-title" class="source">
      <h3 id="source-title">{t("source.title")}</h3>
      {touches.map(({ title, touch }, i) => (
        <div key={i}>
          {title && <h4>{title}</h4>}
          <dl class="profile">
            {touchRows(touch).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </section>
  );
}
