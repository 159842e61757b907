import type { ComponentChildren } from "preact";
import { t, type MessageKey } from "../i18n";
import { ProjectPicker } from "./ProjectPicker";

/** The frame of a per-project settings tab: its title, the project picker and the load error,
 *  then the fields; the Save button when the form is loaded and may be changed; the outcome. */
export function ProjectSettingsForm(props: {
  settings: {
    projects: readonly { project_id: string; name: string }[];
    projectId: string;
    setProjectId: (projectId: string) => void;
    error: string;
    form: unknown;
    status: string;
  };
  titleId: string;
  title: MessageKey;
  class?: string;
  mayEdit: boolean;
  onSubmit: (event: Event) => void;
  children: ComponentChildren;
}) {
  const { settings } = props;
  return (
    <form class={props.class ?? "admin-form"} onSubmit={props.onSubmit} aria-labelledby={props.titleId}>
      <h2 id={props.titleId}>{t(props.title)}</h2>
      <ProjectPicker projects={settings.projects} projectId={settings.projectId} onPick={settings.setProjectId} />
      {settings.error && (
        <p class="form-error" role="alert">
          {settings.error}
        </p>
      )}
      {props.children}
      {settings.form != null && props.mayEdit && (
        <button type="submit" class="primary">
          {t("action.save")}
        </button>
      )}
      {settings.status && <p role="status">{settings.status}</p>}
    </form>
  );
}
