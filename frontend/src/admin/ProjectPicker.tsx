import { t } from "../i18n";

/** The project whose settings an admin tab shows: a labelled select of the projects given. */
export function ProjectPicker(props: {
  projects: readonly { project_id: string; name: string }[];
  projectId: string;
  onPick: (projectId: string) => void;
}) {
  return (
    <label>
      {t("filter.project")}
      <select value={props.projectId} onChange={(e) => props.onPick(e.currentTarget.value)}>
        {props.projects.map((p) => (
          <option key={p.project_id} value={p.project_id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
