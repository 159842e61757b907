// The page an invitation link opens (`#/invitation/<token>`): it reads the invitation first, so
// it greets the invited agent by name (no username to type) or says at once that the link is
// dead; the agent chooses a password under the API's rule, the link is used up, and the API's
// answer is their login.
import { useEffect, useRef, useState } from "preact/hooks";
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  acceptInvitation,
  loginProblem,
  plausibleInvitationToken,
  readInvitation,
  type Login,
  type LoginProblem,
} from "../api/auth";
import { ApiError, createApi } from "../api/client";
import type { InvitationDetail } from "../api/types";
import { errorText } from "../console/errors";
import { t } from "../i18n";
import { Preferences } from "./Preferences";

/** A password's length rule, as the catalogue's messages take it. */
type Rule = { min: number; max: number };

const API_RULE: Rule = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };

/** What is wrong with the chosen password, or "" when the API will take it. */
export function passwordProblem(password: string, repeated: string, rule: Rule = API_RULE): string {
  if (password.length < rule.min) return t("invite.tooShort", rule);
  if (password.length > rule.max) return t("invite.tooLong", rule);
  if (password !== repeated) return t("invite.mismatch");
  return "";
}

/** The API's answer for a link that cannot be used: unknown, used, expired, or malformed. */
function isDeadLink(error: unknown): boolean {
  return error instanceof ApiError && (error.code === "invitation_not_found" || (error.code === "invalid_input" && error.details.field === "token"));
}

/** Answers about the login itself (the password is set by then): the sign-in page explains them. */
const LOGIN_REFUSALS = new Set(["account_disabled", "account_locked", "too_many_attempts"]);

type Reading = { state: "reading" } | { state: "dead" } | { state: "failed"; problem: string } | { state: "open"; invitation: InvitationDetail };

/** The invitation behind the token, read once: whose it is, or why it cannot be used. */
function useInvitation(token: string): [Reading, (next: Reading) => void] {
  const [reading, setReading] = useState<Reading>(() => (plausibleInvitationToken(token) ? { state: "reading" } : { state: "dead" }));
  useEffect(() => {
    if (reading.state !== "reading") return;
    let current = true;
    readInvitation(createApi({ token: () => null }), token).then(
      (invitation) => current && setReading({ state: "open", invitation }),
      (error: unknown) => current && setReading(isDeadLink(error) ? { state: "dead" } : { state: "failed", problem: errorText(error) }),
    );
    return () => {
      current = false;
    };
  }, [token]);
  return [reading, setReading];
}

export function InvitationPage(props: {
  token: string;
  onLogin: (login: Login) => void;
  /** To the sign-in page, saying why when there is something to say. */
  onSignIn: (problem: LoginProblem | null) => void;
}) {
  const [reading, setReading] = useInvitation(props.token);

  if (reading.state === "reading") {
    return (
      <main class="login">
        <div class="login-card" aria-busy="true">
          <p class="muted" role="status">
            {t("invite.reading")}
          </p>
        </div>
      </main>
    );
  }
  if (reading.state === "open") {
    return <PasswordForm {...props} invitation={reading.invitation} onDead={() => setReading({ state: "dead" })} />;
  }
  const dead = reading.state === "dead";
  return (
    <main class="login">
      <div class="login-card">
        <h1>{t(dead ? "invite.invalidTitle" : "invite.unreadableTitle")}</h1>
        <p class="login-problem" role="alert" data-code={dead ? "invitation_not_found" : undefined}>
          {dead ? t("invite.invalid") : reading.problem}
        </p>
        <button type="button" class="primary" onClick={() => props.onSignIn(null)}>
          {t("invite.toSignIn")}
        </button>
        <Preferences />
      </div>
    </main>
  );
}

function PasswordForm(props: {
  token: string;
  invitation: InvitationDetail;
  onLogin: (login: Login) => void;
  onSignIn: (problem: LoginProblem | null) => void;
  onDead: () => void;
}) {
  const { invitation } = props;
  const rule: Rule = invitation.password_rule ? { min: invitation.password_rule.min_length, max: invitation.password_rule.max_length } : API_RULE;
  const [password, setPassword] = useState("");
  const [repeated, setRepeated] = useState("");
  const [problem, setProblem] = useState("");
  const [busy, setBusy] = useState(false);
  const passwordField = useRef<HTMLInputElement>(null);

  useEffect(() => passwordField.current?.focus(), []);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const wrong = passwordProblem(password, repeated, rule);
    setProblem(wrong);
    if (wrong) return;
    setBusy(true);
    try {
      props.onLogin(await acceptInvitation(createApi({ token: () => null }), props.token, password));
    } catch (error) {
      setBusy(false);
      if (isDeadLink(error)) props.onDead();
      else if (error instanceof ApiError && LOGIN_REFUSALS.has(error.code)) props.onSignIn(loginProblem(error));
      else setProblem(errorText(error));
    }
  }

  return (
    <main class="login">
      <form class="login-card" onSubmit={submit} aria-labelledby="invite-title" noValidate>
        <h1 id="invite-title">{t("invite.welcome", { name: invitation.display_name })}</h1>
        <p class="muted">{t("invite.intro", { username: invitation.username })}</p>
        {/* For the browser's password manager: the account the new password belongs to. */}
        <input type="hidden" name="username" autoComplete="username" value={invitation.username} />
        <label>
          {t("invite.password")}
          <input
            ref={passwordField}
            name="new-password"
            type="password"
            autoComplete="new-password"
            required
            minLength={rule.min}
            maxLength={rule.max}
            aria-describedby="password-rule"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <p id="password-rule" class="muted">
          {t("invite.rule", rule)}
        </p>
        <label>
          {t("invite.repeat")}
          <input
            name="repeat-password"
            type="password"
            autoComplete="new-password"
            required
            value={repeated}
            onInput={(e) => setRepeated(e.currentTarget.value)}
          />
        </label>
        {problem && (
          <p class="login-problem" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy || !password || !repeated}>
          {busy ? t("invite.busy") : t("invite.submit")}
        </button>
        <p>
          <a href="#/" onClick={(e) => (e.preventDefault(), props.onSignIn(null))}>
            {t("invite.toSignIn")}
          </a>
        </p>
        <Preferences />
      </form>
    </main>
  );
}
