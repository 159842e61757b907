// Who is on shift now in the caller's first project: a short line for the top bar, read when
// the console opens and once a minute.
import { useEffect, useState } from "preact/hooks";
import type { OnShift } from "../api/types";
import type { ConsoleController } from "../console/controller";
import { agentName } from "../console/people";
import { t } from "../i18n";
import { onShiftNow } from "./api";

const REFRESH_MS = 60_000;

export function useOnShiftNow(controller: ConsoleController, projectId: string | undefined): OnShift[] {
  const [shifts, setShifts] = useState<OnShift[]>([]);
  useEffect(() => {
    if (!projectId) return undefined;
    const load = () =>
      onShiftNow(controller.api, projectId).then(
        (found) => setShifts(found.items),
        () => setShifts([]),
      );
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, [controller, projectId]);
  return shifts;
}

export function OnShiftNow(props: { controller: ConsoleController }) {
  const { controller } = props;
  const projectId = controller.workspace.state.projects[0]?.project_id;
  const shifts = useOnShiftNow(controller, projectId);
  if (shifts.length === 0) return null;
  const agents = controller.workspace.state.agents;
  const until = (at: number) => new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  return (
    <span class="on-shift" role="status">
      {shifts
        .map((s) =>
          t("shifts.onNow", {
            shift: s.name,
            agents: s.agent_ids.map((a) => agentName(agents, a)).join(", "),
            until: until(s.ends_at),
          }),
        )
        .join(" · ")}
    </span>
  );
}
