// One risk group: its settings (name, action, projects, allowed addresses) and its entries.
import { useState } from "preact/hooks";
import { path, type HttpApi } from "../api/client";
import { RISK_ACTIONS, type Project, type RiskGroup } from "../api/types";
import type { ConsoleController } from "../console/controller";
import { t } from "../i18n";
import { EnumSelect } from "./EnumSelect";
import { RiskEntries } from "./RiskEntries";
import { attempt, useLoad } from "./useLoad";

export function RiskGroupEditor(props: { api: HttpApi; controller: ConsoleController; groupId: string; onClose: () => void }) {
  const { api, controller, groupId } = props;
  const canEdit = controller.workspace.state.me.role === "admin";
  const group = useLoad(() => api.get<RiskGroup>(path`/api/risk/groups/${groupId}`), [api, groupId]);
  return (
    <div class="stack risk-group">
      <div>
        <button type="button" class="link" onClick={props.onClose}>
          ← {t("risk.back")}
        </button>
      </div>
      {group.error && (
        <p class="form-error" role="alert">
          {group.error}
        </p>
      )}
      {group.data ? (
        <>
          <h2>{group.data.name}</h2>
          <GroupSettings
            key={group.data.version}
            api={api}
            group={group.data}
            projects={controller.workspace.state.projects}
            canEdit={canEdit}
            onSaved={group.reload}
            onDeleted={props.onClose}
          />
          <RiskEntries api={api} group={group.data} canEdit={canEdit} onChanged={group.reload} />
        </>
      ) : (
        !group.error && (
          <p class="loading" role="status">
            {t("state.loading")}
          </p>
        )
      )}
    </div>
  );
}

function GroupSettings(props: {
  api: HttpApi;
  group: RiskGroup;
  projects: Project[];
  canEdit: boolean;
  onSaved: () => void;
  onDeleted: () => void;
}) {
  const { api, group } = props;
  const url = path`/api/risk/groups/${group.group_id}`;
  const [name, setName] = useState(group.name);
  const [action, setAction] = useState(group.action);
  const [projectIds, setProjectIds] = useState<string[] | null>(group.project_ids);
  const [allowed, setAllowed] = useState(group.allowed.join("\n"));
  const [problem, setProblem] = useState("");
  const [saved, setSaved] = useState(false);

  function toggleProject(projectId: string, on: boolean) {
    const current = projectIds ?? [];
    setProjectIds(on ? [...current, projectId] : current.filter((id) => id !== projectId));
  }

  async function save(event: Event) {
    event.preventDefault();
    const lines = allowed.split("\n").map((line) => line.trim()).filter(Boolean);
    const failure = await attempt(() => api.patch(url, { name, action, project_ids: projectIds, allowed: lines }));
    setProblem(failure);
    setSaved(!failure);
    if (!failure) props.onSaved();
  }

  async function remove() {
    const failure = await attempt(() => api.del(url));
    setProblem(failure);
    if (!failure) props.onDeleted();
  }

  return (
    <form class="admin-form" onSubmit={save} aria-label={t("admin.settings")}>
      <fieldset disabled={!props.canEdit} class="stack">
        <legend>{t("admin.settings")}</legend>
        <label>
          {t("risk.name")}
          <input required maxLength={80} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          {t("risk.action")}
          <EnumSelect options={RISK_ACTIONS} value={action} label={(a) => t(`risk.action.${a}`)} onChange={setAction} />
        </label>
        <fieldset>
          <legend>{t("risk.projects")}</legend>
          <label class="check">
            <input type="checkbox" checked={projectIds === null} onChange={(e) => setProjectIds(e.currentTarget.checked ? null : [])} />
            {t("risk.allProjects")}
          </label>
          {projectIds !== null &&
            props.projects.map((p) => (
              <label key={p.project_id} class="check">
                <input type="checkbox" checked={projectIds.includes(p.project_id)} onChange={(e) => toggleProject(p.project_id, e.currentTarget.checked)} />
                {p.name}
              </label>
            ))}
        </fieldset>
        <label>
          {t("risk.allowed")}
          <textarea rows={3} spellcheck={false} value={allowed} onInput={(e) => setAllowed(e.currentTarget.value)} />
        </label>
      </fieldset>
      {problem && (
        <p class="form-error" role="alert">
          {problem}
        </p>
      )}
      {saved && <p role="status">{t("admin.saved")}</p>}
      {props.canEdit && (
        <div class="row">
          <button type="submit" class="primary">
            {t("action.save")}
          </button>
          <button type="button" class="danger" onClick={() => void remove()}>
            {t("action.delete")}
          </button>
        </div>
      )}
    </form>
  );
}
