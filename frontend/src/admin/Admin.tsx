// The admin area, loaded only when opened: agents, projects (bot, routing, scope, windows,
// members and their permissions, groups), tags, risk groups and the risk trigger log.
import { useState } from "preact/hooks";
import type { HttpApi } from "../api/client";
import type { ConsoleController } from "../console/controller";
import { t } from "../i18n";
import { AttachmentsAdmin } from "../attachments/AttachmentsAdmin";
import { AgentsAdmin } from "./AgentsAdmin";
import { AutorepliesAdmin } from "../autoreplies/AutorepliesAdmin";
import { ExportsAdmin } from "../exports/ExportsAdmin";
import { ProjectsAdmin } from "./ProjectsAdmin";
import { QuickRepliesAdmin } from "../quickreplies/QuickRepliesAdmin";
import { RiskAdmin } from "./RiskAdmin";
import { RiskTriggers } from "./RiskTriggers";
import { ShiftsAdmin } from "./ShiftsAdmin";
import { SlaAdmin } from "./SlaAdmin";
import { SurveysAdmin } from "./SurveysAdmin";
import { TagsAdmin } from "./TagsAdmin";
import { TranslationAdmin } from "../translation/TranslationAdmin";
import { TriggersAdmin } from "./TriggersAdmin";

type Tab = "agents" | "projects" | "tags" | "quickReplies" | "sla" | "escalationTriggers" | "surveys" | "translation" | "attachments" | "autoreplies" | "shifts" | "risk" | "triggers" | "exports";

export function Admin(props: { api: HttpApi; controller: ConsoleController }) {
  const isAdmin = props.controller.workspace.state.me.role === "admin";
  const tabs: Tab[] = isAdmin ? ["agents", "projects", "tags", "quickReplies", "sla", "escalationTriggers", "surveys", "translation", "attachments", "autoreplies", "shifts", "risk", "triggers", "exports"] : ["projects", "tags", "quickReplies", "sla", "escalationTriggers", "surveys", "translation", "attachments", "autoreplies", "shifts", "risk", "triggers"];
  const [tab, setTab] = useState<Tab>(tabs[0]);
  return (
    <main class="admin" id="chat-main" tabIndex={-1}>
      <h1>{t("nav.admin")}</h1>
      <div role="tablist" aria-label={t("nav.admin")} class="tabs">
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            onClick={() => setTab(name)}
          >
            {t(`admin.${name}`)}
          </button>
        ))}
      </div>
      <section role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === "agents" && <AgentsAdmin api={props.api} meId={props.controller.workspace.state.me.agent_id} />}
        {tab === "projects" && <ProjectsAdmin api={props.api} controller={props.controller} />}
        {tab === "tags" && <TagsAdmin api={props.api} controller={props.controller} />}
        {tab === "quickReplies" && <QuickRepliesAdmin api={props.api} controller={props.controller} />}
        {tab === "sla" && <SlaAdmin api={props.api} controller={props.controller} />}
        {tab === "escalationTriggers" && <TriggersAdmin api={props.api} controller={props.controller} />}
        {tab === "surveys" && <SurveysAdmin api={props.api} controller={props.controller} />}
        {tab === "autoreplies" && <AutorepliesAdmin api={props.api} controller={props.controller} />}
        {tab === "translation" && <TranslationAdmin api={props.api} controller={props.controller} />}
        {tab === "attachments" && <AttachmentsAdmin api={props.api} controller={props.controller} />}
        {tab === "shifts" && <ShiftsAdmin api={props.api} controller={props.controller} />}
        {tab === "risk" && <RiskAdmin api={props.api} controller={props.controller} />}
        {tab === "triggers" && <RiskTriggers api={props.api} controller={props.controller} />}
        {tab === "exports" && <ExportsAdmin api={props.api} controller={props.controller} />}
      </section>
    </main>
  );
}
