import { useState } from "preact/hooks";
import { path, type Api } from "../api/client";
import type { BindCode, Project, TeamChat } from "../api/types";
import { t } from "../i18n";
import { time } from "../lib/format";
import { attempt, useLoad } from "./useLoad";

/** The project's team group on Telegram (administrators): which group is bound, a one-time
 *  bind code with what to send in the group, and unbinding. The group's title is Telegram
 *  text: rendered as text only. */
export function TeamChatSettings(props: { api: Api; project: Project }) {
  const { api, project } = props;
  const url = path`/api/projects/${project.project_id}/team-chat`;
  const { data, error, reload } = useLoad(() => api.get<TeamChat>(url), [api, url]);
  const [code, setCode] = useState<BindCode | null>(null);
  const [problem, setProblem] = useState("");

  async function newCode() {
    setProblem(
      await attempt(async () => {
        setCode(await api.post<BindCode>(path`/api/projects/${project.project_id}/team-chat/code`));
      }),
    );
  }

  async function unbind() {
    setProblem(await attempt(() => api.del(url)));
    reload();
  }

  const bound = data?.bound ? data : null;
  return (
    <section class="admin-form" aria-labelledby="team-chat-title">
      <h2 id="team-chat-title">{t("teamChat.title")}</h2>
      <p class="muted">{t("teamChat.hint")}</p>
      {(error || problem) && (
        <p class="form-error" role="alert">
          {error || problem}
        </p>
      )}
      {data && (
        <p role="status">
          {bound ? t("teamChat.boundTo", { title: bound.title || String(bound.chat_id) }) : t("teamChat.none")}
        </p>
      )}
      <div class="row">
        <button type="button" onClick={() => void newCode()}>
          {t("teamChat.getCode")}
        </button>
        {bound && (
          <button type="button" class="danger" onClick={() => void unbind()}>
            {t("teamChat.unbind")}
          </button>
        )}
      </div>
      {code && (
        <div class="stack">
          <p>{t("teamChat.instruction", { time: time(code.expires_at) })}</p>
          <p>
            {t("teamChat.command")} <code>{code.command}</code>
          </p>
          <button
            type="button"
            onClick={() => {
              setCode(null);
              reload();
            }}
          >
            {t("teamChat.checkAgain")}
          </button>
        </div>
      )}
    </section>
  );
}
