import { useState } from "preact/hooks";
import { path, type Api } from "../api/client";
import type { Items, Tag } from "../api/types";
import type { ConsoleController } from "../console/controller";
import { t } from "../i18n";
import { ConfirmDelete } from "./ConfirmDelete";
import { attempt, useLoad } from "./useLoad";
import { ProjectPicker } from "./ProjectPicker";

/** Runs a change and re-reads; resolves to the failure's text, "" when it worked. */
type Run = (work: () => Promise<unknown>) => Promise<string>;

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
  const [status, setStatus] = useState("");

  const run: Run = async (work) => {
    setStatus("");
    const failure = await attempt(work);
    setProblem(failure);
    tags.reload();
    void controller.workspace.loadTags();
    return failure;
  };

  async function create(event: Event) {
    event.preventDefault();
    const failure = await run(() => api.post(path`/api/projects/${projectId}/tags`, draft));
    if (!failure) setDraft({ ...draft, name: "" }); // a refused name stays, to be corrected
  }

  return (
    <div class="stack">
      {(tags.error || problem) && (
        <p class="form-error" role="alert">
          {tags.error || problem}
        </p>
      )}
      {status && (
        <p class="muted" role="status">
          {status}
        </p>
      )}
      <ProjectPicker projects={projects} projectId={projectId} onPick={setProjectId} />
      <ul class="tag-admin">
        {(tags.data?.items ?? []).map((tag) => (
          <TagRow key={tag.tag_id} tag={tag} api={api} onRun={run} onSaved={(name) => setStatus(t("admin.tagSaved", { name }))} />
        ))}
      </ul>
      <form class="row" onSubmit={create}>
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

function TagRow(props: { api: Api; tag: Tag; onRun: Run; onSaved: (name: string) => void }) {
  const { api, tag } = props;
  const [name, setName] = useState(tag.name);
  const [colour, setColour] = useState(tag.colour);
  const url = path`/api/projects/${tag.project_id}/tags/${tag.tag_id}`;

  async function save() {
    if (!(await props.onRun(() => api.patch(url, { name, colour })))) props.onSaved(name);
  }

  return (
    <li class="row">
      <input aria-label={t("admin.tagName")} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      <input aria-label={t("admin.tagColour")} type="color" value={colour} onInput={(e) => setColour(e.currentTarget.value)} />
      <button type="button" onClick={() => void save()}>
        {t("action.save")}
      </button>
      <ConfirmDelete name={tag.name} question={t("admin.confirmDeleteTag", { name: tag.name })} onDelete={() => props.onRun(() => api.del(url))} />
    </li>
  );
}
