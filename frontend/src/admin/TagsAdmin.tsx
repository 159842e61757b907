import { useState } from "preact/hooks";
import { path, type Api } from "../api/client";
import type { Items, Tag } from "../api/types";
import type { ConsoleController } from "../console/controller";
import { t } from "../i18n";
import { attempt, useLoad } from "./useLoad";

export function TagsAdmin(props: { api: Api; controller: ConsoleController }) {
  const { api, controller } = props;
  const projects = controller.workspace.state.projects;
  const [projectId, setProjectId] = useState(projects[0]?.project_id ?? "");
  const tags = useLoad(
    () => (projectId ? api.get<Items<Tag>>(path`/api/projects/${projectId}/tags`) : Promise.resolve({ items: [] as Tag[] })),
    [api, projectId],
  );
  const [draft, setDraft] = useState({ name: "", colour: "#3b82f6" });
  const [problem, setProblem] = useState("");

  async function run(work: () => Promise<unknown>) {
    setProblem(await attempt(work));
    tags.reload();
    void controller.workspace.loadTags();
  }

  return (
    <div class="stack">
      {(tags.error || problem) && (
        <p class="form-error" role="alert">
          {tags.error || problem}
        </p>
      )}
      <label>
        {t("filter.project")}
        <select value={projectId} onChange={(e) => setProjectId(e.currentTarget.value)}>
          {projects.map((p) => (
            <option key={p.project_id} value={p.project_id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <ul class="tag-admin">
        {(tags.data?.items ?? []).map((tag) => (
          <TagRow key={tag.tag_id} tag={tag} api={api} onRun={run} />
        ))}
      </ul>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => api.post(path`/api/projects/${projectId}/tags`, draft)).then(() => setDraft({ ...draft, name: "" }));
        }}
      >
        <label>
          {t("admin.tagName")}
          <input required value={draft.name} onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })} />
        </label>
        <label>
          {t("admin.tagColour")}
          <input type="color" value={draft.colour} onInput={(e) => setDraft({ ...draft, colour: e.currentTarget.value })} />
        </label>
        <button type="submit" disabled={!projectId}>
          {t("admin.create")}
        </button>
      </form>
    </div>
  );
}

function TagRow(props: { api: Api; tag: Tag; onRun: (work: () => Promise<unknown>) => Promise<void> }) {
  const { api, tag } = props;
  const [name, setName] = useState(tag.name);
  const [colour, setColour] = useState(tag.colour);
  const url = path`/api/projects/${tag.project_id}/tags/${tag.tag_id}`;
  return (
    <li class="row">
      <input aria-label={t("admin.tagName")} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      <input aria-label={t("admin.tagColour")} type="color" value={colour} onInput={(e) => setColour(e.currentTarget.value)} />
      <button type="button" onClick={() => void props.onRun(() => api.patch(url, { name, colour }))}>
        {t("action.save")}
      </button>
      <button type="button" class="danger" onClick={() => void props.onRun(() => api.del(url))}>
        {t("action.delete")}
      </button>
    </li>
  );
}
