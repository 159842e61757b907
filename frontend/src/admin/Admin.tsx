// The admin area, loaded only when opened: agents, projects (bot, routing, scope, windows,
// members and their permissions, groups) and tags.
import { useState } from "preact/hooks";
import type { Api } from "../api/client";
import type { ConsoleController } from "../console/controller";
import { t } from "../i18n";
import { AgentsAdmin } from "./AgentsAdmin";
import { ProjectsAdmin } from "./ProjectsAdmin";
import { TagsAdmin } from "./TagsAdmin";

type Tab = "agents" | "projects" | "tags";

export function Admin(props: { api: Api; controller: ConsoleController }) {
  const isAdmin = props.controller.state.me.role === "admin";
  const tabs: Tab[] = isAdmin ? ["agents", "projects", "tags"] : ["projects", "tags"];
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
        {tab === "agents" && <AgentsAdmin api={props.api} />}
        {tab === "projects" && <ProjectsAdmin api={props.api} controller={props.controller} />}
        {tab === "tags" && <TagsAdmin api={props.api} controller={props.controller} />}
      </section>
    </main>
  );
}
