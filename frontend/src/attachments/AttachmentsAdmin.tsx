// A project's attachment settings: the kinds of file its agents may send (Telegram's own size
// limits apply whatever is chosen). Supervisors read; administrators change.
import type { Api } from "../api/client";
import type { components } from "../api/schema";
import { ProjectSettingsForm } from "../admin/ProjectSettingsForm";
import { useProjectSettings } from "../admin/useProjectSettings";
import type { ConsoleController } from "../console/controller";
import { t } from "../i18n";
import type { AttachmentKind } from "./limits";

type AttachmentSettings = components["schemas"]["AttachmentSettings"];

export const KINDS: AttachmentKind[] = ["photo", "document", "audio", "video", "voice"];

export function AttachmentsAdmin(props: { api: Api; controller: ConsoleController }) {
  const { api, controller } = props;
  const isAdmin = controller.workspace.state.me.role === "admin";
  const settings = useProjectSettings<AttachmentSettings>(api, controller, "attachment-settings");
  const { form, setForm } = settings;

  function toggle(kind: AttachmentKind, on: boolean) {
    if (!form) return;
    setForm({ ...form, kinds: KINDS.filter((each) => (each === kind ? on : form.kinds.includes(each))) });
  }

  const save = settings.submit((form) => ({ kinds: form.kinds, updated_at: form.updated_at ?? undefined }));

  return (
    <ProjectSettingsForm settings={settings} titleId="attachments-admin-title" title="admin.attachments" mayEdit={isAdmin} onSubmit={save}>
      {form && (
        <fieldset disabled={!isAdmin}>
          <legend>{t("attach.admin.legend")}</legend>
          {KINDS.map((kind) => (
            <label key={kind} class="check">
              <input type="checkbox" checked={form.kinds.includes(kind)} onChange={(e) => toggle(kind, e.currentTarget.checked)} />
              {t(`kind.${kind}`)}
            </label>
          ))}
          <p class="muted">{t("attach.admin.hint")}</p>
        </fieldset>
      )}
    </ProjectSettingsForm>
  );
}
