// Risk groups: the list, a new group, and one group's editor. Supervisors read; admins change.
import { useState } from "preact/hooks";
import type { HttpApi } from "../api/client";
import { RISK_ACTIONS, type Items, type Project, type RiskAction, type RiskGroup } from "../api/types";
import type { ConsoleController } from "../console/controller";
import { t } from "../i18n";
import { EnumSelect } from "./EnumSelect";
import { RiskGroupEditor } from "./RiskGroupEditor";
import { errorText, useLoad } from "./useLoad";

export function projectNames(projectIds: string[] | null, projects: Project[]): string {
  if (projectIds === null) return t("risk.allProjects");
  const names = new Map(projects.map((p) => [p.project_id, p.name]));
  return projectIds.map((id) => names.get(id) ?? id).join(", ");
}

export function RiskAdmin(props: { api: HttpApi; controller: ConsoleController }) {
  const { api, controller } = props;
  const canEdit = controller.workspace.state.me.role === "admin";
  const groups = useLoad(() => api.get<Items<RiskGroup>>("/api/risk/groups"), [api]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [draft, setDraft] = useState({ name: "", action: "confirm" as RiskAction });
  const [problem, setProblem] = useState("");

  if (openId) {
    return (
      <RiskGroupEditor
        api={api}
        controller={controller}
        groupId={openId}
        onClose={() => {
          setOpenId(null);
          groups.reload();
        }}
      />
    );
  }

  async function create(event: Event) {
    event.preventDefault();
    try {
      const created = await api.post<RiskGroup>("/api/risk/groups", { ...draft, project_ids: null, entries: [], allowed: [] });
      setProblem("");
      setDraft({ name: "", action: "confirm" });
      setOpenId(created.group_id);
    } catch (error) {
      setProblem(errorText(error));
    }
  }

  return (
    <div class="stack">
      {(groups.error || problem) && (
        <p class="form-error" role="alert">
          {groups.error || problem}
        </p>
      )}
      <table class="admin-table">
        <caption class="visually-hidden">{t("risk.groups")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("risk.name")}</th>
            <th scope="col">{t("risk.action")}</th>
            <th scope="col">{t("risk.entryCount")}</th>
            <th scope="col">{t("risk.projects")}</th>
            <th scope="col">{t("admin.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {(groups.data?.items ?? []).map((group) => (
            <tr key={group.group_id} data-group-id={group.group_id}>
              <td>{group.name}</td>
              <td>{t(`risk.action.${group.action}`)}</td>
              <td>{group.entry_count ?? group.entries?.length ?? 0}</td>
              <td>{projectNames(group.project_ids, controller.workspace.state.projects)}</td>
              <td>
                <button type="button" aria-label={`${t("risk.open")}: ${group.name}`} onClick={() => setOpenId(group.group_id)}>
                  {t("risk.open")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit && (
        <form class="row" onSubmit={create} aria-labelledby="new-risk-group">
          <h2 id="new-risk-group" class="visually-hidden">
            {t("risk.newGroup")}
          </h2>
          <label>
            {t("risk.name")}
            <input required maxLength={80} value={draft.name} onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })} />
          </label>
          <label>
            {t("risk.action")}
            <EnumSelect options={RISK_ACTIONS} value={draft.action} label={(a) => t(`risk.action.${a}`)} onChange={(action) => setDraft({ ...draft, action })} />
          </label>
          <button type="submit" class="primary">
            {t("risk.newGroup")}
          </button>
        </form>
      )}
    </div>
  );
}
