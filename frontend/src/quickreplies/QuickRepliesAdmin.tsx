import { useState } from "preact/hooks";
import { path, type Api } from "../api/client";
import type { ConsoleController } from "../console/controller";
import { ProjectPicker } from "../admin/ProjectPicker";
import { QuickReplyLibrary } from "./QuickReplyLibrary";

/** The admin area's Quick replies tab: a project's library, for its supervisors and the admins. */
export function QuickRepliesAdmin(props: { api: Api; controller: ConsoleController }) {
  const projects = props.controller.workspace.state.projects;
  const [projectId, setProjectId] = useState(projects[0]?.project_id ?? "");
  return (
    <div class="stack">
      <ProjectPicker projects={projects} projectId={projectId} onPick={setProjectId} />
      {projectId && <QuickReplyLibrary key={projectId} api={props.api} base={path`/api/projects/${projectId}/quick-replies`} />}
    </div>
  );
}
