// Generated from openapi.json by `make api-types` (openapi-typescript). Do not edit.

export interface paths {
    "/api/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Agents
         * @description Every agent, by username, with effective presence, load, any lock and the last
         *     sign-in (`no_recent_sign_in`: none for 7 days).
         */
        get: operations["list_agents_api_agents_get"];
        put?: never;
        /**
         * Create Agent
         * @description Create an account. Without a password the agent is created invited: the answer's
         *     `invitation` is the link with which they choose one (nobody signs in as them before).
         */
        post: operations["create_agent_api_agents_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agents/{agent_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update Agent
         * @description Change an account. `max_open_sessions: null` removes the limit; a new password or
         *     disabling the account ends the agent's login.
         */
        patch: operations["update_agent_api_agents__agent_id__patch"];
        trace?: never;
    };
    "/api/agents/{agent_id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invite
         * @description A one-time link (valid 72 h) with which the agent sets their password.
         */
        post: operations["invite_api_agents__agent_id__invitations_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agents/{agent_id}/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset Password
         * @description End the agent's login and set a new password, or (without one) void the old
         *     password and answer an invitation link with which the agent chooses a new one.
         */
        post: operations["reset_password_api_agents__agent_id__password_reset_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agents/{agent_id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unlock Agent
         * @description Lift the account's lock after failed logins and forget its failures (a password
         *     reset does this too). A lock on an address is not lifted: it expires by itself.
         */
        post: operations["unlock_agent_api_agents__agent_id__unlock_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Audit
         * @description Entries newest first. Admins read all; supervisors the projects they supervise (one
         *     with `project_id`, else all of them); agents none. A filtered page may hold fewer items
         *     than `limit` and still carry a `next_cursor`.
         */
        get: operations["list_audit_api_audit_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/invitations/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read Invitation
         * @description Whose the invitation link is and the password rule, for the page it opens (no login).
         */
        get: operations["read_invitation_api_auth_invitations__token__get"];
        put?: never;
        /**
         * Accept Invitation
         * @description Set your password with the link an administrator gave you (once), and be signed in:
         *     the answer is a login, as `POST /api/auth/login` gives.
         */
        post: operations["accept_invitation_api_auth_invitations__token__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Login
         * @description Log in. The new token ends the agent's login on any other device.
         */
        post: operations["login_api_auth_login_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Logout */
        post: operations["logout_api_auth_logout_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Dead Letters
         * @description Webhook bodies that were not Telegram updates, newest first (kept 30 days).
         */
        get: operations["dead_letters_api_dead_letters_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Health */
        get: operations["health_api_health_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Links
         * @description The project's links, newest first (deleted ones are gone).
         */
        get: operations["list_links_api_links_get"];
        put?: never;
        /**
         * Create Link
         * @description A new link of the project; Conflict `link_code_taken` when the code is taken.
         */
        post: operations["create_link_api_links_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/links/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Link */
        get: operations["get_link_api_links__code__get"];
        put?: never;
        post?: never;
        /**
         * Delete Link
         * @description The link answers the 404 page from now on; its code is never given again.
         */
        delete: operations["delete_link_api_links__code__delete"];
        options?: never;
        head?: never;
        /**
         * Update Link
         * @description Change the fields sent; Conflict `link_changed` when it changed meanwhile.
         */
        patch: operations["update_link_api_links__code__patch"];
        trace?: never;
    };
    "/api/links/{code}/clicks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Clicks
         * @description The link's clicks, newest first (the export); follow `next_cursor` until null.
         *     Clicks older than the project's retention are gone.
         */
        get: operations["list_clicks_api_links__code__clicks_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/links/{code}/funnel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Link Funnel
         * @description The link's funnel per day and in total over the range (at most 92 days; by default
         *     the last 30), the same per channel and UTM source and campaign over the project's
         *     links, and the link's top countries and device classes. Reads per month the range
         *     touches and per counter shard (8) two Queries, whatever the number of clicks.
         */
        get: operations["link_funnel_api_links__code__funnel_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Me
         * @description Your account with your effective presence (online lapses without heartbeats).
         */
        get: operations["me_api_me_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Heartbeat
         * @description The console is open (every 30 s). Cheap: one write.
         */
        post: operations["heartbeat_api_me_heartbeat_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/presence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set Presence
         * @description online, busy or offline. Online also needs the console's heartbeat to stay online.
         */
        put: operations["set_presence_api_me_presence_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/quick-replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Personal Replies */
        get: operations["list_personal_replies_api_me_quick_replies_get"];
        put?: never;
        /** Create Personal Reply */
        post: operations["create_personal_reply_api_me_quick_replies_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/quick-replies/{reply_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Update Personal Reply */
        put: operations["update_personal_reply_api_me_quick_replies__reply_id__put"];
        post?: never;
        /** Delete Personal Reply */
        delete: operations["delete_personal_reply_api_me_quick_replies__reply_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Notices
         * @description What the caller should know: sessions of theirs routed to someone else because
         *     they were not opened or answered in time; for supervisors, sessions of their projects
         *     returned as often as the project allows. Newest first; kept 14 days.
         */
        get: operations["list_notices_api_notices_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Projects
         * @description The projects you belong to (administrators: all of them).
         */
        get: operations["list_projects_api_projects_get"];
        put?: never;
        /** Create Project */
        post: operations["create_project_api_projects_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Project
         * @description The project with its settings, defaults filled in.
         */
        get: operations["get_project_api_projects__project_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update Project
         * @description Change the name, routing, agent scope, auto-close and reopen windows (a supervisor
         *     of the project). Send only what changes; `routing` may be partial.
         */
        patch: operations["update_project_api_projects__project_id__patch"];
        trace?: never;
    };
    "/api/projects/{project_id}/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Project Agents
         * @description The project's agents with effective presence, open sessions and capacity.
         */
        get: operations["list_project_agents_api_projects__project_id__agents_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/attachment-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Attachment Settings
         * @description The kinds of file the project's agents may send (supervisors read them).
         */
        get: operations["get_attachment_settings_api_projects__project_id__attachment_settings_get"];
        /**
         * Put Attachment Settings
         * @description Replace the kinds of file the project's agents may send (administrators).
         */
        put: operations["put_attachment_settings_api_projects__project_id__attachment_settings_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/autoreply-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Autoreply Settings
         * @description The project's automatic answers, every default filled in.
         */
        get: operations["get_autoreply_settings_api_projects__project_id__autoreply_settings_get"];
        /**
         * Put Autoreply Settings
         * @description Replace the project's automatic answers; the bot applies them within seconds.
         */
        put: operations["put_autoreply_settings_api_projects__project_id__autoreply_settings_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/bot-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace Bot Token
         * @description Replace the project's bot token (a revoked one, or another bot for this project):
         *     the webhook is set again with a fresh secret, and the old token and secret are deleted.
         *     `new_bot` says whether the token is another bot's.
         */
        put: operations["replace_bot_token_api_projects__project_id__bot_token_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/escalation-triggers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Triggers
         * @description The project's triggers, every default filled in (the default phrases in en, zh, ru).
         */
        get: operations["get_triggers_api_projects__project_id__escalation_triggers_get"];
        /**
         * Put Triggers
         * @description Replace the project's triggers (administrators). The stream applies them within
         *     seconds; an unresolved trigger turned on times the sessions opened from then on.
         */
        put: operations["put_triggers_api_projects__project_id__escalation_triggers_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/escalation-wording": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Wording
         * @description What the project's users are told when their issue is escalated, by language.
         */
        get: operations["get_wording_api_projects__project_id__escalation_wording_get"];
        /**
         * Put Wording
         * @description Replace the project's messages (supervisors); a blank language uses the default.
         */
        put: operations["put_wording_api_projects__project_id__escalation_wording_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Project Exports */
        get: operations["list_project_exports_api_projects__project_id__exports_get"];
        put?: never;
        /**
         * Start Project Export
         * @description Start writing the project's sessions of the range to a file; read it for progress.
         */
        post: operations["start_project_export_api_projects__project_id__exports_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/exports/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Project Export */
        get: operations["get_project_export_api_projects__project_id__exports__job_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/faq-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Post Faq Rule
         * @description Add an FAQ rule made from an agent's answer in one of the project's sessions: live at
         *     once from a supervisor; from an agent (their own answer only), a proposal that waits for
         *     a supervisor's approval.
         */
        post: operations["post_faq_rule_api_projects__project_id__faq_rules_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Groups */
        get: operations["list_groups_api_projects__project_id__groups_get"];
        put?: never;
        /**
         * Create Group
         * @description A new group; `agent_ids` must be members of the project.
         */
        post: operations["create_group_api_projects__project_id__groups_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/groups/{group_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Group */
        get: operations["get_group_api_projects__project_id__groups__group_id__get"];
        put?: never;
        post?: never;
        /** Delete Group */
        delete: operations["delete_group_api_projects__project_id__groups__group_id__delete"];
        options?: never;
        head?: never;
        /**
         * Update Group
         * @description Rename the group or replace its agents (members of the project).
         */
        patch: operations["update_group_api_projects__project_id__groups__group_id__patch"];
        trace?: never;
    };
    "/api/projects/{project_id}/handovers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Handovers
         * @description The latest handovers, newest first.
         */
        get: operations["list_handovers_api_projects__project_id__handovers_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/handovers/{shift_id}/{ended_at}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Handover */
        get: operations["get_handover_api_projects__project_id__handovers__shift_id___ended_at__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/handovers/{shift_id}/{ended_at}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge
         * @description The next shift (or a supervisor) has read it; a second acknowledgement is a no-op.
         */
        post: operations["acknowledge_api_projects__project_id__handovers__shift_id___ended_at__acknowledge_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/handovers/{shift_id}/{ended_at}/csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download Csv */
        get: operations["download_csv_api_projects__project_id__handovers__shift_id___ended_at__csv_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/handovers/{shift_id}/{ended_at}/markdown": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download Markdown */
        get: operations["download_markdown_api_projects__project_id__handovers__shift_id___ended_at__markdown_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/ignored-updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ignored Updates
         * @description The updates of this project's bot that were acknowledged without being served
         *     (groups, channels, reactions, ...), counted by kind. Administrators only.
         */
        get: operations["ignored_updates_api_projects__project_id__ignored_updates_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/link-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Link Settings
         * @description What the project's clicks record of a visitor's address, and for how long.
         */
        get: operations["get_link_settings_api_projects__project_id__link_settings_get"];
        /**
         * Update Link Settings
         * @description Change them (audited); they apply to clicks from then on.
         */
        put: operations["update_link_settings_api_projects__project_id__link_settings_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Members
         * @description Members with their permissions (a supervisor of the project).
         */
        get: operations["list_members_api_projects__project_id__members_get"];
        put?: never;
        /** Add Member */
        post: operations["add_member_api_projects__project_id__members_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/members/{agent_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set Member Permissions
         * @description Narrow what a member may do in this project (`permissions: null`: everything).
         */
        put: operations["set_member_permissions_api_projects__project_id__members__agent_id__put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/quick-replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Project Replies
         * @description The project's replies by title, with their use counts.
         */
        get: operations["list_project_replies_api_projects__project_id__quick_replies_get"];
        put?: never;
        /** Create Project Reply */
        post: operations["create_project_reply_api_projects__project_id__quick_replies_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/quick-replies/{reply_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Update Project Reply */
        put: operations["update_project_reply_api_projects__project_id__quick_replies__reply_id__put"];
        post?: never;
        /** Delete Project Reply */
        delete: operations["delete_project_reply_api_projects__project_id__quick_replies__reply_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Retention */
        get: operations["get_retention_api_projects__project_id__retention_get"];
        /**
         * Change Retention
         * @description Set how long sessions and messages are kept; existing ones follow in the background.
         */
        put: operations["change_retention_api_projects__project_id__retention_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/shifts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Shifts */
        get: operations["list_shifts_api_projects__project_id__shifts_get"];
        put?: never;
        /** Create Shift */
        post: operations["create_shift_api_projects__project_id__shifts_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/shifts/on-now": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * On Shift Now
         * @description The shifts running now and their agents.
         */
        get: operations["on_shift_now_api_projects__project_id__shifts_on_now_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/shifts/{shift_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Update Shift */
        put: operations["update_shift_api_projects__project_id__shifts__shift_id__put"];
        post?: never;
        /** Delete Shift */
        delete: operations["delete_shift_api_projects__project_id__shifts__shift_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/shifts/{shift_id}/handover-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Handover Preview
         * @description The summary of the running (else the last) occurrence so far; nothing moved or stored.
         */
        get: operations["handover_preview_api_projects__project_id__shifts__shift_id__handover_preview_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/sla": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Sla
         * @description The project's SLA settings, every default filled in.
         */
        get: operations["get_sla_api_projects__project_id__sla_get"];
        /**
         * Put Sla
         * @description Replace the project's SLA settings (administrators). Tracking starts with the
         *     project's next messages (its webhook reads a project again within 60 seconds).
         */
        put: operations["put_sla_api_projects__project_id__sla_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/survey-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Survey Settings
         * @description The project's survey settings, every default filled in (wording: the project's own).
         */
        get: operations["get_survey_settings_api_projects__project_id__survey_settings_get"];
        /**
         * Put Survey Settings
         * @description Replace the project's survey settings (administrators); the stream applies them to
         *     the sessions resolved from then on, within seconds.
         */
        put: operations["put_survey_settings_api_projects__project_id__survey_settings_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Tags */
        get: operations["list_tags_api_projects__project_id__tags_get"];
        put?: never;
        /**
         * Create Tag
         * @description Add a tag (supervisors of the project); its name is unique in the project, whatever
         *     its case.
         */
        post: operations["create_tag_api_projects__project_id__tags_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/tags/{tag_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete Tag */
        delete: operations["delete_tag_api_projects__project_id__tags__tag_id__delete"];
        options?: never;
        head?: never;
        /** Update Tag */
        patch: operations["update_tag_api_projects__project_id__tags__tag_id__patch"];
        trace?: never;
    };
    "/api/projects/{project_id}/task-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Task Settings
         * @description Reminders in the team's group, the users' night hours: members read them.
         */
        get: operations["get_task_settings_api_projects__project_id__task_settings_get"];
        /**
         * Put Task Settings
         * @description Administrators change them, from the `updated_at` they read.
         */
        put: operations["put_task_settings_api_projects__project_id__task_settings_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/team-chat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Team Chat */
        get: operations["get_team_chat_api_projects__project_id__team_chat_get"];
        put?: never;
        post?: never;
        /**
         * Unbind Team Chat
         * @description Stop posting to the group (`team_chat_not_bound` when none is bound).
         */
        delete: operations["unbind_team_chat_api_projects__project_id__team_chat_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/team-chat/code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create Bind Code
         * @description A one-time code, valid for 15 minutes: add the bot to the team's group and send
         *     `command` there. Binding replaces the group bound before.
         */
        post: operations["create_bind_code_api_projects__project_id__team_chat_code_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/translation-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Translation Settings
         * @description The project's translation settings, every default filled in.
         */
        get: operations["get_translation_settings_api_projects__project_id__translation_settings_get"];
        /**
         * Put Translation Settings
         * @description Replace the project's translation settings (administrators); users' messages are
         *     translated from then on, within seconds.
         */
        put: operations["put_translation_settings_api_projects__project_id__translation_settings_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/users/{tg_user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get User
         * @description The profile, its tags and every session of the user, newest first. Supervisors of
         *     the project and agents holding one of the user's sessions may read it.
         */
        get: operations["get_user_api_projects__project_id__users__tg_user_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update User
         * @description Set or clear the user's time zone (whoever may see the user; audited). The console
         *     then shows their local time and warns when replying in their night.
         */
        patch: operations["update_user_api_projects__project_id__users__tg_user_id__patch"];
        trace?: never;
    };
    "/api/projects/{project_id}/users/{tg_user_id}/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Erase User
         * @description Erase the user's data (administrators only; repeat the user's id in the body). A
         *     long history is erased over several calls: 202 with the progress until `phase` is
         *     `done` (200). Calling again after that changes nothing.
         */
        post: operations["erase_user_api_projects__project_id__users__tg_user_id__erase_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/users/{tg_user_id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export User
         * @description Everything stored about the user (administrators only), one page of at most 4 MB at
         *     a time: follow `next_cursor` until it is null.
         */
        get: operations["export_user_api_projects__project_id__users__tg_user_id__export_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/users/{tg_user_id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List User Messages
         * @description The user's messages across all their sessions, newest first; follow `next_cursor`
         *     to scroll back. A search page may hold fewer items than `limit` (even none) and still
         *     carry a `next_cursor`: each request reads a bounded part of the history.
         */
        get: operations["list_user_messages_api_projects__project_id__users__tg_user_id__messages_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/users/{tg_user_id}/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set User Tags
         * @description Replace the user's tags (needs the `edit_tags` permission).
         */
        put: operations["set_user_tags_api_projects__project_id__users__tg_user_id__tags_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/realtime/ticket": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue Ticket
         * @description A ticket for one WebSocket connection: open `{url}?ticket={ticket}` within 60 s.
         *
         *     Single use: reconnecting takes a new ticket. The connection then receives the changes
         *     this agent may see (sessions, messages, notes) as JSON frames.
         */
        post: operations["issue_ticket_api_realtime_ticket_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Groups
         * @description Groups by name, without their entries. Supervisors see those of their projects.
         */
        get: operations["list_groups_api_risk_groups_get"];
        put?: never;
        /**
         * Create Group
         * @description A new group (administrators). A group holds at most about 300 KB of entries
         *     (`group_too_large`).
         */
        post: operations["create_group_api_risk_groups_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/groups/{gid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Group */
        get: operations["get_group_api_risk_groups__gid__get"];
        put?: never;
        post?: never;
        /** Delete Group */
        delete: operations["delete_group_api_risk_groups__gid__delete"];
        options?: never;
        head?: never;
        /**
         * Update Group
         * @description Change what is sent; `entries` replaces every entry (administrators).
         */
        patch: operations["update_group_api_risk_groups__gid__patch"];
        trace?: never;
    };
    "/api/risk/groups/{gid}/entries.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export Entries
         * @description The group's entries as CSV (columns value,kind).
         */
        get: operations["export_entries_api_risk_groups__gid__entries_csv_get"];
        /**
         * Import Entries
         * @description Replace the group's entries with a CSV's (header value,kind; kind defaults to
         *     keyword; detectors are rows with the kind trc20, erc20 or btc).
         */
        put: operations["import_entries_api_risk_groups__gid__entries_csv_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/groups/{gid}/entries:bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add Entries
         * @description Add pasted entries, one per line; entries already there count as duplicates.
         */
        post: operations["add_entries_api_risk_groups__gid__entries_bulk_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/triggers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Triggers
         * @description Every trigger of risk control (audit entries `risk.trigger`), newest first: outbound
         *     outcomes `blocked`, `confirmation_required`, `confirmed_sent`, `cancelled`; inbound
         *     `flagged`. A page may hold fewer than `limit` items and still carry a `next_cursor`.
         */
        get: operations["list_triggers_api_risk_triggers_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/triggers.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export Triggers
         * @description The trigger log as CSV, newest first (at most 10,000 rows).
         */
        get: operations["export_triggers_api_risk_triggers_csv_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Sessions
         * @description Admins see every project's sessions, supervisors their projects' sessions, agents
         *     the sessions assigned to them; newest activity first, with counts per status.
         */
        get: operations["list_sessions_api_sessions_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Session
         * @description One session. Its assignee opening an `unread` session moves it to `processing` (and
         *     stops its return timer), as reading its messages does; anyone else's read changes
         *     nothing.
         */
        get: operations["get_session_api_sessions__session_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update Session
         * @description Set the status (`processing`, `follow_up`) and/or the priority: the assignee or a
         *     supervisor of the project.
         */
        patch: operations["update_session_api_sessions__session_id__patch"];
        trace?: never;
    };
    "/api/sessions/{session_id}/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Assignments
         * @description How the session came to each of its agents, oldest first: routed, transferred (with
         *     the reason and who it came from), taken over, returned or reopened. Seen by whoever may
         *     see the session; anyone else is told it does not exist (404).
         */
        get: operations["list_assignments_api_sessions__session_id__assignments_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close Session
         * @description End the session: the assignee or a supervisor of the project.
         */
        post: operations["close_session_api_sessions__session_id__close_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/collaborators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Collaborators
         * @description Who collaborates on the session, earliest invited first: whoever may see it.
         */
        get: operations["list_collaborators_api_sessions__session_id__collaborators_get"];
        put?: never;
        /**
         * Invite
         * @description Invite an agent of the project to collaborate: they see the session, read all of it,
         *     write notes and are told of new messages; only the holder replies.
         */
        post: operations["invite_api_sessions__session_id__collaborators_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/collaborators/{agent_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove
         * @description Remove a collaborator (the holder or a supervisor), or leave (the collaborator): they
         *     lose access at once.
         */
        delete: operations["remove_api_sessions__session_id__collaborators__agent_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/collaborators/{agent_id}/hand-over": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hand Over
         * @description Give the reply to a collaborator: a transfer to them that keeps the other
         *     collaborators; the previous holder stays on as a collaborator unless `keep_previous` is
         *     false.
         */
        post: operations["hand_over_api_sessions__session_id__collaborators__agent_id__hand_over_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/escalation-suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Suggestions
         * @description The triggers that fired on this session, oldest first, each with its reason.
         */
        get: operations["get_suggestions_api_sessions__session_id__escalation_suggestions_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/escalations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Escalate
         * @description Escalate the session to l2 or l3: to a group (routed inside it with the project's
         *     mode), a named agent, or (l3) the project's supervisors and admins. By its holder with
         *     the `transfer` permission or a supervisor; the holder loses the session, as with a
         *     transfer. The first escalation opens the session's ticket with the project's next
         *     number; a later one (upward only) adds a hop to the same ticket. The user is told, in
         *     their language, the ticket number and the expected response time for the priority.
         */
        post: operations["escalate_api_sessions__session_id__escalations_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/media-messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send Media
         * @description Send uploaded files (one, or an album of 2 to 10) with a caption. Risk control reads
         *     the caption and the file names; the answer carries the delivery state, as a reply's.
         */
        post: operations["send_media_api_sessions__session_id__media_messages_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Messages
         * @description The session's messages, oldest first; follow `next_cursor` for newer ones. The
         *     assignee reading an unread session moves it to `processing`.
         */
        get: operations["list_messages_api_sessions__session_id__messages_get"];
        put?: never;
        /**
         * Reply
         * @description Send a reply to the session's Telegram user. The answer carries its delivery state:
         *     `sent`, `failed` with a reason, or `retrying` (delivered later by the scheduler). Risk
         *     control answers `risk_blocked` (422) or `risk_confirmation_required` (409) with the
         *     `matches` before anything is stored or sent.
         */
        post: operations["reply_api_sessions__session_id__messages_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/messages/{message_id}/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Media
         * @description The message's file (a photo's largest size), or with `size=thumb` its preview: a
         *     photo's smallest size at least 320 px on its longer side, or the file's thumbnail.
         */
        get: operations["get_media_api_sessions__session_id__messages__message_id__media_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Notes
         * @description The session's shared notes and the caller's personal ones, oldest first.
         */
        get: operations["list_notes_api_sessions__session_id__notes_get"];
        put?: never;
        /**
         * Add Note
         * @description Add a note; a `personal` note is shown to its author only.
         */
        post: operations["add_note_api_sessions__session_id__notes_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/notes/{note_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit Note
         * @description Change a note's text (its author only); `edited_at` tells it was edited.
         */
        patch: operations["edit_note_api_sessions__session_id__notes__note_id__patch"];
        trace?: never;
    };
    "/api/sessions/{session_id}/quick-replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Usable Replies
         * @description The replies the caller may insert here: the project's, then their own.
         */
        get: operations["usable_replies_api_sessions__session_id__quick_replies_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/quick-replies/{reply_id}/filled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Insert Reply
         * @description The reply in the user's language with its placeholders filled, counted as a use.
         *     Nothing is sent: the agent edits the text in the composer and sends it as a reply.
         */
        post: operations["insert_reply_api_sessions__session_id__quick_replies__reply_id__filled_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reopen Session
         * @description Reopen the user's latest session for its last assignee (or as a supervisor), when
         *     the user has no other open session. It comes back `unread`.
         */
        post: operations["reopen_session_api_sessions__session_id__reopen_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/risk-cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel Send
         * @description The agent chose not to send a message risk control asked to confirm: recorded in
         *     the audit log with the outcome `cancelled` and the matches the server finds in `text`.
         *     A text that would not have asked for a confirmation answers 422 `no_risk_match`.
         */
        post: operations["cancel_send_api_sessions__session_id__risk_cancel_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set Session Tags
         * @description Replace the session's tags (needs the `edit_tags` permission).
         */
        put: operations["set_session_tags_api_sessions__session_id__tags_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/take-over": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take Over
         * @description A supervisor of the project makes the session theirs, to write to the user.
         */
        post: operations["take_over_api_sessions__session_id__take_over_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Session Tasks
         * @description The session's tasks, the earliest due first: whoever may see the session.
         */
        get: operations["list_session_tasks_api_sessions__session_id__tasks_get"];
        put?: never;
        /**
         * Create Task
         * @description A task on the session (a promise made to the user, ...): whoever may see it.
         */
        post: operations["create_task_api_sessions__session_id__tasks_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/tasks/{task_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete Task */
        delete: operations["delete_task_api_sessions__session_id__tasks__task_id__delete"];
        options?: never;
        head?: never;
        /**
         * Update Task
         * @description Mark done (or not), move the due time, edit the note, change the owner.
         */
        patch: operations["update_task_api_sessions__session_id__tasks__task_id__patch"];
        trace?: never;
    };
    "/api/sessions/{session_id}/ticket": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Ticket
         * @description The session's ticket, for whoever may see the session (404 `ticket_not_found` when it
         *     was never escalated).
         */
        get: operations["get_ticket_api_sessions__session_id__ticket_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit Ticket
         * @description Change the ticket's problem, what was tried, key messages, emotion or priority (the
         *     session's): by the session's holder or a supervisor of its project. Audited.
         */
        patch: operations["edit_ticket_api_sessions__session_id__ticket_patch"];
        trace?: never;
    };
    "/api/sessions/{session_id}/transcript": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Session Transcript
         * @description Every message with its time and author; attachments as links that need a login.
         */
        get: operations["session_transcript_api_sessions__session_id__transcript_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Transfer
         * @description Give the session to a named agent, to a group (routed inside it with the project's
         *     mode) or to any online agent. Its notes follow it; the previous agent no longer sees
         *     it. A `message` is checked against the project's risk words first (a blocked or
         *     unconfirmed message refuses the whole transfer before anything changes), stored with
         *     the move in one write, then sent and delivered like any reply.
         */
        post: operations["transfer_api_sessions__session_id__transfer_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/translation-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview Translation
         * @description The agent's text in the user's language, to read before sending it (nothing is sent
         *     or stored).
         */
        post: operations["preview_translation_api_sessions__session_id__translation_preview_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create Upload
         * @description Check a file before it is uploaded (Telegram's limits: photos 10 MB, other files
         *     50 MB; the kinds the project allows; `send_files`) and hand out a presigned form for it,
         *     good for 5 minutes.
         */
        post: operations["create_upload_api_sessions__session_id__uploads_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Project Stats
         * @description Figures in total over the range, over the same number of days just before it, and per
         *     row: sessions, first response and resolution times (median, p90), handling and active
         *     time, messages, SLA attainment, satisfaction and (an agent's) time per presence. At most
         *     one filter. Read from counters kept per day: a 90-day request reads a bounded number of
         *     items whatever the traffic (docs/scale.md).
         */
        get: operations["project_stats_api_stats_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Tasks
         * @description The caller's tasks (supervisors: their projects'), the earliest due first.
         */
        get: operations["list_tasks_api_tasks_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Tickets
         * @description A project's tickets, highest number first, for its supervisors and admins, each with
         *     its session's live SLA clocks. A page reads at most `limit` tickets and their sessions
         *     (one batch read); the session filters apply to that page, so it may hold fewer.
         */
        get: operations["list_tickets_api_tickets_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * AgentAccount
         * @description An account with its effective presence and load (administrators, and oneself).
         */
        AgentAccount: {
            /** Agent Id */
            agent_id: string;
            /** Created At */
            created_at: number;
            /**
             * Disabled
             * @default false
             */
            disabled: boolean;
            /** Display Name */
            display_name: string;
            /**
             * Last Sign In At
             * @description When the agent last signed in (epoch ms); null: never
             */
            last_sign_in_at?: number | null;
            /**
             * Locked Until
             * @description While failed logins lock the account: until when (epoch ms). An administrator lifts it with POST /api/agents/{agent_id}/unlock or a password reset
             */
            locked_until?: number | null;
            /** Max Open Sessions */
            max_open_sessions?: number | null;
            /**
             * No Recent Sign In
             * @description In the administrators' list: an enabled agent who has not signed in for 7 days (still in routing scope)
             * @default false
             */
            no_recent_sign_in: boolean;
            /**
             * Open Sessions
             * @default 0
             */
            open_sessions: number;
            /** @default offline */
            presence: components["schemas"]["Presence"];
            role: components["schemas"]["Role"];
            /** Username */
            username: string;
        };
        /** AgentChange */
        AgentChange: {
            /** Disabled */
            disabled?: boolean | null;
            /** Display Name */
            display_name?: string | null;
            /**
             * Max Open Sessions
             * @description Most open sessions at once; null: no limit
             */
            max_open_sessions?: number | null;
            /** Password */
            password?: string | null;
            role?: components["schemas"]["Role"] | null;
        };
        /** AgentCreate */
        AgentCreate: {
            /** Display Name */
            display_name?: string | null;
            /**
             * Password
             * @description Without it the agent is created invited: no password (nobody can sign in as them) until they choose one with the invitation link the answer carries
             */
            password?: string | null;
            /** @default agent */
            role: components["schemas"]["Role"];
            /**
             * Username
             * @example maria
             */
            username: string;
        };
        /** AgentCreated */
        AgentCreated: {
            /** Agent Id */
            agent_id: string;
            /** Created At */
            created_at: number;
            /**
             * Disabled
             * @default false
             */
            disabled: boolean;
            /** Display Name */
            display_name: string;
            /** @description For an agent created without a password: the one-time link (72 h) the administrator hands over, with which the agent chooses one */
            invitation?: components["schemas"]["InvitationPublic"] | null;
            role: components["schemas"]["Role"];
            /** Username */
            username: string;
        };
        /** AgentPublic */
        AgentPublic: {
            /** Agent Id */
            agent_id: string;
            /** Created At */
            created_at: number;
            /**
             * Disabled
             * @default false
             */
            disabled: boolean;
            /** Display Name */
            display_name: string;
            role: components["schemas"]["Role"];
            /** Username */
            username: string;
        };
        /**
         * AgentSummary
         * @description An agent in a project's team list: who, effective presence and load.
         */
        AgentSummary: {
            /** Agent Id */
            agent_id: string;
            /**
             * Disabled
             * @default false
             */
            disabled: boolean;
            /** Display Name */
            display_name: string;
            /** Max Open Sessions */
            max_open_sessions?: number | null;
            /**
             * Open Sessions
             * @default 0
             */
            open_sessions: number;
            /** @default offline */
            presence: components["schemas"]["Presence"];
            role: components["schemas"]["Role"];
            /** Username */
            username: string;
        };
        /**
         * Assignment
         * @description One time the session came to an agent: how, from whom, by whom and why.
         */
        Assignment: {
            /**
             * Agent Id
             * @description Who the session came to
             */
            agent_id: string;
            /** At */
            at: number;
            /**
             * By
             * @description Who moved it (an agent), if anyone did
             */
            by?: string | null;
            /**
             * From Agent Id
             * @description Who held it before, if anyone
             */
            from_agent_id?: string | null;
            /**
             * How
             * @description `routed`, `transferred`, `taken_over`, `returned` or `reopened`
             */
            how: string;
            /**
             * Reason
             * @description The reason given with the move
             */
            reason?: string | null;
        };
        /** AttachmentSettings */
        AttachmentSettings: {
            /**
             * Kinds
             * @description The kinds of file agents may send
             */
            kinds: ("photo" | "document" | "audio" | "video" | "voice")[];
            /** Project Id */
            project_id: string;
            /** Updated At */
            updated_at?: number | null;
        };
        /** AttachmentSettingsChange */
        AttachmentSettingsChange: {
            /** Kinds */
            kinds: ("photo" | "document" | "audio" | "video" | "voice")[];
            /**
             * Updated At
             * @description As read: a stale save is refused
             */
            updated_at?: number | null;
        };
        /** AuditEntryPublic */
        AuditEntryPublic: {
            /** Action */
            action: string;
            /** Actor Id */
            actor_id: string;
            /** After */
            after?: unknown;
            /** At */
            at: number;
            /** Before */
            before?: unknown;
            /** Details */
            details?: {
                [key: string]: unknown;
            } | null;
            /** Entry Id */
            entry_id: string;
            /** Project Id */
            project_id?: string | null;
            /** Source Ip */
            source_ip?: string | null;
            /** Target Id */
            target_id?: string | null;
            /** Target Type */
            target_type?: string | null;
        };
        /** AutoAnswer */
        AutoAnswer: {
            /**
             * Enabled
             * @default false
             */
            enabled: boolean;
            /**
             * Texts
             * @description Per language code (en, zh, ru, ...); the off-hours text may hold `{back}`
             */
            texts?: {
                [key: string]: string;
            };
        };
        /** AutoEscalation */
        AutoEscalation: {
            /**
             * Group Id
             * @description A group of the project's agents
             */
            group_id: string;
            /**
             * Level
             * @default l2
             * @enum {string}
             */
            level: "l2" | "l3";
        };
        /** AutoreplySettings */
        AutoreplySettings: {
            /** Faq */
            faq: components["schemas"]["FaqRule"][];
            /** @description Outside the business hours of the SLA settings */
            off_hours: components["schemas"]["AutoAnswer"];
            /** Project Id */
            project_id: string;
            /** Updated At */
            updated_at?: number | null;
            /** Updated By */
            updated_by?: string | null;
            welcome: components["schemas"]["AutoAnswer"];
        };
        /**
         * AutoreplySettingsChange
         * @description What to save; anything left out takes its default. `updated_at`: the one read.
         */
        AutoreplySettingsChange: {
            /** Faq */
            faq?: components["schemas"]["FaqRule"][] | null;
            off_hours?: components["schemas"]["AutoAnswer"] | null;
            /** Updated At */
            updated_at?: number | null;
            welcome?: components["schemas"]["AutoAnswer"] | null;
        };
        /**
         * BindCodePublic
         * @description A one-time code: send `command` in the group (with the bot in it) before `expires_at`.
         */
        BindCodePublic: {
            /** Code */
            code: string;
            /**
             * Command
             * @description `/bind@<bot username> <code>`, to send in the group
             */
            command: string;
            /** Expires At */
            expires_at: number;
        };
        /** BotTokenReplace */
        BotTokenReplace: {
            /**
             * Bot Token
             * Format: password
             */
            bot_token: string;
        };
        /** BotTokenReplaced */
        BotTokenReplaced: {
            /** Agent Scope */
            agent_scope: "all" | string[];
            /** Auto Close After Hours */
            auto_close_after_hours: number;
            /** Bot Id */
            bot_id: number;
            /** Bot Username */
            bot_username?: string | null;
            /** Created At */
            created_at: number;
            /** Created By */
            created_by: string;
            /** Name */
            name: string;
            /**
             * New Bot
             * @description true: the token is another bot's; the project now answers as that bot
             */
            new_bot: boolean;
            /** Project Id */
            project_id: string;
            /** Reopen Within Days */
            reopen_within_days: number;
            routing: components["schemas"]["RoutingSettings"];
            /**
             * Token Replaced At
             * @description when the bot token was last replaced (epoch ms)
             */
            token_replaced_at?: number | null;
            /** Webhook Url */
            webhook_url: string;
        };
        /** BreachAction */
        BreachAction: {
            /**
             * Notify
             * @description Tell the holder and the project's supervisors (its admins when it has none)
             * @default true
             */
            notify: boolean;
            /**
             * Raise Priority
             * @description Raise the priority one step
             * @default false
             */
            raise_priority: boolean;
            /**
             * Reassign Group Id
             * @description Move the session to this group of the project's agents
             */
            reassign_group_id?: string | null;
        };
        /** ClickCount */
        ClickCount: {
            /** Clicks */
            clicks: number;
            /** Value */
            value: string;
        };
        /**
         * ClickPublic
         * @description One click, for the export (its payload, the bot's start parameter, is not shown).
         */
        ClickPublic: {
            /**
             * Address
             * @description Per the project's address mode
             */
            address?: string | null;
            /** Address Mode */
            address_mode?: ("hashed" | "truncated" | "full") | null;
            /** At */
            at: number;
            /** Browser */
            browser?: string | null;
            /** Channel */
            channel?: string | null;
            /**
             * Click Id
             * @description The click's name (not the bot's start parameter)
             */
            click_id: string;
            /** Code */
            code: string;
            /** Country */
            country?: string | null;
            /** Device */
            device?: string | null;
            /**
             * Is Bot
             * @default false
             */
            is_bot: boolean;
            /** Params */
            params?: {
                [key: string]: string;
            };
            /** Referrer */
            referrer?: string | null;
            /** User Agent */
            user_agent?: string | null;
            /** Utm */
            utm?: {
                [key: string]: string;
            };
            /**
             * Visitor
             * @description Coarse visitor key (unique visitors)
             */
            visitor?: string | null;
        };
        /**
         * ClockView
         * @description A running SLA clock, as of `evaluated_at` (the console counts on from there).
         */
        ClockView: {
            /** Breached At */
            breached_at?: number | null;
            /**
             * Clock
             * @description `first_response`, `next_response` or `resolution`
             */
            clock: string;
            /**
             * Due At
             * @description Absent while paused
             */
            due_at?: number | null;
            /**
             * Paused
             * @description The session is `follow_up`
             * @default false
             */
            paused: boolean;
            /**
             * Remaining Ms
             * @description Business ms left when evaluated (negative: overdue by as much); while paused, exactly what is left
             */
            remaining_ms: number;
            /** Started At */
            started_at: number;
            /** Target Ms */
            target_ms: number;
            /**
             * Warn At
             * @description Absent while paused
             */
            warn_at?: number | null;
            /** Warned At */
            warned_at?: number | null;
        };
        /** CollaboratorCreate */
        CollaboratorCreate: {
            /**
             * Agent Id
             * @description A member of the session's project, not its holder
             */
            agent_id: string;
        };
        /** CollaboratorPublic */
        CollaboratorPublic: {
            /** Agent Id */
            agent_id: string;
            /** Invited At */
            invited_at: number;
            /** Invited By */
            invited_by: string;
            /** Project Id */
            project_id: string;
            /** Session Id */
            session_id: string;
        };
        /** DeadLetterPublic */
        DeadLetterPublic: {
            /** Body */
            body: string;
            /** Body Length */
            body_length?: number | null;
            /**
             * Body Truncated
             * @description Only the body's first 64 KiB (of UTF-8) were kept
             */
            body_truncated?: boolean | null;
            /** Dead Letter Id */
            dead_letter_id: string;
            /** Project Id */
            project_id: string;
            /** Reason */
            reason: string;
            /** Received At */
            received_at: number;
        };
        /** DeliveryPublic */
        DeliveryPublic: {
            /** Attempts */
            attempts: number;
            /** Error Code */
            error_code?: string | null;
            /** Next Attempt At */
            next_attempt_at?: number | null;
            /** Reason */
            reason?: string | null;
            /** Sent At */
            sent_at?: number | null;
            /**
             * State
             * @enum {string}
             */
            state: "sending" | "sent" | "retrying" | "failed";
            /** Telegram Message Id */
            telegram_message_id?: number | null;
        };
        /**
         * Emotion
         * @description How the user feels, as the agent who escalates reads it (on the ticket).
         * @enum {string}
         */
        Emotion: "calm" | "dissatisfied" | "angry" | "threatening";
        /** EntriesPaste */
        EntriesPaste: {
            /**
             * Text
             * @description One entry per line; `detector:trc20`, `detector:erc20`, `detector:btc` add a detector
             */
            text: string;
        };
        /** EntryCounts */
        EntryCounts: {
            /** Added */
            added: number;
            /** Duplicates */
            duplicates: number;
            /** Invalid */
            invalid: number;
            /**
             * Invalid Lines
             * @description Numbers of the lines (or CSV rows, the header being 1) not used
             */
            invalid_lines: number[];
        };
        /**
         * ErasureProgress
         * @description The erasure's tombstone: `phase` is `items`, then `audit`, then `done`.
         */
        ErasureProgress: {
            /** Audit Entries Redacted */
            audit_entries_redacted: number;
            /** Finished At */
            finished_at?: number | null;
            /** Items Erased */
            items_erased: number;
            /** Phase */
            phase: string;
            /** Project Id */
            project_id: string;
            /** Requested By */
            requested_by: string;
            /** Started At */
            started_at: number;
            /** Tg User Id */
            tg_user_id: number;
        };
        /** ErasureRequest */
        ErasureRequest: {
            /**
             * Confirm Tg User Id
             * @description The user's id again: confirms the erasure
             */
            confirm_tg_user_id: number;
        };
        /** ErrorBody */
        ErrorBody: {
            /** Code */
            code: string;
            /** Errors */
            errors?: {
                [key: string]: string;
            }[] | null;
            /** Field */
            field?: string | null;
            /**
             * Locked Until
             * @description `account_locked`: when logins open again (epoch ms)
             */
            locked_until?: number | null;
            /**
             * Match Count
             * @description `risk_blocked`, `risk_confirmation_required`: how many matches there were in all
             */
            match_count?: number | null;
            /**
             * Matches
             * @description `risk_blocked`, `risk_confirmation_required`: what risk control found (group_id, group_name, action, entry, kind, start, end, matched; start and end index the text in Unicode code points); at most 50 of them, first hits of every group and entry first
             */
            matches?: {
                [key: string]: unknown;
            }[] | null;
            /** Message */
            message: string;
        };
        /**
         * EscalationRequest
         * @description Fields left out keep what the ticket holds; a first escalation picks the key messages
         *     (the user's last messages with content) and takes the problem from them.
         */
        EscalationRequest: {
            /**
             * Confirm Risk
             * @description Send the message although it matches `confirm` risk entries
             * @default false
             */
            confirm_risk: boolean;
            emotion?: components["schemas"]["Emotion"] | null;
            /**
             * First Response Minutes
             * @description The ticket's own first-response target, never looser than the project's policy for its priority; the user is told it
             */
            first_response_minutes?: number | null;
            /**
             * Key Message Ids
             * @description Messages of the session
             */
            key_message_ids?: string[] | null;
            /**
             * Level
             * @description Higher than the session's level
             * @enum {string}
             */
            level: "l2" | "l3";
            /**
             * Notify User
             * @description Tell the user (in their language) the ticket number and when to expect an answer
             * @default true
             */
            notify_user: boolean;
            /** @description Sets the session's priority */
            priority?: components["schemas"]["Priority"] | null;
            /**
             * Problem
             * @description The problem in the user's own words
             */
            problem?: string | null;
            /** Reason */
            reason?: string | null;
            /**
             * Resolution Minutes
             * @description The ticket's own resolution target, never looser than the policy's
             */
            resolution_minutes?: number | null;
            to: components["schemas"]["EscalationTarget"];
            /** Tried */
            tried?: string | null;
        };
        /**
         * EscalationTarget
         * @description Exactly one of: a group, a named agent, or (l3 only) the project's supervisors and
         *     admins (one of them, online first, with the fewest open sessions).
         */
        EscalationTarget: {
            /** Agent Id */
            agent_id?: string | null;
            /** Group Id */
            group_id?: string | null;
            /**
             * Supervisors
             * @default false
             */
            supervisors: boolean;
        };
        /** FaqRule */
        FaqRule: {
            /** Answer */
            answer: string;
            /**
             * Buttons
             * @description "That solved it" / "I still need help"
             * @default true
             */
            buttons: boolean;
            /** Created At */
            created_at?: number | null;
            /** Created By */
            created_by?: string | null;
            /**
             * From Message Id
             * @description The agent's answer it was made from
             */
            from_message_id?: string | null;
            /**
             * Keywords
             * @description All of them, anywhere, match
             */
            keywords?: string[];
            /**
             * Language
             * @description The language of its phrases and answer
             * @default en
             */
            language: string;
            /**
             * Phrases
             * @description Any one of them matches
             */
            phrases?: string[];
            /**
             * Proposed
             * @description Proposed by an agent: the bot never gives it until a supervisor approves it
             * @default false
             */
            proposed: boolean;
            /**
             * Rule Id
             * @description Absent for a new rule
             */
            rule_id?: string | null;
        };
        /**
         * FaqRuleFromMessage
         * @description An agent's answer in a session as a new FAQ rule: the answer is the message's text and
         *     the phrase the user's message before it, unless given.
         */
        FaqRuleFromMessage: {
            /** Answer */
            answer?: string | null;
            /**
             * Buttons
             * @default true
             */
            buttons: boolean;
            /** Message Id */
            message_id: string;
            /** Phrases */
            phrases?: string[] | null;
            /** Session Id */
            session_id: string;
        };
        /** FunnelDay */
        FunnelDay: {
            /**
             * Average Rating
             * @description The rated sessions' average score, 1-5 (null when none was rated)
             */
            average_rating: number | null;
            /**
             * Bot Clicks
             * @description Clicks by preview fetchers and crawlers
             */
            bot_clicks: number;
            /**
             * Clicks
             * @description Clicks by people (bots and preview fetchers apart)
             */
            clicks: number;
            /**
             * Day
             * @description YYYY-MM-DD (UTC)
             */
            day: string;
            /**
             * First Messages
             * @description Sessions whose user wrote after the start
             */
            first_messages: number;
            /**
             * First Replies
             * @description Sessions an agent answered
             */
            first_replies: number;
            /**
             * Rated
             * @description Sessions the user rated (satisfaction surveys)
             */
            rated: number;
            /**
             * Resolved
             * @description Sessions closed (for the first time)
             */
            resolved: number;
            /**
             * Starts
             * @description Start pressed in the bot with the link's click
             */
            starts: number;
            /**
             * Visitors
             * @description Unique visitors, per day (summed over a range)
             */
            visitors: number;
        };
        /** FunnelSteps */
        FunnelSteps: {
            /**
             * Average Rating
             * @description The rated sessions' average score, 1-5 (null when none was rated)
             */
            average_rating: number | null;
            /**
             * Bot Clicks
             * @description Clicks by preview fetchers and crawlers
             */
            bot_clicks: number;
            /**
             * Clicks
             * @description Clicks by people (bots and preview fetchers apart)
             */
            clicks: number;
            /**
             * First Messages
             * @description Sessions whose user wrote after the start
             */
            first_messages: number;
            /**
             * First Replies
             * @description Sessions an agent answered
             */
            first_replies: number;
            /**
             * Rated
             * @description Sessions the user rated (satisfaction surveys)
             */
            rated: number;
            /**
             * Resolved
             * @description Sessions closed (for the first time)
             */
            resolved: number;
            /**
             * Starts
             * @description Start pressed in the bot with the link's click
             */
            starts: number;
            /**
             * Visitors
             * @description Unique visitors, per day (summed over a range)
             */
            visitors: number;
        };
        /** FunnelValue */
        FunnelValue: {
            /**
             * Average Rating
             * @description The rated sessions' average score, 1-5 (null when none was rated)
             */
            average_rating: number | null;
            /**
             * Bot Clicks
             * @description Clicks by preview fetchers and crawlers
             */
            bot_clicks: number;
            /**
             * Clicks
             * @description Clicks by people (bots and preview fetchers apart)
             */
            clicks: number;
            /**
             * First Messages
             * @description Sessions whose user wrote after the start
             */
            first_messages: number;
            /**
             * First Replies
             * @description Sessions an agent answered
             */
            first_replies: number;
            /**
             * Rated
             * @description Sessions the user rated (satisfaction surveys)
             */
            rated: number;
            /**
             * Resolved
             * @description Sessions closed (for the first time)
             */
            resolved: number;
            /**
             * Starts
             * @description Start pressed in the bot with the link's click
             */
            starts: number;
            /** Value */
            value: string;
            /**
             * Visitors
             * @description Unique visitors, per day (summed over a range)
             */
            visitors: number;
        };
        /** GroupCreate */
        GroupCreate: {
            /** Agent Ids */
            agent_ids?: string[];
            /**
             * Name
             * @example L2 support
             */
            name: string;
        };
        /** GroupPublic */
        GroupPublic: {
            /** Agent Ids */
            agent_ids: string[];
            /** Created At */
            created_at: number;
            /** Created By */
            created_by: string;
            /** Group Id */
            group_id: string;
            /** Name */
            name: string;
            /** Project Id */
            project_id: string;
            /** Updated At */
            updated_at: number;
        };
        /** GroupUpdate */
        GroupUpdate: {
            /** Agent Ids */
            agent_ids?: string[] | null;
            /** Name */
            name?: string | null;
        };
        /** HandOver */
        HandOver: {
            /**
             * Keep Previous
             * @description The previous holder stays on as a collaborator (the default)
             * @default true
             */
            keep_previous: boolean;
            /** Reason */
            reason?: string | null;
        };
        /** HandoverAgentPublic */
        HandoverAgentPublic: {
            /** Agent Id */
            agent_id: string;
            /** Average Handling Ms */
            average_handling_ms?: number | null;
            /** Closed */
            closed: number;
            /** Handled */
            handled: number;
            /** Median First Response Ms */
            median_first_response_ms?: number | null;
        };
        /** HandoverEvent */
        HandoverEvent: {
            /** Detail */
            detail: string;
            /**
             * Event
             * @description tag:complaint, tag:sensitive, sla_breach, escalation, ...
             */
            event: string;
            /** Session Id */
            session_id: string;
        };
        /** HandoverList */
        HandoverList: {
            /** Items */
            items: components["schemas"]["HandoverPublic"][];
        };
        /** HandoverPromise */
        HandoverPromise: {
            /** Due At */
            due_at: number;
            /** Note */
            note: string;
            /** Session Id */
            session_id: string;
            /** Task Kind */
            task_kind?: string | null;
        };
        /** HandoverPublic */
        HandoverPublic: {
            /** Acknowledged At */
            acknowledged_at?: number | null;
            /** Acknowledged By */
            acknowledged_by?: string | null;
            /** Agents */
            agents: components["schemas"]["HandoverAgentPublic"][];
            /** Ended At */
            ended_at: number;
            /** Events */
            events: components["schemas"]["HandoverEvent"][];
            /** Generated At */
            generated_at: number;
            /** Next Agent Ids */
            next_agent_ids: string[];
            /** Open Sessions */
            open_sessions: components["schemas"]["HandoverSession"][];
            /** Project Id */
            project_id: string;
            /** Promises */
            promises: components["schemas"]["HandoverPromise"][];
            /**
             * Reads
             * @description Items read to make it (bounded)
             */
            reads: number;
            /** Shift Id */
            shift_id: string;
            /** Shift Name */
            shift_name: string;
            /** Started At */
            started_at: number;
            /** Supervisors Reminded At */
            supervisors_reminded_at?: number | null;
            /** Truncated */
            truncated: boolean;
        };
        /** HandoverSession */
        HandoverSession: {
            /**
             * Agent Id
             * @default
             */
            agent_id: string;
            /**
             * Last Note
             * @default
             */
            last_note: string;
            /**
             * Moved To Follow Up
             * @default false
             */
            moved_to_follow_up: boolean;
            /**
             * Next Step
             * @default
             */
            next_step: string;
            /**
             * Priority
             * @default
             */
            priority: string;
            /** Session Id */
            session_id: string;
            /** Status */
            status: string;
            /**
             * Tags
             * @default []
             */
            tags: string[];
            /**
             * User
             * @default
             */
            user: string;
        };
        /** Heartbeat */
        Heartbeat: {
            /** Heartbeat At */
            heartbeat_at: number;
        };
        /** Hop */
        Hop: {
            /** At */
            at: number;
            /** By */
            by: string;
            /** From Agent Id */
            from_agent_id?: string | null;
            from_level: components["schemas"]["Level"];
            priority: components["schemas"]["Priority"];
            /** Reason */
            reason?: string | null;
            /**
             * To Agent Id
             * @description Who got the session
             */
            to_agent_id?: string | null;
            /** To Group Id */
            to_group_id?: string | null;
            to_level: components["schemas"]["Level"];
            /**
             * To Supervisors
             * @default false
             */
            to_supervisors: boolean;
        };
        /** IgnoredUpdates */
        IgnoredUpdates: {
            /**
             * Counts
             * @description Per update kind (`group_message`, `channel_post`, ..., or the update's field name; `unknown` for a name that is not one), how many were acknowledged
             */
            counts: {
                [key: string]: number;
            };
        };
        /** InvitationAccept */
        InvitationAccept: {
            /**
             * Password
             * Format: password
             */
            password: string;
        };
        /**
         * InvitationDetail
         * @description Whose an invitation link is, for the page that opens it (no login).
         */
        InvitationDetail: {
            /** Display Name */
            display_name: string;
            /** Expires At */
            expires_at: number;
            password_rule?: components["schemas"]["PasswordRule"];
            /** Username */
            username: string;
        };
        /** InvitationPublic */
        InvitationPublic: {
            /** Expires At */
            expires_at: number;
            /** Url */
            url: string;
        };
        /** Items[AgentAccount] */
        Items_AgentAccount_: {
            /** Items */
            items: components["schemas"]["AgentAccount"][];
        };
        /** Items[AgentSummary] */
        Items_AgentSummary_: {
            /** Items */
            items: components["schemas"]["AgentSummary"][];
        };
        /** Items[Assignment] */
        Items_Assignment_: {
            /** Items */
            items: components["schemas"]["Assignment"][];
        };
        /** Items[CollaboratorPublic] */
        Items_CollaboratorPublic_: {
            /** Items */
            items: components["schemas"]["CollaboratorPublic"][];
        };
        /** Items[GroupPublic] */
        Items_GroupPublic_: {
            /** Items */
            items: components["schemas"]["GroupPublic"][];
        };
        /** Items[LinkPublic] */
        Items_LinkPublic_: {
            /** Items */
            items: components["schemas"]["LinkPublic"][];
        };
        /** Items[MemberDetail] */
        Items_MemberDetail_: {
            /** Items */
            items: components["schemas"]["MemberDetail"][];
        };
        /** Items[NotePublic] */
        Items_NotePublic_: {
            /** Items */
            items: components["schemas"]["NotePublic"][];
        };
        /** Items[Notice] */
        Items_Notice_: {
            /** Items */
            items: components["schemas"]["Notice"][];
        };
        /** Items[ProjectDetail] */
        Items_ProjectDetail_: {
            /** Items */
            items: components["schemas"]["ProjectDetail"][];
        };
        /** Items[QuickReplyPublic] */
        Items_QuickReplyPublic_: {
            /** Items */
            items: components["schemas"]["QuickReplyPublic"][];
        };
        /** Items[RiskGroupSummary] */
        Items_RiskGroupSummary_: {
            /** Items */
            items: components["schemas"]["RiskGroupSummary"][];
        };
        /** Items[TagPublic] */
        Items_TagPublic_: {
            /** Items */
            items: components["schemas"]["TagPublic"][];
        };
        /** Items[TaskPublic] */
        Items_TaskPublic_: {
            /** Items */
            items: components["schemas"]["TaskPublic"][];
        };
        /** KeyMessage */
        KeyMessage: {
            /** Created At */
            created_at: number;
            /** Excerpt */
            excerpt: string;
            /**
             * Has Media
             * @default false
             */
            has_media: boolean;
            /**
             * Message Id
             * @description Opens the message (and its media) in the session
             */
            message_id: string;
            /** Type */
            type: string;
        };
        /** KeywordChange */
        KeywordChange: {
            /** Enabled */
            enabled?: boolean | null;
            escalate?: components["schemas"]["AutoEscalation"] | null;
            /** Keywords */
            keywords?: string[] | null;
        };
        /** KeywordTrigger */
        KeywordTrigger: {
            /** Enabled */
            enabled: boolean;
            escalate?: components["schemas"]["AutoEscalation"] | null;
            /** Keywords */
            keywords: string[];
        };
        /**
         * LastMessage
         * @description A short preview of a session's last message, for its list row.
         */
        LastMessage: {
            /** At */
            at: number;
            /**
             * Direction
             * @description in: the user's; out: an agent's
             * @enum {string}
             */
            direction: "in" | "out";
            /**
             * Text
             * @description The first 80 characters of its text or caption; empty for bare media
             */
            text: string;
            /**
             * Type
             * @description The message's kind: text, photo, sticker, …
             */
            type: string;
        };
        /**
         * Level
         * @description A session's support level: front line (l1, every session starts here), second line
         *     (l2) and the people in charge (l3). An escalation only ever moves a session up.
         * @enum {string}
         */
        Level: "l1" | "l2" | "l3";
        /** LinkCreate */
        LinkCreate: {
            /**
             * Channel
             * @description Free text: "google-ads", "x", "tg-group"
             */
            channel?: string | null;
            /**
             * Code
             * @description 3 to 32 of A-Z, a-z, 0-9, _ and -; absent: one is generated
             */
            code?: string | null;
            /** Enabled */
            enabled?: boolean | null;
            /**
             * Language
             * @description A language hint, such as "zh"
             */
            language?: string | null;
            /** Name */
            name: string;
            /** Note */
            note?: string | null;
            /** Project Id */
            project_id: string;
            /**
             * Target Agent Ids
             * @description ... or to these agents of the project
             */
            target_agent_ids?: string[] | null;
            /**
             * Target Group Id
             * @description Sessions the link brings go to this group of the project
             */
            target_group_id?: string | null;
            /** @description UTM values a click records when its query has none */
            utm?: components["schemas"]["Utm"] | null;
        };
        /** LinkFunnelPublic */
        LinkFunnelPublic: {
            /**
             * Channels
             * @description Over the project's links, most clicks first
             */
            channels: components["schemas"]["FunnelValue"][];
            /** Code */
            code: string;
            /**
             * Countries
             * @description The link's clicks by country, top 10
             */
            countries: components["schemas"]["ClickCount"][];
            /**
             * Days
             * @description Every day of the range, oldest first
             */
            days: components["schemas"]["FunnelDay"][];
            /**
             * Devices
             * @description The link's clicks by device class
             */
            devices: components["schemas"]["ClickCount"][];
            /**
             * From
             * @description The first day, YYYY-MM-DD (UTC)
             */
            from: string;
            /** Project Id */
            project_id: string;
            /**
             * Time Zone
             * @description The days' time zone (UTC)
             */
            time_zone: string;
            /**
             * To
             * @description The last day, YYYY-MM-DD (UTC), included
             */
            to: string;
            total: components["schemas"]["FunnelSteps"];
            /**
             * Utm Campaigns
             * @description Over the project's links
             */
            utm_campaigns: components["schemas"]["FunnelValue"][];
            /**
             * Utm Sources
             * @description Over the project's links
             */
            utm_sources: components["schemas"]["FunnelValue"][];
        };
        /** LinkPublic */
        LinkPublic: {
            /** Bot Username */
            bot_username?: string | null;
            /** Channel */
            channel?: string | null;
            /** Code */
            code: string;
            /** Created At */
            created_at: number;
            /** Created By */
            created_by: string;
            /**
             * Enabled
             * @default true
             */
            enabled: boolean;
            /** Language */
            language?: string | null;
            /** Name */
            name: string;
            /** Note */
            note?: string | null;
            /** Project Id */
            project_id: string;
            /**
             * Short Url
             * @description The full short URL to share
             */
            short_url: string;
            /** Target Agent Ids */
            target_agent_ids?: string[] | null;
            /** Target Group Id */
            target_group_id?: string | null;
            /** Updated At */
            updated_at: number;
            /** Utm */
            utm?: {
                [key: string]: string;
            };
        };
        /** LinkSettingsPublic */
        LinkSettingsPublic: {
            /**
             * Address Mode
             * @description hashed: a salted hash rotating daily (no address kept); truncated: /24 or /48; full: the address
             * @enum {string}
             */
            address_mode: "hashed" | "truncated" | "full";
            /**
             * Retention Days
             * @description Days a click record is kept (then only counts)
             */
            retention_days: number;
        };
        /** LinkSettingsUpdate */
        LinkSettingsUpdate: {
            /** Address Mode */
            address_mode?: ("hashed" | "truncated" | "full") | null;
            /** Retention Days */
            retention_days?: number | null;
        };
        /**
         * LinkTouchPublic
         * @description A tracked link's click that brought the user (tgdesk.attribution).
         */
        LinkTouchPublic: {
            /** Channel */
            channel?: string | null;
            /** Click Id */
            click_id?: string | null;
            /** Clicked At */
            clicked_at?: number | null;
            /** Code */
            code: string;
            /**
             * Country
             * @description ISO 3166-1 alpha-2
             */
            country?: string | null;
            /**
             * Device
             * @description mobile, tablet, desktop, other
             */
            device?: string | null;
            /**
             * Name
             * @description The link's name, when the click had it
             */
            name?: string | null;
            /**
             * Touched At
             * @description When the user pressed Start
             */
            touched_at?: number | null;
            /**
             * Utm
             * @description utm_source, utm_medium, ...
             */
            utm?: {
                [key: string]: string;
            } | null;
        };
        /**
         * LinkUpdate
         * @description The fields to change; null removes an optional one (channel, utm, target, language,
         *     note).
         */
        LinkUpdate: {
            /**
             * Channel
             * @description Free text: "google-ads", "x", "tg-group"
             */
            channel?: string | null;
            /** Enabled */
            enabled?: boolean | null;
            /**
             * Language
             * @description A language hint, such as "zh"
             */
            language?: string | null;
            /** Name */
            name?: string | null;
            /** Note */
            note?: string | null;
            /**
             * Target Agent Ids
             * @description ... or to these agents of the project
             */
            target_agent_ids?: string[] | null;
            /**
             * Target Group Id
             * @description Sessions the link brings go to this group of the project
             */
            target_group_id?: string | null;
            /** @description UTM values a click records when its query has none */
            utm?: components["schemas"]["Utm"] | null;
        };
        /** LoginRequest */
        LoginRequest: {
            /**
             * Password
             * Format: password
             */
            password: string;
            /** Username */
            username: string;
        };
        /** LoginResponse */
        LoginResponse: {
            agent: components["schemas"]["AgentPublic"];
            /** Expires At */
            expires_at: number;
            /** Token */
            token: string;
        };
        /** ManagerChange */
        ManagerChange: {
            /** Enabled */
            enabled?: boolean | null;
            escalate?: components["schemas"]["AutoEscalation"] | null;
            /** Phrases */
            phrases?: {
                [key: string]: string[];
            } | null;
            /** Times */
            times?: number | null;
        };
        /** ManagerTrigger */
        ManagerTrigger: {
            /** Enabled */
            enabled: boolean;
            escalate?: components["schemas"]["AutoEscalation"] | null;
            /**
             * Phrases
             * @description Per language code; a user's message is matched against every language's
             */
            phrases: {
                [key: string]: string[];
            };
            /**
             * Times
             * @description The user's messages asking for a manager or to complain
             */
            times: number;
        };
        /** MediaMessageCreate */
        MediaMessageCreate: {
            /**
             * Caption
             * @description At most 1024 characters
             * @default
             */
            caption: string;
            /**
             * Client Message Id
             * @description The console's own id for this message: sending it again is harmless
             */
            client_message_id?: string | null;
            /**
             * Confirm Risk
             * @description Send although risk control asked for a confirmation (`risk_confirmation_required`)
             * @default false
             */
            confirm_risk: boolean;
            /**
             * Uploads
             * @description Upload ids; 2 to 10 are sent as an album
             */
            uploads: string[];
        };
        /** MemberCreate */
        MemberCreate: {
            /** Agent Id */
            agent_id: string;
        };
        /** MemberDetail */
        MemberDetail: {
            /** Agent Id */
            agent_id: string;
            /** Disabled */
            disabled?: boolean | null;
            /** Display Name */
            display_name?: string | null;
            /** Joined At */
            joined_at: number;
            /**
             * Permissions
             * @description What the member may do here; null: everything
             */
            permissions?: ("reply" | "transfer" | "edit_tags" | "export" | "send_files")[] | null;
            /** Project Id */
            project_id: string;
            role?: components["schemas"]["Role"] | null;
            /** Username */
            username?: string | null;
        };
        /** MemberPermissions */
        MemberPermissions: {
            /** Permissions */
            permissions: ("reply" | "transfer" | "edit_tags" | "export" | "send_files")[] | null;
        };
        /** MessageCreate */
        MessageCreate: {
            /**
             * Client Message Id
             * @description The console's own id for this message: sending it again is harmless
             */
            client_message_id?: string | null;
            /**
             * Confirm Risk
             * @description Send although risk control asked for a confirmation (`risk_confirmation_required`)
             * @default false
             */
            confirm_risk: boolean;
            /**
             * Original Text
             * @description When `text` is a translation: what the agent wrote, kept with the message; risk control checks both
             */
            original_text?: string | null;
            /**
             * Text
             * @description 1 to 4096 characters once leading and trailing blanks go
             */
            text: string;
        };
        /** MessagePublic */
        MessagePublic: {
            /**
             * Attachments
             * @description An agent's files (tgdesk.attachments): kind, file_name, mime_type, file_size, and Telegram's file_id once sent; `media` is the first one's
             */
            attachments?: {
                [key: string]: unknown;
            }[] | null;
            /** Callback Query */
            callback_query?: {
                [key: string]: unknown;
            } | null;
            /** Caption */
            caption?: string | null;
            /** Caption Entities */
            caption_entities?: {
                [key: string]: unknown;
            }[] | null;
            /** Client Message Id */
            client_message_id?: string | null;
            /** Contact */
            contact?: {
                [key: string]: unknown;
            } | null;
            /** Created At */
            created_at: number;
            /**
             * Cut
             * @description What of the user's message was not stored whole: the fields cut short or left out (`text`, `raw`, `location`, ...), `unicode` when invalid characters were replaced with U+FFFD
             */
            cut?: string[] | null;
            delivery?: components["schemas"]["DeliveryPublic"] | null;
            /** Dice */
            dice?: {
                [key: string]: unknown;
            } | null;
            /**
             * Direction
             * @enum {string}
             */
            direction: "in" | "out";
            /** Edited At */
            edited_at?: number | null;
            /** Edits */
            edits?: {
                [key: string]: unknown;
            }[] | null;
            /**
             * Edits Dropped
             * @description Earlier versions left out of `edits` to keep the message small
             */
            edits_dropped?: number | null;
            /** Entities */
            entities?: {
                [key: string]: unknown;
            }[] | null;
            /** Forward */
            forward?: {
                [key: string]: unknown;
            } | null;
            /**
             * From Bot
             * @description Sent by the bot on its own (a welcome, an FAQ or off-hours answer, a survey), not by an agent
             */
            from_bot?: boolean | null;
            /** Location */
            location?: {
                [key: string]: unknown;
            } | null;
            /** Media */
            media?: {
                [key: string]: unknown;
            } | null;
            /** Media Group Id */
            media_group_id?: string | null;
            /** Message Id */
            message_id: string;
            /**
             * Original Text
             * @description A translated reply: what the agent wrote (`text` was sent)
             */
            original_text?: string | null;
            /** Poll */
            poll?: {
                [key: string]: unknown;
            } | null;
            /** Project Id */
            project_id: string;
            /** Reply To */
            reply_to?: {
                [key: string]: unknown;
            } | null;
            /**
             * Risk
             * @description A user's message that risk control flagged: the matches
             */
            risk?: {
                [key: string]: unknown;
            }[] | null;
            /** Sender Agent Id */
            sender_agent_id?: string | null;
            /** Session Id */
            session_id: string;
            /** Telegram Date */
            telegram_date?: number | null;
            /** Telegram Message Id */
            telegram_message_id?: number | null;
            /** Text */
            text?: string | null;
            /** Tg User Id */
            tg_user_id: number;
            /** @description A user's message in the agents' language (tgdesk.translation) */
            translation?: components["schemas"]["TranslationPublic"] | null;
            /** Type */
            type: string;
            /** Venue */
            venue?: {
                [key: string]: unknown;
            } | null;
        };
        /** NoteCreate */
        NoteCreate: {
            /**
             * Personal
             * @description Only its author will see it
             * @default false
             */
            personal: boolean;
            /** Text */
            text: string;
        };
        /** NotePublic */
        NotePublic: {
            /** Author Id */
            author_id: string;
            /** Created At */
            created_at: number;
            /** Edited At */
            edited_at?: number | null;
            /** Note Id */
            note_id: string;
            /** Personal */
            personal: boolean;
            /** Project Id */
            project_id: string;
            /** Session Id */
            session_id: string;
            /** Text */
            text: string;
        };
        /** NoteUpdate */
        NoteUpdate: {
            /** Text */
            text: string;
        };
        /** Notice */
        Notice: {
            /** At */
            at: number;
            /** Audit Entry Id */
            audit_entry_id?: string | null;
            /** Due At */
            due_at?: number | null;
            /**
             * Notice
             * @description `session_returned`: a session of yours went to `to_agent_id`, not opened in time; `session_return_limit`: a session of your project was returned `returns` times in a row without being opened and now stays with `to_agent_id`; `task_due`: a follow-up task of yours (`task_id`) on the session is due (`due_at`)
             */
            notice: string;
            /** Project Id */
            project_id: string;
            /** Returns */
            returns?: number | null;
            /** Session Id */
            session_id: string;
            /** Task Id */
            task_id?: string | null;
            /** To Agent Id */
            to_agent_id?: string | null;
        };
        /** OnShift */
        OnShift: {
            /** Agent Ids */
            agent_ids: string[];
            /** Ends At */
            ends_at: number;
            /** Name */
            name: string;
            /** Shift Id */
            shift_id: string;
            /** Started At */
            started_at: number;
        };
        /** OnShiftList */
        OnShiftList: {
            /** Items */
            items: components["schemas"]["OnShift"][];
        };
        /** Page[AuditEntryPublic] */
        Page_AuditEntryPublic_: {
            /** Items */
            items: components["schemas"]["AuditEntryPublic"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[ClickPublic] */
        Page_ClickPublic_: {
            /** Items */
            items: components["schemas"]["ClickPublic"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[DeadLetterPublic] */
        Page_DeadLetterPublic_: {
            /** Items */
            items: components["schemas"]["DeadLetterPublic"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[MessagePublic] */
        Page_MessagePublic_: {
            /** Items */
            items: components["schemas"]["MessagePublic"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[TriggerPublic] */
        Page_TriggerPublic_: {
            /** Items */
            items: components["schemas"]["TriggerPublic"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** PasswordReset */
        PasswordReset: {
            /**
             * Password
             * @description The new password; without it the old one stops working and an invitation link is returned for the agent to choose one
             */
            password?: string | null;
        };
        /** PasswordResetResult */
        PasswordResetResult: {
            agent: components["schemas"]["AgentPublic"];
            invitation?: components["schemas"]["InvitationPublic"] | null;
        };
        /** PasswordRule */
        PasswordRule: {
            /**
             * Max Length
             * @default 256
             */
            max_length: number;
            /**
             * Min Length
             * @default 12
             */
            min_length: number;
        };
        /** Policy */
        Policy: {
            breach_action: components["schemas"]["BreachAction"];
            /**
             * Business Hours
             * @description Count only the project's business hours
             */
            business_hours: boolean;
            /** First Response Minutes */
            first_response_minutes: number;
            /** Next Response Minutes */
            next_response_minutes: number;
            /** Resolution Minutes */
            resolution_minutes: number;
        };
        /**
         * PolicyChange
         * @description A priority's targets; what is left out takes its default (next response: first
         *     response).
         */
        PolicyChange: {
            breach_action?: components["schemas"]["BreachAction"] | null;
            /** Business Hours */
            business_hours?: boolean | null;
            /** First Response Minutes */
            first_response_minutes?: number | null;
            /** Next Response Minutes */
            next_response_minutes?: number | null;
            /** Resolution Minutes */
            resolution_minutes?: number | null;
        };
        /**
         * Presence
         * @enum {string}
         */
        Presence: "online" | "busy" | "offline";
        /** PresenceUpdate */
        PresenceUpdate: {
            state: components["schemas"]["Presence"];
        };
        /**
         * Priority
         * @enum {string}
         */
        Priority: "urgent" | "high" | "medium" | "low";
        /** ProjectCreate */
        ProjectCreate: {
            /**
             * Bot Token
             * Format: password
             */
            bot_token: string;
            /** Name */
            name: string;
        };
        /** ProjectDetail */
        ProjectDetail: {
            /** Agent Scope */
            agent_scope: "all" | string[];
            /** Auto Close After Hours */
            auto_close_after_hours: number;
            /** Bot Id */
            bot_id: number;
            /** Bot Username */
            bot_username?: string | null;
            /** Created At */
            created_at: number;
            /** Created By */
            created_by: string;
            /** Name */
            name: string;
            /** Project Id */
            project_id: string;
            /** Reopen Within Days */
            reopen_within_days: number;
            routing: components["schemas"]["RoutingSettings"];
            /**
             * Token Replaced At
             * @description when the bot token was last replaced (epoch ms)
             */
            token_replaced_at?: number | null;
            /** Webhook Url */
            webhook_url: string;
        };
        /** ProjectExportList */
        ProjectExportList: {
            /** Items */
            items: components["schemas"]["ProjectExportPublic"][];
        };
        /** ProjectExportPublic */
        ProjectExportPublic: {
            /**
             * Bytes
             * @description Bytes of the file written so far
             */
            bytes?: number | null;
            /** Created At */
            created_at: number;
            /** Created By */
            created_by: string;
            /**
             * Download Expires In
             * @description Seconds the download link works
             */
            download_expires_in?: number | null;
            /**
             * Download Url
             * @description Once done: a link that downloads the JSON Lines file
             */
            download_url?: string | null;
            /** Error */
            error?: string | null;
            /** Finished At */
            finished_at?: number | null;
            /** From At */
            from_at?: number | null;
            /** Job Id */
            job_id: string;
            /**
             * Messages
             * @description Messages written so far
             */
            messages: number;
            /** Project Id */
            project_id: string;
            /**
             * Sessions
             * @description Sessions written so far
             */
            sessions: number;
            /**
             * State
             * @enum {string}
             */
            state: "running" | "done" | "failed";
            /** To At */
            to_at?: number | null;
            /** Updated At */
            updated_at: number;
        };
        /**
         * ProjectExportStart
         * @description The range of last activity whose sessions are exported (epoch ms, at most 366 days).
         */
        ProjectExportStart: {
            /**
             * From At
             * @description Sessions active at or after (epoch ms)
             */
            from_at: number;
            /**
             * To At
             * @description Sessions active at or before (epoch ms)
             */
            to_at: number;
        };
        /** ProjectPublic */
        ProjectPublic: {
            /** Bot Id */
            bot_id: number;
            /** Bot Username */
            bot_username?: string | null;
            /** Created At */
            created_at: number;
            /** Created By */
            created_by: string;
            /** Name */
            name: string;
            /** Project Id */
            project_id: string;
            /** Webhook Url */
            webhook_url: string;
        };
        /** ProjectSettingsUpdate */
        ProjectSettingsUpdate: {
            /**
             * Agent Scope
             * @description "all" members, or a list of member agent ids
             */
            agent_scope?: "all" | string[] | null;
            /** Auto Close After Hours */
            auto_close_after_hours?: number | null;
            /** Name */
            name?: string | null;
            /** Reopen Within Days */
            reopen_within_days?: number | null;
            routing?: components["schemas"]["RoutingUpdate"] | null;
        };
        /**
         * QuickReplyFilled
         * @description A reply's text for one session's user, to edit in the composer before sending.
         */
        QuickReplyFilled: {
            /** Language */
            language: string;
            /** Reply Id */
            reply_id: string;
            /** Text */
            text: string;
            /** Title */
            title: string;
            /**
             * Unfilled
             * @description Placeholders the session has no value for
             */
            unfilled: string[];
        };
        /** QuickReplyPublic */
        QuickReplyPublic: {
            /** Last Used At */
            last_used_at?: number | null;
            /**
             * Owner
             * @enum {string}
             */
            owner: "project" | "agent";
            /**
             * Owner Id
             * @description The project, or the agent of a personal reply
             */
            owner_id: string;
            /** Reply Id */
            reply_id: string;
            /** Texts */
            texts: {
                [key: string]: string;
            };
            /** Title */
            title: string;
            /** Updated At */
            updated_at: number;
            /**
             * Uses
             * @description How many times it was inserted (0: never)
             * @default 0
             */
            uses: number;
            /** Version */
            version: number;
        };
        /**
         * QuickReplyWrite
         * @description A new quick reply, or a reply's new title and texts (`version`: the one read).
         */
        QuickReplyWrite: {
            /**
             * Texts
             * @description Language (en, zh, ru) -> text; blank languages are dropped
             */
            texts: {
                [key: string]: string | null;
            };
            /** Title */
            title: string;
            /**
             * Version
             * @description The version read (on a change)
             */
            version?: number | null;
        };
        /** QuietHours */
        QuietHours: {
            /** End Minute */
            end_minute: number;
            /**
             * Start Minute
             * @description Minutes after midnight, the user's local time
             */
            start_minute: number;
        };
        /** RealtimeTicket */
        RealtimeTicket: {
            /** Expires At */
            expires_at: number;
            /** Ticket */
            ticket: string;
            /** Url */
            url: string;
        };
        /** RetentionBackfill */
        RetentionBackfill: {
            /** Messages */
            messages: number;
            /** Sessions */
            sessions: number;
            /**
             * State
             * @enum {string}
             */
            state: "running" | "done" | "failed";
        };
        /** RetentionChange */
        RetentionChange: {
            /**
             * Retention Days
             * @description Sessions and messages expire this many days after their last message; null keeps them
             */
            retention_days: number | null;
        };
        /** RetentionPublic */
        RetentionPublic: {
            /** @description Existing sessions and messages being given the setting */
            backfill: components["schemas"]["RetentionBackfill"] | null;
            /**
             * Least Days
             * @description The least retention this project accepts
             */
            least_days: number;
            /** Retention Days */
            retention_days: number | null;
        };
        /**
         * RiskCancel
         * @description A send the agent cancelled: the text itself, which the server scans again. Whatever
         *     else a client sends (such as matches of its own) is ignored.
         */
        RiskCancel: {
            /**
             * Text
             * @description The text of the reply that was not sent, exactly as it was posted
             */
            text: string;
        };
        /** RiskEntry */
        RiskEntry: {
            /**
             * Kind
             * @default keyword
             * @enum {string}
             */
            kind: "keyword" | "trc20" | "erc20" | "btc";
            /**
             * Value
             * @description A keyword or fragment; for a detector, its name
             */
            value: string;
        };
        /** RiskGroupCreate */
        RiskGroupCreate: {
            /**
             * Action
             * @enum {string}
             */
            action: "confirm" | "block";
            /**
             * Allowed
             * @description Addresses that never trigger (your own)
             */
            allowed?: string[];
            /** Entries */
            entries?: components["schemas"]["RiskEntry"][];
            /** Name */
            name: string;
            /**
             * Project Ids
             * @description The projects it applies to; null: every project
             */
            project_ids?: string[] | null;
        };
        /** RiskGroupPublic */
        RiskGroupPublic: {
            /**
             * Action
             * @enum {string}
             */
            action: "confirm" | "block";
            /**
             * Allowed
             * @default []
             */
            allowed: string[];
            /** Created At */
            created_at: number;
            /** Created By */
            created_by: string;
            /** Entries */
            entries: components["schemas"]["RiskEntry"][];
            /** Entry Count */
            entry_count: number;
            /** Group Id */
            group_id: string;
            /** Name */
            name: string;
            /** Project Ids */
            project_ids?: string[] | null;
            /** Updated At */
            updated_at: number;
            /** Version */
            version: string;
        };
        /** RiskGroupSummary */
        RiskGroupSummary: {
            /**
             * Action
             * @enum {string}
             */
            action: "confirm" | "block";
            /**
             * Allowed
             * @default []
             */
            allowed: string[];
            /** Created At */
            created_at: number;
            /** Created By */
            created_by: string;
            /** Entry Count */
            entry_count: number;
            /** Group Id */
            group_id: string;
            /** Name */
            name: string;
            /** Project Ids */
            project_ids?: string[] | null;
            /** Updated At */
            updated_at: number;
            /** Version */
            version: string;
        };
        /**
         * RiskGroupUpdate
         * @description Only the fields sent change; `project_ids: null` means every project.
         */
        RiskGroupUpdate: {
            /** Action */
            action?: ("confirm" | "block") | null;
            /** Allowed */
            allowed?: string[] | null;
            /** Entries */
            entries?: components["schemas"]["RiskEntry"][] | null;
            /** Name */
            name?: string | null;
            /** Project Ids */
            project_ids?: string[] | null;
        };
        /**
         * Role
         * @description An agent's role: admins run the whole desk; supervisors see and steer every session of
         *     their projects; agents see what is theirs.
         * @enum {string}
         */
        Role: "admin" | "supervisor" | "agent";
        /**
         * RoutingMode
         * @enum {string}
         */
        RoutingMode: "round_robin" | "online_first" | "balanced";
        /** RoutingSettings */
        RoutingSettings: {
            /**
             * Max Returns
             * @description How many times in a row the return timer moves a session nobody opens; then it stays and the project's supervisors get a `session_return_limit` notice
             * @default 3
             */
            max_returns: number;
            mode: components["schemas"]["RoutingMode"];
            /** Return After Minutes */
            return_after_minutes?: number | null;
            /** Sticky Returning Users */
            sticky_returning_users: boolean;
        };
        /** RoutingUpdate */
        RoutingUpdate: {
            /** Max Returns */
            max_returns?: number | null;
            mode?: components["schemas"]["RoutingMode"] | null;
            /** Return After Minutes */
            return_after_minutes?: number | null;
            /** Sticky Returning Users */
            sticky_returning_users?: boolean | null;
        };
        /** SessionList */
        SessionList: {
            /** @description Sessions per status for the same filters, ignoring the status filter */
            counts: components["schemas"]["StatusCounts"];
            /**
             * Counts Complete
             * @description False when there were too many sessions to count them all
             */
            counts_complete: boolean;
            /** Items */
            items: components["schemas"]["SessionView"][];
            /** Next Cursor */
            next_cursor?: string | null;
            /**
             * Unread Ids
             * @description The page's sessions whose user wrote since the caller last opened them (the caller's own read state, kept by the server: an unread badge after a reload)
             * @default []
             */
            unread_ids: string[];
        };
        /**
         * SessionRating
         * @description The user's satisfaction rating of a resolved session.
         */
        SessionRating: {
            /**
             * Agent Id
             * @description The agent who resolved it
             */
            agent_id?: string | null;
            /** At */
            at: number;
            /**
             * Comment
             * @description The user's next message, as sent
             */
            comment?: string | null;
            /** Comment At */
            comment_at?: number | null;
            /** Score */
            score: number;
            /** Ticket Number */
            ticket_number?: number | null;
        };
        /** SessionUpdate */
        SessionUpdate: {
            priority?: components["schemas"]["Priority"] | null;
            /**
             * Status
             * @description Close and reopen have their own endpoints
             */
            status?: ("processing" | "follow_up") | null;
        };
        /**
         * SessionView
         * @description A session with its lifecycle and tag attributes.
         */
        SessionView: {
            /** Assigned At */
            assigned_at?: number | null;
            /** Assignee Id */
            assignee_id?: string | null;
            /** Chat Id */
            chat_id?: number | null;
            /** Closed At */
            closed_at?: number | null;
            /**
             * Collaborator Ids
             * @description Agents invited to collaborate: they see the session and write notes; only its holder replies
             * @default []
             */
            collaborator_ids: string[];
            /** First Inbound At */
            first_inbound_at?: number | null;
            /** First Reply At */
            first_reply_at?: number | null;
            /** Last Activity At */
            last_activity_at: number;
            /** Last Agent Msg At */
            last_agent_msg_at?: number | null;
            /** @description The last message, user's or agent's, in short */
            last_message?: components["schemas"]["LastMessage"] | null;
            /** Last User Msg At */
            last_user_msg_at?: number | null;
            /**
             * @description The support level; escalations raise it
             * @default l1
             */
            level: components["schemas"]["Level"];
            /** @description The tracked link whose click opened the session */
            link?: components["schemas"]["LinkTouchPublic"] | null;
            /** Opened At */
            opened_at: number;
            priority: components["schemas"]["Priority"];
            /** Project Id */
            project_id: string;
            /**
             * Queued At
             * @description Since when the session waits in its project's queue: nobody eligible had room for it; absent once it has an agent (or is closed)
             */
            queued_at?: number | null;
            /** @description The user's satisfaction rating (1-5) and comment, once they pressed */
            rating?: components["schemas"]["SessionRating"] | null;
            /** Reopened At */
            reopened_at?: number | null;
            /** Session Id */
            session_id: string;
            /** @description SLA clocks, when the project tracks them (tgdesk.sla) */
            sla?: components["schemas"]["SlaView"] | null;
            status: components["schemas"]["Status"];
            /**
             * Tags
             * @description Ids of the project's tags
             * @default []
             */
            tags: string[];
            /**
             * Tasks Open
             * @description Open and overdue follow-up tasks
             * @default 0
             */
            tasks_open: number;
            /**
             * Tasks Overdue
             * @description Follow-up tasks past their due time
             * @default 0
             */
            tasks_overdue: number;
            /** Tg User Id */
            tg_user_id: number;
            /** @description The escalation ticket in short, once the session has one */
            ticket?: components["schemas"]["TicketSummary"] | null;
            /** User */
            user?: {
                [key: string]: unknown;
            } | null;
            /**
             * Waiting Since
             * @description Since when the user waits for an answer: their first message after the last agent reply; absent once an agent replies (or the session is closed)
             */
            waiting_since?: number | null;
        };
        /**
         * ShiftChange
         * @description A new shift, or the fields of one to change (absent: unchanged).
         */
        ShiftChange: {
            /**
             * Ack Minutes
             * @description Supervisors are reminded of an unacknowledged handover
             */
            ack_minutes?: number | null;
            /** Agent Ids */
            agent_ids?: string[] | null;
            /**
             * Days
             * @description mon, tue, ... sun: start days
             */
            days?: string[] | null;
            /**
             * End
             * @description HH:MM; at or before the start: the next day
             */
            end?: string | null;
            /** Name */
            name?: string | null;
            /**
             * Post Summary
             * @description Post it to the team's group
             */
            post_summary?: boolean | null;
            /**
             * Reminder Minutes
             * @description Reminders this many minutes before the end
             */
            reminder_minutes?: number[] | null;
            /**
             * Start
             * @description HH:MM in the shift's time zone
             */
            start?: string | null;
            /**
             * Time Zone
             * @description IANA; default the project's
             */
            time_zone?: string | null;
            /**
             * Version
             * @description The version read (on a change)
             */
            version?: number | null;
        };
        /** ShiftList */
        ShiftList: {
            /** Items */
            items: components["schemas"]["ShiftPublic"][];
        };
        /** ShiftPublic */
        ShiftPublic: {
            /** Ack Minutes */
            ack_minutes: number;
            /** Agent Ids */
            agent_ids: string[];
            /** Days */
            days: string[];
            /** End */
            end: string;
            /** Name */
            name: string;
            /** Next Event At */
            next_event_at?: number | null;
            /** Post Summary */
            post_summary: boolean;
            /** Project Id */
            project_id: string;
            /** Reminder Minutes */
            reminder_minutes: number[];
            /** Shift Id */
            shift_id: string;
            /** Start */
            start: string;
            /** Time Zone */
            time_zone: string;
            /** Updated At */
            updated_at: number;
            /** Version */
            version: number;
        };
        /** SlaEvent */
        SlaEvent: {
            /** At */
            at: number;
            /** Clock */
            clock: string;
            /** Due At */
            due_at: number;
            priority: components["schemas"]["Priority"];
            /**
             * Stage
             * @description `warning` or `breach`
             */
            stage: string;
        };
        /** SlaSettings */
        SlaSettings: {
            /**
             * Business Hours
             * @description Per weekday (`mon` .. `sun`) zero or more intervals of local time, `[["09:00", "17:00"]]` ("24:00" ends the day); a weekday left out is closed. `null`: calendar time
             */
            business_hours?: {
                [key: string]: string[][];
            } | null;
            /**
             * Enabled
             * @description Whether the project's sessions run SLA clocks
             */
            enabled: boolean;
            /**
             * Holidays
             * @description Local dates (YYYY-MM-DD) on which no clock counts
             */
            holidays: string[];
            /** Policies */
            policies: {
                [key: string]: components["schemas"]["Policy"];
            };
            /** Project Id */
            project_id: string;
            /**
             * Time Zone
             * @description IANA time zone of the business hours and holidays
             */
            time_zone: string;
            /** Updated At */
            updated_at?: number | null;
            /** Updated By */
            updated_by?: string | null;
            /**
             * Warn Percent
             * @description The holder is warned when this share has passed
             */
            warn_percent: number;
        };
        /**
         * SlaSettingsChange
         * @description The whole of a project's SLA settings; what is left out takes its default.
         */
        SlaSettingsChange: {
            /**
             * Business Hours
             * @description Per weekday (`mon` .. `sun`) zero or more intervals of local time, `[["09:00", "17:00"]]` ("24:00" ends the day); a weekday left out is closed. `null`: calendar time
             */
            business_hours?: {
                [key: string]: string[][];
            } | null;
            /**
             * Enabled
             * @default false
             */
            enabled: boolean;
            /** Holidays */
            holidays?: string[];
            /** Policies */
            policies?: {
                [key: string]: components["schemas"]["PolicyChange"];
            };
            /**
             * Time Zone
             * @description Default: TGDESK_TIME_ZONE
             */
            time_zone?: string | null;
            /**
             * Warn Percent
             * @default 80
             */
            warn_percent: number;
        };
        /**
         * SlaView
         * @description A session's SLA clocks (tgdesk.sla): those running, and its warnings and breaches.
         */
        SlaView: {
            /**
             * Breaches
             * @default 0
             */
            breaches: number;
            /** Clocks */
            clocks?: components["schemas"]["ClockView"][];
            /**
             * Due At
             * @description The earliest due time of the running clocks
             */
            due_at?: number | null;
            /** Evaluated At */
            evaluated_at?: number | null;
            /**
             * Events
             * @description The latest warnings and breaches, oldest first
             */
            events?: components["schemas"]["SlaEvent"][];
            /**
             * Warnings
             * @default 0
             */
            warnings: number;
        };
        /** StatsAverage */
        StatsAverage: {
            /**
             * Average
             * @description ms; null with no sample
             */
            average: number | null;
            /** Count */
            count: number;
        };
        /** StatsFigures */
        StatsFigures: {
            /** @description Time with the agent's replies in it: first to last reply of a round */
            active_ms: components["schemas"]["StatsAverage"];
            /** @description From the user's first message to the first agent reply */
            first_response_ms: components["schemas"]["StatsPercentiles"];
            /** @description From the assignment to the close */
            handling_ms: components["schemas"]["StatsAverage"];
            messages: components["schemas"]["StatsMessages"];
            /** @description Time per presence (from presence changes): agent rows and an agent's own figures only, else null */
            presence_ms: components["schemas"]["StatsPresence"] | null;
            /** @description From the opening (or reopening) to the close */
            resolution_ms: components["schemas"]["StatsPercentiles"];
            satisfaction: components["schemas"]["StatsSatisfaction"];
            sessions: components["schemas"]["StatsSessions"];
            sla: components["schemas"]["StatsSla"];
        };
        /** StatsFilter */
        StatsFilter: {
            /**
             * Dimension
             * @enum {string}
             */
            dimension: "agent" | "group" | "priority" | "tag" | "link";
            /** Value */
            value: string;
        };
        /** StatsMessages */
        StatsMessages: {
            /**
             * Bot
             * @description The bot's own messages
             */
            bot: number;
            /**
             * In
             * @description Messages from users
             */
            in: number;
            /**
             * Out
             * @description Agents' replies
             */
            out: number;
            /**
             * Replies Per Session
             * @description out / handled; null when no session was handled
             */
            replies_per_session: number | null;
        };
        /** StatsPercentiles */
        StatsPercentiles: {
            /**
             * Count
             * @description How many times were measured
             */
            count: number;
            /**
             * Median
             * @description ms, merged from time buckets; null with no sample
             */
            median: number | null;
            /**
             * P90
             * @description ms, the 90th percentile; null with no sample
             */
            p90: number | null;
        };
        /** StatsPresence */
        StatsPresence: {
            /**
             * Busy
             * @description ms busy
             */
            busy: number;
            /**
             * Offline
             * @description ms offline
             */
            offline: number;
            /**
             * Online
             * @description ms online
             */
            online: number;
        };
        /** StatsReport */
        StatsReport: {
            /**
             * By
             * @enum {string}
             */
            by: "day" | "agent" | "group" | "priority" | "tag" | "link" | "channel";
            /** @description The one filter applied, if any */
            filter: components["schemas"]["StatsFilter"] | null;
            /**
             * From
             * @description The first day, YYYY-MM-DD, project's zone
             */
            from: string;
            /**
             * Percentile Error
             * @description Worst-case relative error of a median or p90 merged from time buckets
             */
            percentile_error: number;
            /** @description Over the same number of days just before `from` */
            previous: components["schemas"]["StatsFigures"];
            /** Project Id */
            project_id: string;
            /**
             * Rows
             * @description by=day: every day of the range, oldest first; otherwise each value with figures in the range
             */
            rows: components["schemas"]["StatsRow"][];
            /**
             * Time Zone
             * @description The project's IANA time zone the days are in
             */
            time_zone: string;
            /**
             * To
             * @description The last day, YYYY-MM-DD, included
             */
            to: string;
            /** @description Over the whole range */
            totals: components["schemas"]["StatsFigures"];
        };
        /** StatsRow */
        StatsRow: {
            figures: components["schemas"]["StatsFigures"];
            /**
             * Key
             * @description The day (YYYY-MM-DD) or the dimension's value (an id)
             */
            key: string;
            /**
             * Label
             * @description What the console shows: the day, a name, the value
             */
            label: string;
        };
        /** StatsSatisfaction */
        StatsSatisfaction: {
            /**
             * Average
             * @description StatsAverage rating, 1-5; null when none rated
             */
            average: number | null;
            /**
             * Distribution
             * @description How many ratings of 1, 2, 3, 4 and 5
             */
            distribution: number[];
            /**
             * Rated
             * @description Surveys answered
             */
            rated: number;
            /**
             * Response Rate
             * @description rated / surveyed; null when none surveyed
             */
            response_rate: number | null;
            /**
             * Surveyed
             * @description Surveys sent
             */
            surveyed: number;
        };
        /** StatsSessions */
        StatsSessions: {
            /**
             * Assigned
             * @description Sessions given a holder when they had none
             */
            assigned: number;
            /** Closed */
            closed: number;
            /**
             * Escalated
             * @description Escalations, every level
             */
            escalated: number;
            /** Escalated L2 */
            escalated_l2: number;
            /** Escalated L3 */
            escalated_l3: number;
            /**
             * Escalation Ratio
             * @description escalated / new; null when none new
             */
            escalation_ratio: number | null;
            /**
             * Handled
             * @description Sessions an agent replied to at least once
             */
            handled: number;
            /**
             * New
             * @description Sessions opened
             */
            new: number;
            /**
             * Reopen Rate
             * @description reopened / closed; null when none closed
             */
            reopen_rate: number | null;
            /** Reopened */
            reopened: number;
            /**
             * Resolved By Bot
             * @description Closed by the bot's answer (the user said it helped)
             */
            resolved_by_bot: number;
            /**
             * Transferred
             * @description Sessions moved from one holder to another
             */
            transferred: number;
        };
        /** StatsSla */
        StatsSla: {
            /** @description First response */
            first: components["schemas"]["StatsSlaClock"];
            /** @description Next response */
            next: components["schemas"]["StatsSlaClock"];
            resolution: components["schemas"]["StatsSlaClock"];
        };
        /** StatsSlaClock */
        StatsSlaClock: {
            /**
             * Attainment
             * @description met / (met + breached); null when neither
             */
            attainment: number | null;
            /** Breached */
            breached: number;
            /** Met */
            met: number;
            /** Warned */
            warned: number;
        };
        /**
         * Status
         * @description Where a session stands. Only `processing` and `follow_up` are set by hand; `unread`
         *     (new or reopened, not yet opened by its agent) and `closed` follow from events.
         * @enum {string}
         */
        Status: "unread" | "processing" | "follow_up" | "closed";
        /** StatusCounts */
        StatusCounts: {
            /**
             * Closed
             * @default 0
             */
            closed: number;
            /**
             * Follow Up
             * @default 0
             */
            follow_up: number;
            /**
             * Processing
             * @default 0
             */
            processing: number;
            /**
             * Unread
             * @default 0
             */
            unread: number;
        };
        /** Suggestion */
        Suggestion: {
            /** At */
            at: number;
            /**
             * Count
             * @description manager: how many times the user asked
             */
            count?: number | null;
            /**
             * Keyword
             * @description keyword: the one the user wrote
             */
            keyword?: string | null;
            /**
             * Minutes
             * @description unresolved: the project's minutes
             */
            minutes?: number | null;
            /**
             * Reason
             * @description In words (English), as the audit log has it
             */
            reason: string;
            /**
             * Trigger
             * @enum {string}
             */
            trigger: "unresolved" | "manager" | "keyword";
        };
        /** SuggestionList */
        SuggestionList: {
            /** Items */
            items: components["schemas"]["Suggestion"][];
        };
        /** SurveySettings */
        SurveySettings: {
            /**
             * Auto Closed
             * @description Sessions closed for the user's silence too
             */
            auto_closed: boolean;
            /**
             * Comment Minutes
             * @description The user's next message within this: a comment
             */
            comment_minutes: number;
            /** Enabled */
            enabled: boolean;
            /**
             * Once Per Days
             * @description No survey to the same user again within this
             */
            once_per_days: number;
            /** Project Id */
            project_id: string;
            quiet_hours: components["schemas"]["QuietHours"];
            /**
             * Return Visit Hours
             * @description 0: off; 24 to 48 after an escalated close
             */
            return_visit_hours: number;
            /** Review Url */
            review_url: string;
            /**
             * Sessions
             * @enum {string}
             */
            sessions: "all" | "escalated";
            /** Updated At */
            updated_at?: number | null;
            /** Updated By */
            updated_by?: string | null;
            /**
             * Wording
             * @description Per language code (en, zh, ru, ...)
             */
            wording: {
                [key: string]: components["schemas"]["Wording"];
            };
        };
        /**
         * SurveySettingsChange
         * @description What to save; anything left out takes its default. `updated_at`: the one read.
         */
        SurveySettingsChange: {
            /** Auto Closed */
            auto_closed?: boolean | null;
            /** Comment Minutes */
            comment_minutes?: number | null;
            /** Enabled */
            enabled?: boolean | null;
            /** Once Per Days */
            once_per_days?: number | null;
            quiet_hours?: components["schemas"]["QuietHours"] | null;
            /** Return Visit Hours */
            return_visit_hours?: number | null;
            /** Review Url */
            review_url?: string | null;
            /** Sessions */
            sessions?: ("all" | "escalated") | null;
            /** Updated At */
            updated_at?: number | null;
            /** Wording */
            wording?: {
                [key: string]: components["schemas"]["Wording"];
            } | null;
        };
        /** TagCreate */
        TagCreate: {
            /**
             * Colour
             * @example #e5484d
             */
            colour: string;
            /**
             * Name
             * @example refund
             */
            name: string;
        };
        /** TagPublic */
        TagPublic: {
            /** Colour */
            colour: string;
            /** Created At */
            created_at: number;
            /** Created By */
            created_by?: string | null;
            /** Name */
            name: string;
            /** Project Id */
            project_id: string;
            /** Tag Id */
            tag_id: string;
            /** Updated At */
            updated_at?: number | null;
        };
        /** TagUpdate */
        TagUpdate: {
            /** Colour */
            colour?: string | null;
            /** Name */
            name?: string | null;
        };
        /** TagsSet */
        TagsSet: {
            /** Tag Ids */
            tag_ids: string[];
        };
        /** TakeOverRequest */
        TakeOverRequest: {
            /** Reason */
            reason?: string | null;
        };
        /** TaskCreate */
        TaskCreate: {
            /**
             * Due At
             * @description Epoch ms
             */
            due_at: number;
            /**
             * Kind
             * @default promise
             * @enum {string}
             */
            kind: "promise" | "csat_follow_up" | "return_visit" | "handover";
            /**
             * Note
             * @default
             */
            note: string;
            /**
             * Owner Id
             * @description An agent of the project; none: the session's holder, always
             */
            owner_id?: string | null;
        };
        /** TaskPublic */
        TaskPublic: {
            /** Created At */
            created_at: number;
            /** Created By */
            created_by: string;
            /** Done At */
            done_at?: number | null;
            /** Done By */
            done_by?: string | null;
            /** Due At */
            due_at: number;
            /**
             * Kind
             * @enum {string}
             */
            kind: "promise" | "csat_follow_up" | "return_visit" | "handover";
            /** Note */
            note: string;
            /**
             * Owner Id
             * @description Named owner; none: the holder
             */
            owner_id?: string | null;
            /**
             * Owner Now
             * @description Who owns it now
             */
            owner_now?: string | null;
            /** Project Id */
            project_id: string;
            /** Reminded At */
            reminded_at?: number | null;
            /** Session Id */
            session_id: string;
            /**
             * State
             * @enum {string}
             */
            state: "open" | "overdue" | "done";
            /** Task Id */
            task_id: string;
            /** Updated At */
            updated_at: number;
            /** Version */
            version: number;
        };
        /** TaskSettings */
        TaskSettings: {
            /**
             * Night End
             * @description HH:MM
             */
            night_end: string;
            /**
             * Night Start
             * @description HH:MM
             */
            night_start: string;
            /**
             * Team Chat Reminders
             * @description Also post due tasks to the team's group
             */
            team_chat_reminders: boolean;
            /**
             * Updated At
             * @description As read; none: never saved
             */
            updated_at?: number | null;
        };
        /** TaskSettingsPublic */
        TaskSettingsPublic: {
            /** Night End */
            night_end: string;
            /** Night Start */
            night_start: string;
            /** Project Id */
            project_id: string;
            /** Team Chat Reminders */
            team_chat_reminders: boolean;
            /** Updated At */
            updated_at?: number | null;
        };
        /**
         * TaskUpdate
         * @description What changes; `version` is the one the caller read (a stale edit answers 409).
         */
        TaskUpdate: {
            /** Done */
            done?: boolean | null;
            /** Due At */
            due_at?: number | null;
            /**
             * Follow Holder
             * @description true: the session's holder owns it again, `owner_id` unset
             */
            follow_holder?: boolean | null;
            /** Note */
            note?: string | null;
            /**
             * Owner Id
             * @description Set with `follow_holder` false
             */
            owner_id?: string | null;
            /** Version */
            version: number;
        };
        /**
         * TeamChatPublic
         * @description The project's team group; only `bound` when there is none.
         */
        TeamChatPublic: {
            /** Bound */
            bound: boolean;
            /** Bound At */
            bound_at?: number | null;
            /**
             * Bound By
             * @description the agent who asked for the code
             */
            bound_by?: string | null;
            /** Chat Id */
            chat_id?: number | null;
            /**
             * Chat Type
             * @description `group` or `supergroup`
             */
            chat_type?: string | null;
            /**
             * Title
             * @description the group's title when it was bound
             */
            title?: string | null;
        };
        /** TelegramUserPublic */
        TelegramUserPublic: {
            /** First Name */
            first_name?: string | null;
            /** First Seen At */
            first_seen_at?: number | null;
            /**
             * Is Premium
             * @default false
             */
            is_premium: boolean;
            /** Language Code */
            language_code?: string | null;
            /** Last Name */
            last_name?: string | null;
            /** Last Seen At */
            last_seen_at?: number | null;
            /** Project Id */
            project_id: string;
            /**
             * Sessions
             * @default []
             */
            sessions: components["schemas"]["UserSessionPublic"][];
            /** @description The tracked links that brought the user: first and latest */
            source?: components["schemas"]["UserSourcePublic"] | null;
            /**
             * Tags
             * @default []
             */
            tags: components["schemas"]["TagPublic"][];
            /** Tg User Id */
            tg_user_id: number;
            /**
             * Time Zone
             * @description IANA time zone an agent set (none: unknown, never guessed)
             */
            time_zone?: string | null;
            /**
             * Unreachable
             * @default false
             */
            unreachable: boolean;
            /** Unreachable At */
            unreachable_at?: number | null;
            /** Username */
            username?: string | null;
        };
        /** TicketList */
        TicketList: {
            /** Items */
            items: components["schemas"]["TicketView"][];
            /**
             * Next Cursor
             * @description More tickets may follow (a page may hold fewer than asked)
             */
            next_cursor?: string | null;
        };
        /**
         * TicketSummary
         * @description A session's ticket in short, shown on top of the session for whoever holds it (its
         *     priority is the session's).
         */
        TicketSummary: {
            emotion: components["schemas"]["Emotion"];
            level: components["schemas"]["Level"];
            /**
             * Number
             * @description The ticket's number in its project (#1234)
             */
            number: number;
        };
        /**
         * TicketTargets
         * @description An escalation's own targets (minutes), stricter than the project's policy: the
         *     session's clocks use them from `since` on.
         */
        TicketTargets: {
            /**
             * First Response Minutes
             * @description The response clocks: the first answer, then each next one
             */
            first_response_minutes?: number | null;
            /** Resolution Minutes */
            resolution_minutes?: number | null;
            /**
             * Since
             * @description When the escalation set them
             */
            since: number;
        };
        /** TicketUpdate */
        TicketUpdate: {
            emotion?: components["schemas"]["Emotion"] | null;
            /** Key Message Ids */
            key_message_ids?: string[] | null;
            /** @description Sets the session's priority */
            priority?: components["schemas"]["Priority"] | null;
            /** Problem */
            problem?: string | null;
            /** Tried */
            tried?: string | null;
        };
        /** TicketUser */
        TicketUser: {
            /** First Name */
            first_name?: string | null;
            /** Language Code */
            language_code?: string | null;
            /** Last Name */
            last_name?: string | null;
            /** Tg User Id */
            tg_user_id: number;
            /** Username */
            username?: string | null;
        };
        /** TicketView */
        TicketView: {
            /**
             * Assignee Id
             * @description Who holds the session
             */
            assignee_id?: string | null;
            /** Created At */
            created_at: number;
            /** Created By */
            created_by: string;
            emotion: components["schemas"]["Emotion"];
            /** Group Id */
            group_id?: string | null;
            /**
             * Hops
             * @description Every escalation, oldest first (the latest 20)
             */
            hops: components["schemas"]["Hop"][];
            /**
             * Key Messages
             * @default []
             */
            key_messages: components["schemas"]["KeyMessage"][];
            level: components["schemas"]["Level"];
            /** Number */
            number: number;
            /** @description The session's priority */
            priority: components["schemas"]["Priority"];
            /** Problem */
            problem: string;
            /** Project Id */
            project_id: string;
            /** Session Id */
            session_id: string;
            /** @description The session's running SLA clocks, when its project tracks them */
            sla?: components["schemas"]["SlaView"] | null;
            /** @description The session's status */
            status: components["schemas"]["Status"];
            /** @description The escalation's own targets, when it set them */
            targets?: components["schemas"]["TicketTargets"] | null;
            /**
             * Tried
             * @default
             */
            tried: string;
            /** Updated At */
            updated_at: number;
            user: components["schemas"]["TicketUser"];
        };
        /**
         * TransferRequest
         * @description A message given is sent to the user (after the transfer, recorded and delivered like
         *     any reply, checked against the risk words first); nothing given, nothing is sent.
         */
        TransferRequest: {
            /**
             * Confirm Risk
             * @description Send `message` although it matches `confirm` risk entries
             * @default false
             */
            confirm_risk: boolean;
            /**
             * Message
             * @description Sent to the user whenever it is not blank
             */
            message?: string | null;
            /**
             * Notify User
             * @description Optional. `true` requires a `message` (422 `message_required`); `false` with a `message` is refused (422 `message_not_wanted`): a message is never dropped
             */
            notify_user?: boolean | null;
            /** Reason */
            reason?: string | null;
            to: components["schemas"]["TransferTarget"];
        };
        /**
         * TransferTarget
         * @description Exactly one of: a named agent, a group, or any online agent.
         */
        TransferTarget: {
            /** Agent Id */
            agent_id?: string | null;
            /**
             * Any Online
             * @default false
             */
            any_online: boolean;
            /** Group Id */
            group_id?: string | null;
        };
        /** TranslationPreview */
        TranslationPreview: {
            /** Original */
            original: string;
            /** Source */
            source: string;
            /** Target */
            target: string;
            /**
             * Translated
             * @description What the user will receive
             */
            translated: string;
        };
        /** TranslationPreviewRequest */
        TranslationPreviewRequest: {
            /**
             * Target
             * @description The user's language; by default the user's Telegram language
             */
            target?: string | null;
            /**
             * Text
             * @description What the agent wrote, in the agents' language
             */
            text: string;
        };
        /** TranslationPublic */
        TranslationPublic: {
            /** At */
            at: number;
            /** Provider */
            provider: string;
            /**
             * Source
             * @description The language the message was in (detected)
             */
            source: string;
            /**
             * Target
             * @description The agents' language
             */
            target: string;
            /**
             * Text
             * @description Absent when the message was in the agents' language already
             */
            text?: string | null;
        };
        /** TranslationSettings */
        TranslationSettings: {
            /**
             * Agent Language
             * @description The language agents read and write (en, zh, ...)
             */
            agent_language: string;
            /** Enabled */
            enabled: boolean;
            /** Project Id */
            project_id: string;
            /** Updated At */
            updated_at?: number | null;
            /** Updated By */
            updated_by?: string | null;
        };
        /**
         * TranslationSettingsChange
         * @description What to save; anything left out takes its default. `updated_at`: the one read.
         */
        TranslationSettingsChange: {
            /** Agent Language */
            agent_language?: string | null;
            /** Enabled */
            enabled?: boolean | null;
            /** Updated At */
            updated_at?: number | null;
        };
        /** TriggerPublic */
        TriggerPublic: {
            /** Actor Id */
            actor_id: string;
            /** At */
            at: number;
            /** Details */
            details: {
                [key: string]: unknown;
            };
            /** Entry Id */
            entry_id: string;
            /** Project Id */
            project_id?: string | null;
            /** Target Id */
            target_id?: string | null;
        };
        /** TriggerSettings */
        TriggerSettings: {
            keyword: components["schemas"]["KeywordTrigger"];
            manager: components["schemas"]["ManagerTrigger"];
            /** Project Id */
            project_id: string;
            unresolved: components["schemas"]["UnresolvedTrigger"];
            /** Updated At */
            updated_at?: number | null;
            /** Updated By */
            updated_by?: string | null;
        };
        /**
         * TriggerSettingsChange
         * @description The project's triggers; what a trigger leaves out takes its default (an `escalate`
         *     left out: the trigger only suggests).
         */
        TriggerSettingsChange: {
            keyword?: components["schemas"]["KeywordChange"] | null;
            manager?: components["schemas"]["ManagerChange"] | null;
            unresolved?: components["schemas"]["UnresolvedChange"] | null;
            /**
             * Updated At
             * @description As read: a save made meanwhile is refused (409)
             */
            updated_at?: number | null;
        };
        /** UnresolvedChange */
        UnresolvedChange: {
            /** Enabled */
            enabled?: boolean | null;
            escalate?: components["schemas"]["AutoEscalation"] | null;
            /** Minutes */
            minutes?: number | null;
        };
        /** UnresolvedTrigger */
        UnresolvedTrigger: {
            /** Enabled */
            enabled: boolean;
            /** @description Escalate on its own to this group, at this level */
            escalate?: components["schemas"]["AutoEscalation"] | null;
            /**
             * Minutes
             * @description A session still open this long after it (re)opened
             */
            minutes: number;
        };
        /** UploadCreate */
        UploadCreate: {
            /**
             * Content Type
             * @description The file's MIME type
             */
            content_type: string;
            /**
             * File Name
             * @description As the agent's file has it
             */
            file_name: string;
            /**
             * Kind
             * @description How to send it; by default from its type (JPEG/PNG/WebP: photo, MP4: video, MP3/M4A: audio, OGG: voice, else document). `document` sends an image as a file; `voice` sends audio as a voice note
             */
            kind?: ("photo" | "document" | "audio" | "video" | "voice") | null;
            /**
             * Size
             * @description Bytes: checked against Telegram's limits before upload
             */
            size: number;
        };
        /** UploadForm */
        UploadForm: {
            /** Content Type */
            content_type: string;
            /**
             * Expires At
             * @description Epoch ms: post the file before this
             */
            expires_at: number;
            /** Fields */
            fields: {
                [key: string]: string;
            };
            /** File Name */
            file_name: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "photo" | "document" | "audio" | "video" | "voice";
            /** Size */
            size: number;
            /** Upload Id */
            upload_id: string;
            /**
             * Url
             * @description POST a multipart form here: `fields`, then the file as `file`
             */
            url: string;
        };
        /**
         * UserExport
         * @description One page of a user's data. The first page carries the profile and its tags; follow
         *     `next_cursor` until it is null for the rest.
         */
        UserExport: {
            /**
             * Assignments
             * @default []
             */
            assignments: {
                [key: string]: unknown;
            }[];
            /** Exported At */
            exported_at: number;
            /** Format */
            format: string;
            /**
             * Message Refs
             * @default []
             */
            message_refs: {
                [key: string]: unknown;
            }[];
            /**
             * Messages
             * @description With `raw` (the Telegram update as received), edits, delivery
             * @default []
             */
            messages: {
                [key: string]: unknown;
            }[];
            /** Next Cursor */
            next_cursor?: string | null;
            /**
             * Notes
             * @default []
             */
            notes: {
                [key: string]: unknown;
            }[];
            /**
             * Other
             * @default []
             */
            other: {
                [key: string]: unknown;
            }[];
            /** Profile */
            profile?: {
                [key: string]: unknown;
            } | null;
            /** Project Id */
            project_id: string;
            /**
             * Reply Claims
             * @default []
             */
            reply_claims: {
                [key: string]: unknown;
            }[];
            /**
             * Session Refs
             * @default []
             */
            session_refs: {
                [key: string]: unknown;
            }[];
            /**
             * Sessions
             * @default []
             */
            sessions: {
                [key: string]: unknown;
            }[];
            /**
             * Tags
             * @default []
             */
            tags: {
                [key: string]: unknown;
            }[];
            /** Tg User Id */
            tg_user_id: number;
            /**
             * Timers
             * @default []
             */
            timers: {
                [key: string]: unknown;
            }[];
        };
        /** UserSessionPublic */
        UserSessionPublic: {
            /** Assignee Id */
            assignee_id?: string | null;
            /** Closed At */
            closed_at?: number | null;
            /** Last Activity At */
            last_activity_at: number;
            /** Opened At */
            opened_at: number;
            /** Priority */
            priority: string;
            /** Session Id */
            session_id: string;
            /** Status */
            status: string;
            /**
             * Tags
             * @default []
             */
            tags: string[];
        };
        /** UserSourcePublic */
        UserSourcePublic: {
            first?: components["schemas"]["LinkTouchPublic"] | null;
            last?: components["schemas"]["LinkTouchPublic"] | null;
        };
        /** UserTimeZone */
        UserTimeZone: {
            /**
             * Time Zone
             * @description IANA time zone (Europe/Berlin); null clears it
             */
            time_zone: string | null;
        };
        /** Utm */
        Utm: {
            /** Utm Campaign */
            utm_campaign?: string | null;
            /** Utm Content */
            utm_content?: string | null;
            /** Utm Medium */
            utm_medium?: string | null;
            /** Utm Source */
            utm_source?: string | null;
            /** Utm Term */
            utm_term?: string | null;
        };
        /** Wording */
        Wording: {
            /** Comment Invite */
            comment_invite?: string | null;
            /**
             * Question
             * @description Above the 1-5 buttons
             */
            question?: string | null;
            /**
             * Return Visit
             * @description The check-in message
             */
            return_visit?: string | null;
            /**
             * Review Invite
             * @description For a 4 or 5; `{url}`
             */
            review_invite?: string | null;
            /**
             * Thanks
             * @description After a press; `{score}` is replaced
             */
            thanks?: string | null;
        };
        /** WordingUpdate */
        WordingUpdate: {
            /**
             * Templates
             * @description By language (en, zh, ru): {ticket} and {response_time} required, {first_name} optional; blank: the default again
             */
            templates: {
                [key: string]: string | null;
            };
        };
        /** WordingView */
        WordingView: {
            /**
             * Defaults
             * @description What a language without its own message says
             */
            defaults: {
                [key: string]: string;
            };
            /**
             * Templates
             * @description The project's own messages, by language
             */
            templates: {
                [key: string]: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    list_agents_api_agents_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_AgentAccount_"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_agent_api_agents_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgentCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentCreated"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_agent_api_agents__agent_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agent_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgentChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentAccount"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    invite_api_agents__agent_id__invitations_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agent_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationPublic"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such agent, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reset_password_api_agents__agent_id__password_reset_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agent_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordReset"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordResetResult"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such agent, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    unlock_agent_api_agents__agent_id__unlock_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agent_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentAccount"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `agent_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_audit_api_audit_get: {
        parameters: {
            query?: {
                project_id?: string | null;
                action?: string | null;
                actor_id?: string | null;
                /** @description Epoch milliseconds, inclusive */
                since?: number | null;
                /** @description Epoch milliseconds, inclusive */
                until?: number | null;
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_AuditEntryPublic_"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project or actor, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    read_invitation_api_auth_invitations__token__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationDetail"];
                };
            };
            /** @description `invitation_not_found`: the link is unknown, used or expired (one answer for all three) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `too_many_attempts` or `account_locked`: links that did not work count against the address as failed logins do */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    accept_invitation_api_auth_invitations__token__post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvitationAccept"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `invitation_not_found`: the link is unknown, used or expired (one answer for all three) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `too_many_attempts` or `account_locked`: links that did not work count against the address as failed logins do */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    login_api_auth_login_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `invalid_credentials`: wrong username or password */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `too_many_attempts` (wait `Retry-After` seconds) or `account_locked` (the message says until when) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    logout_api_auth_logout_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    dead_letters_api_dead_letters_get: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_DeadLetterPublic_"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    health_api_health_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    list_links_api_links_get: {
        parameters: {
            query: {
                project_id: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_LinkPublic_"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_link_api_links_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LinkCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LinkPublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_link_api_links__code__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LinkPublic"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such code, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_link_api_links__code__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such code, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_link_api_links__code__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LinkUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LinkPublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such code, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_clicks_api_links__code__clicks_get: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string | null;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_ClickPublic_"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such code, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    link_funnel_api_links__code__funnel_get: {
        parameters: {
            query?: {
                /** @description YYYY-MM-DD (UTC) */
                from?: string | null;
                /** @description YYYY-MM-DD (UTC) */
                to?: string | null;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LinkFunnelPublic"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such code, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    me_api_me_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentAccount"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    heartbeat_api_me_heartbeat_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Heartbeat"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    set_presence_api_me_presence_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PresenceUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentAccount"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_personal_replies_api_me_quick_replies_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_QuickReplyPublic_"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_personal_reply_api_me_quick_replies_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuickReplyWrite"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuickReplyPublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_personal_reply_api_me_quick_replies__reply_id__put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reply_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuickReplyWrite"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuickReplyPublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such reply, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_personal_reply_api_me_quick_replies__reply_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reply_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such reply, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_notices_api_notices_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_Notice_"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_projects_api_projects_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_ProjectDetail_"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_project_api_projects_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectPublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `telegram_unavailable`: Telegram did not answer; retry */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_project_api_projects__project_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectDetail"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_project_api_projects__project_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectSettingsUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectDetail"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_project_agents_api_projects__project_id__agents_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_AgentSummary_"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_attachment_settings_api_projects__project_id__attachment_settings_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentSettings"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    put_attachment_settings_api_projects__project_id__attachment_settings_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AttachmentSettingsChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentSettings"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_autoreply_settings_api_projects__project_id__autoreply_settings_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AutoreplySettings"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    put_autoreply_settings_api_projects__project_id__autoreply_settings_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AutoreplySettingsChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AutoreplySettings"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    replace_bot_token_api_projects__project_id__bot_token_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BotTokenReplace"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BotTokenReplaced"];
                };
            };
            /** @description `invalid_bot_token` or `webhook_rejected` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `bot_already_connected` (another project) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `telegram_unavailable`: nothing changed, the old token still works */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_triggers_api_projects__project_id__escalation_triggers_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TriggerSettings"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    put_triggers_api_projects__project_id__escalation_triggers_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TriggerSettingsChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TriggerSettings"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_wording_api_projects__project_id__escalation_wording_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordingView"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    put_wording_api_projects__project_id__escalation_wording_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WordingUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordingView"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_project_exports_api_projects__project_id__exports_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectExportList"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    start_project_export_api_projects__project_id__exports_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectExportStart"];
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectExportPublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_project_export_api_projects__project_id__exports__job_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectExportPublic"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project or job, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_faq_rule_api_projects__project_id__faq_rules_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FaqRuleFromMessage"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaqRule"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_groups_api_projects__project_id__groups_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_GroupPublic_"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_group_api_projects__project_id__groups_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupPublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_group_api_projects__project_id__groups__group_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
                group_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupPublic"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project or group, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_group_api_projects__project_id__groups__group_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
                group_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project or group, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_group_api_projects__project_id__groups__group_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
                group_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupPublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project or group, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_handovers_api_projects__project_id__handovers_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoverList"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_handover_api_projects__project_id__handovers__shift_id___ended_at__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
                shift_id: string;
                ended_at: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoverPublic"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project or shift or ended at, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    acknowledge_api_projects__project_id__handovers__shift_id___ended_at__acknowledge_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
                shift_id: string;
                ended_at: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoverPublic"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project or shift or ended at, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    download_csv_api_projects__project_id__handovers__shift_id___ended_at__csv_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
                shift_id: string;
                ended_at: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description File */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                    "text/csv": unknown;
                    "text/markdown": unknown;
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project or shift or ended at, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    download_markdown_api_projects__project_id__handovers__shift_id___ended_at__markdown_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
                shift_id: string;
                ended_at: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description File */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                    "text/csv": unknown;
                    "text/markdown": unknown;
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project or shift or ended at, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ignored_updates_api_projects__project_id__ignored_updates_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IgnoredUpdates"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `admin_only` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `project_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_link_settings_api_projects__project_id__link_settings_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LinkSettingsPublic"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_link_settings_api_projects__project_id__link_settings_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LinkSettingsUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LinkSettingsPublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_members_api_projects__project_id__members_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_MemberDetail_"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    add_member_api_projects__project_id__members_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberDetail"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    set_member_permissions_api_projects__project_id__members__agent_id__put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
                agent_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberPermissions"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberDetail"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project or agent, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_project_replies_api_projects__project_id__quick_replies_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_QuickReplyPublic_"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_project_reply_api_projects__project_id__quick_replies_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuickReplyWrite"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuickReplyPublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_project_reply_api_projects__project_id__quick_replies__reply_id__put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
                reply_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuickReplyWrite"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuickReplyPublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project or reply, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_project_reply_api_projects__project_id__quick_replies__reply_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
                reply_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project or reply, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_retention_api_projects__project_id__retention_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionPublic"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    change_retention_api_projects__project_id__retention_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetentionChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionPublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_shifts_api_projects__project_id__shifts_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShiftList"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_shift_api_projects__project_id__shifts_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShiftChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShiftPublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    on_shift_now_api_projects__project_id__shifts_on_now_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OnShiftList"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_shift_api_projects__project_id__shifts__shift_id__put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
                shift_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShiftChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShiftPublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project or shift, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_shift_api_projects__project_id__shifts__shift_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
                shift_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project or shift, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    handover_preview_api_projects__project_id__shifts__shift_id__handover_preview_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
                shift_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoverPublic"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project or shift, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_sla_api_projects__project_id__sla_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlaSettings"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    put_sla_api_projects__project_id__sla_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SlaSettingsChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlaSettings"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_survey_settings_api_projects__project_id__survey_settings_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveySettings"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    put_survey_settings_api_projects__project_id__survey_settings_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SurveySettingsChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveySettings"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_tags_api_projects__project_id__tags_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_TagPublic_"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_tag_api_projects__project_id__tags_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TagCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagPublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_tag_api_projects__project_id__tags__tag_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
                tag_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project or tag, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_tag_api_projects__project_id__tags__tag_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
                tag_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TagUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagPublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project or tag, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_task_settings_api_projects__project_id__task_settings_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskSettingsPublic"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    put_task_settings_api_projects__project_id__task_settings_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskSettings"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskSettingsPublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not an administrator (`admin_only`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile (`conflict`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_team_chat_api_projects__project_id__team_chat_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamChatPublic"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    unbind_team_chat_api_projects__project_id__team_chat_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_bind_code_api_projects__project_id__team_chat_code_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BindCodePublic"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_translation_settings_api_projects__project_id__translation_settings_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TranslationSettings"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    put_translation_settings_api_projects__project_id__translation_settings_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TranslationSettingsChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TranslationSettings"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_user_api_projects__project_id__users__tg_user_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
                tg_user_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TelegramUserPublic"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project or tg user, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_user_api_projects__project_id__users__tg_user_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
                tg_user_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserTimeZone"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TelegramUserPublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project or tg user, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    erase_user_api_projects__project_id__users__tg_user_id__erase_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
                tg_user_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ErasureRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureProgress"];
                };
            };
            /** @description Erased in part: call again */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureProgress"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project or tg user, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    export_user_api_projects__project_id__users__tg_user_id__export_get: {
        parameters: {
            query?: {
                cursor?: string | null;
            };
            header?: never;
            path: {
                project_id: string;
                tg_user_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserExport"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project or tg user, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_user_messages_api_projects__project_id__users__tg_user_id__messages_get: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string | null;
                /** @description Epoch ms: older messages only */
                before?: number | null;
                /** @description Only messages whose text or caption holds this (any case) */
                q?: string | null;
            };
            header?: never;
            path: {
                project_id: string;
                tg_user_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_MessagePublic_"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project or tg user, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    set_user_tags_api_projects__project_id__users__tg_user_id__tags_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
                tg_user_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TagsSet"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_TagPublic_"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project or tg user, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    issue_ticket_api_realtime_ticket_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RealtimeTicket"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_groups_api_risk_groups_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_RiskGroupSummary_"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_group_api_risk_groups_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RiskGroupCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskGroupPublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_group_api_risk_groups__gid__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                gid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskGroupPublic"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such gid, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_group_api_risk_groups__gid__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                gid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such gid, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_group_api_risk_groups__gid__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                gid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RiskGroupUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskGroupPublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such gid, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    export_entries_api_risk_groups__gid__entries_csv_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                gid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV, UTF-8 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                    "text/csv": unknown;
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such gid, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    import_entries_api_risk_groups__gid__entries_csv_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                gid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntryCounts"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such gid, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    add_entries_api_risk_groups__gid__entries_bulk_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                gid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EntriesPaste"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntryCounts"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such gid, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_triggers_api_risk_triggers_get: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
                project_id?: string | null;
                agent_id?: string | null;
                /** @description A risk group id */
                group_id?: string | null;
                /** @description Epoch milliseconds, inclusive */
                since?: number | null;
                /** @description Epoch milliseconds, inclusive */
                until?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_TriggerPublic_"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project or agent or group, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    export_triggers_api_risk_triggers_csv_get: {
        parameters: {
            query?: {
                project_id?: string | null;
                agent_id?: string | null;
                /** @description A risk group id */
                group_id?: string | null;
                /** @description Epoch milliseconds, inclusive */
                since?: number | null;
                /** @description Epoch milliseconds, inclusive */
                until?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV, UTF-8 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                    "text/csv": unknown;
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project or agent or group, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_sessions_api_sessions_get: {
        parameters: {
            query?: {
                status?: components["schemas"]["Status"][] | null;
                unread?: boolean;
                /** @description Only sessions waiting in their project's queue (`queued_at` set) */
                queued?: boolean;
                /** @description Only sessions whose user waits for an answer (`waiting_since` set) */
                waiting?: boolean;
                /** @description `waiting`: each page (still read newest activity first) ordered by `waiting_since`, oldest first, sessions nobody waits on last; `due`: each page ordered by `sla.due_at` (due soonest), sessions without a running SLA clock last */
                order?: "activity" | "waiting" | "due";
                priority?: components["schemas"]["Priority"] | null;
                /** @description A tag id */
                tag?: string | null;
                project_id?: string | null;
                /** @description Supervisors and admins: another agent's sessions */
                assignee_id?: string | null;
                /** @description Epoch milliseconds */
                active_from?: number | null;
                /** @description Epoch milliseconds */
                active_to?: number | null;
                /** @description Part of the user's name or username, or the start of their Telegram id */
                q?: string | null;
                limit?: number;
                cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionList"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project or assignee, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_session_api_sessions__session_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_session_api_sessions__session_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The session is not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_assignments_api_sessions__session_id__assignments_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_Assignment_"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    close_session_api_sessions__session_id__close_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The session is not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_collaborators_api_sessions__session_id__collaborators_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_CollaboratorPublic_"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    invite_api_sessions__session_id__collaborators_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CollaboratorCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollaboratorPublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not the session's holder nor a supervisor (`holder_or_supervisor_only`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Closed (`session_closed`), already invited (`already_collaborator`), full (`too_many_collaborators`) or changed meanwhile (`session_changed`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The agent holds the session (`agent_is_holder`), is not a member (`agent_not_member`) or is disabled (`agent_disabled`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    remove_api_sessions__session_id__collaborators__agent_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
                agent_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not the session's holder nor a supervisor (`holder_or_supervisor_only`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session or agent, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Closed (`session_closed`), already invited (`already_collaborator`), full (`too_many_collaborators`) or changed meanwhile (`session_changed`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    hand_over_api_sessions__session_id__collaborators__agent_id__hand_over_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
                agent_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["HandOver"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not the session's holder nor a supervisor (`holder_or_supervisor_only`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session or agent, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Closed (`session_closed`), already invited (`already_collaborator`), full (`too_many_collaborators`) or changed meanwhile (`session_changed`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not a collaborator of the session (`not_a_collaborator`), or not eligible in the project (as for a transfer) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_suggestions_api_sessions__session_id__escalation_suggestions_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuggestionList"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    escalate_api_sessions__session_id__escalations_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EscalationRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketView"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing the `transfer` permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Closed, changed meanwhile (`session_changed`, `ticket_changed`), nobody can take it (`no_eligible_agent`, `agent_at_capacity`), or the message to the user needs `confirm_risk` (`risk_confirmation_required`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not a higher level (`level_not_higher`); supervisors with l2 (`supervisors_need_l3`); the named agent cannot take it (`agent_not_member`, `agent_not_in_scope`, `agent_disabled`, `same_agent`); a key message not of the session (`message_not_found`); the message to the user is blocked (`risk_blocked`); a target looser than the project's policy (`target_looser_than_policy`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    send_media_api_sessions__session_id__media_messages_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MediaMessageCreate"];
            };
        };
        responses: {
            /** @description This client_message_id was sent before: that message */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `permission_denied`: no `send_files` here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not the session's holder, or no such session */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `risk_confirmation_required` (send again with `confirm_risk`), `client_message_id_reused`, or the session is not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `attachment_too_big`, `attachment_kind_not_allowed`...: nothing sent */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_messages_api_sessions__session_id__messages_get: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string | null;
            };
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_MessagePublic_"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reply_api_sessions__session_id__messages_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageCreate"];
            };
        };
        responses: {
            /** @description This client_message_id was sent before: that message */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Only the session's holder writes to the user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `risk_confirmation_required`: send again with `confirm_risk`; `client_message_id_reused`: that id was used for another text; or the session is not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `risk_blocked`: not sent; or invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_media_api_sessions__session_id__messages__message_id__media_get: {
        parameters: {
            query?: {
                /** @description `thumb`: a small preview image instead of the file */
                size?: "thumb" | null;
            };
            header?: never;
            path: {
                session_id: string;
                message_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, with its content type */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session or message, or no file */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The file is too big to pass on */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Telegram did not hand the file over */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_notes_api_sessions__session_id__notes_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_NotePublic_"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    add_note_api_sessions__session_id__notes_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotePublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    edit_note_api_sessions__session_id__notes__note_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
                note_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotePublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session or note, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    usable_replies_api_sessions__session_id__quick_replies_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_QuickReplyPublic_"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    insert_reply_api_sessions__session_id__quick_replies__reply_id__filled_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
                reply_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuickReplyFilled"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session or reply, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reopen_session_api_sessions__session_id__reopen_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The session is not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    cancel_send_api_sessions__session_id__risk_cancel_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RiskCancel"];
            };
        };
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `no_risk_match`, or invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    set_session_tags_api_sessions__session_id__tags_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TagsSet"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_TagPublic_"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    take_over_api_sessions__session_id__take_over_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["TakeOverRequest"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing the `transfer` permission, or not a supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Closed, changed meanwhile, nobody can take it, or the message to the user needs `confirm_risk` (`risk_confirmation_required`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The message to the user is blocked (`risk_blocked`); `notify_user` without a message (`message_required`) or `false` with one (`message_not_wanted`); the named agent is not a member (`agent_not_member`), not in the project's agent scope (`agent_not_in_scope`) or disabled (`agent_disabled`); the same agent (`same_agent`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_session_tasks_api_sessions__session_id__tasks_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_TaskPublic_"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_task_api_sessions__session_id__tasks_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskPublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_task_api_sessions__session_id__tasks__task_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
                task_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session or task, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile (`conflict`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_task_api_sessions__session_id__tasks__task_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
                task_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskPublic"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session or task, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile (`conflict`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_ticket_api_sessions__session_id__ticket_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketView"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    edit_ticket_api_sessions__session_id__ticket_patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TicketUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketView"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    session_transcript_api_sessions__session_id__transcript_get: {
        parameters: {
            query?: {
                format?: "markdown" | "csv" | "json";
                /** @description Add the notes the caller may read */
                notes?: boolean;
            };
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The transcript file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                    "text/csv": unknown;
                    "text/markdown": unknown;
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too long for a transcript (`transcript_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    transfer_api_sessions__session_id__transfer_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing the `transfer` permission, or not a supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Closed, changed meanwhile, nobody can take it, or the message to the user needs `confirm_risk` (`risk_confirmation_required`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The message to the user is blocked (`risk_blocked`); `notify_user` without a message (`message_required`) or `false` with one (`message_not_wanted`); the named agent is not a member (`agent_not_member`), not in the project's agent scope (`agent_not_in_scope`) or disabled (`agent_disabled`); the same agent (`same_agent`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `routing_contended`: routing lost every race to other sessions; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    preview_translation_api_sessions__session_id__translation_preview_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TranslationPreviewRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TranslationPreview"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such session, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `translation_unavailable`: try again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `translation_off`, `translation_target_unknown`, or invalid text */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_upload_api_sessions__session_id__uploads_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UploadCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadForm"];
                };
            };
            /** @description `unreadable_body`: the body could not be parsed at all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `permission_denied`: no `send_files` here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not the session's holder, or no such session */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Changed meanwhile, already exists, or not in a state for this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `attachment_too_big`, `attachment_kind_not_allowed`...: nothing sent */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    project_stats_api_stats_get: {
        parameters: {
            query: {
                /** @description The project */
                project_id: string;
                /** @description The first day, YYYY-MM-DD in the project's time zone (default: 29 days before `to`) */
                from?: string | null;
                /** @description The last day, YYYY-MM-DD, included (default: today in the project's time zone); a range holds at most 366 days */
                to?: string | null;
                /** @description What the rows are: one per day of the range, or one per agent, group, priority, tag, link or channel with figures in it. With a filter: per day, or the filter's own dimension */
                by?: "day" | "agent" | "group" | "priority" | "tag" | "link" | "channel";
                /** @description Only this agent's figures (an agent's are always their own) */
                agent_id?: string | null;
                /** @description Only this agent group's figures */
                group_id?: string | null;
                /** @description Only the sessions of this priority */
                priority?: components["schemas"]["Priority"] | null;
                /** @description Only the sessions with this tag (its id) */
                tag?: string | null;
                /** @description Only the sessions this tracked link brought (code) */
                link?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatsReport"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `supervisor_only`: an agent asked for other figures than their own */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `project_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_tasks_api_tasks_get: {
        parameters: {
            query?: {
                state?: ("open" | "overdue" | "done") | null;
                /** @description Epoch ms */
                due_from?: number | null;
                /** @description Epoch ms */
                due_to?: number | null;
                project_id?: string | null;
                /** @description Supervisors: only their own */
                mine?: boolean;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_TaskPublic_"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such project, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_tickets_api_tickets_get: {
        parameters: {
            query: {
                project_id: string;
                level?: components["schemas"]["Level"] | null;
                /** @description `open` (every status but closed), `all`, or one session status */
                status?: string;
                group_id?: string | null;
                priority?: components["schemas"]["Priority"] | null;
                /** @description true: a running SLA clock of the session is overdue; false: none is */
                breach?: boolean | null;
                limit?: number;
                cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketList"];
                };
            };
            /** @description Not logged in, or the login expired or was ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Your role, or your permissions in the project, do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}
