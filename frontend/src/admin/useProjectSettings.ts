// One project's settings resource as the admin tabs edit it: the project chosen, the settings
// read from `/api/projects/{id}/{resource}`, an editable copy (the form), and saving it back
// with PUT, showing `admin.saved` or the error. Each tab keeps its own fields and body.
import { useEffect, useState } from "preact/hooks";
import { path, type Api } from "../api/client";
import type { ConsoleController } from "../console/controller";
import { t } from "../i18n";
import { attempt, useLoad } from "./useLoad";

export function useProjectSettings<Settings, Form = Settings>(
  api: Api,
  controller: ConsoleController,
  resource: string,
  /** The form's copy of what was read; the settings themselves by default. */
  formOf: (settings: Settings) => Form = (settings) => settings as unknown as Form,
) {
  const projects = controller.workspace.state.projects;
  const [projectId, setProjectId] = useState(projects[0]?.project_id ?? "");
  const url = path`/api/projects/${projectId}/` + resource;
  const { data, error, setData } = useLoad(
    () => (projectId ? api.get<Settings>(url) : Promise.resolve(null)),
    [api, url, projectId],
  );
  const [form, setForm] = useState<Form | null>(null);
  const [status, setStatus] = useState("");
  useEffect(() => setForm(data ? formOf(data) : null), [data]);

  /** A submit handler: `body` makes what to PUT from the form and the settings read (whose
   *  `updated_at` the server checks), or returns a message to show instead of saving. */
  function submit(body: (form: Form, read: Settings) => object | string) {
    return async (event: Event) => {
      event.preventDefault();
      if (!form || !data) return;
      const change = body(form, data);
      if (typeof change === "string") {
        setStatus(change);
        return;
      }
      let saved: Settings | null = null;
      const failure = await attempt(async () => {
        saved = await api.put<Settings>(url, change);
      });
      if (saved) setData(saved);
      setStatus(failure || t("admin.saved"));
    };
  }

  return { projects, projectId, setProjectId, data, error, form, setForm, status, submit };
}
