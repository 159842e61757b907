// The page an invitation link opens (`#/invitation/<token>`): the invited agent chooses a
// password under the API's rules, the link is used up, and they are signed in. The API's answer
// names no one, so the agent gives the username their administrator sent with the link.
import { useEffect, useRef, useState } from "preact/hooks";
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  acceptInvitation,
  logIn,
  loginProblem,
  plausibleInvitationToken,
  type Login,
  type LoginProblem,
} from "../api/auth";
import { ApiError, createApi } from "../api/client";
import { errorText } from "../console/errors";
import { t } from "../i18n";
import { Preferences } from "./Preferences";

const RULE = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };

/** What is wrong with the chosen password, or "" when the API will take it. */
export function passwordProblem(password: string, repeated: string): string {
  if (password.length < PASSWORD_MIN_LENGTH) return t("invite.tooShort", RULE);
  if (password.length > PASSWORD_MAX_LENGTH) return t("invite.tooLong", RULE);
  if (password !== repeated) return t("invite.mismatch");
  return "";
}

/** The API's answer for a link that cannot be used: unknown, used, expired, or malformed. */
function isDeadLink(error: unknown): boolean {
  return error instanceof ApiError && (error.code === "invitation_not_found" || (error.code === "invalid_input" && error.details.field === "token"));
}

export function InvitationPage(props: {
  token: string;
  onLogin: (login: Login) => void;
  /** To the sign-in page, saying why when there is something to say. */
  onSignIn: (problem: LoginProblem | null) => void;
}) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [repeated, setRepeated] = useState("");
  const [problem, setProblem] = useState("");
  const [dead, setDead] = useState(() => !plausibleInvitationToken(props.token));
  const [busy, setBusy] = useState(false);
  const userField = useRef<HTMLInputElement>(null);

  useEffect(() => userField.current?.focus(), []);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const wrong = passwordProblem(password, repeated);
    setProblem(wrong);
    if (wrong) return;
    setBusy(true);
    const api = createApi({ token: () => null });
    try {
      await acceptInvitation(api, props.token, password);
    } catch (error) {
      setBusy(false);
      if (isDeadLink(error)) setDead(true);
      else setProblem(errorText(error));
      return;
    }
    try {
      props.onLogin(await logIn(api, username.trim(), password));
    } catch (error) {
      // The password is set either way; a mistyped username is corrected on the sign-in page.
      const found = loginProblem(error);
      props.onSignIn(found.code === "invalid_credentials" ? { code: "invitation_accepted" } : found);
    }
  }

  if (dead) {
    return (
      <main class="login">
        <div class="login-card">
          <h1>{t("invite.invalidTitle")}</h1>
          <p class="login-problem" role="alert" data-code="invitation_not_found">
            {t("invite.invalid")}
          </p>
          <button type="button" class="primary" onClick={() => props.onSignIn(null)}>
            {t("invite.toSignIn")}
          </button>
          <Preferences />
        </div>
      </main>
    );
  }

  return (
    <main class="login">
      <form class="login-card" onSubmit={submit} aria-labelledby="invite-title" noValidate>
        <h1 id="invite-title">{t("invite.title")}</h1>
        <p class="muted">{t("invite.intro")}</p>
        <label>
          {t("login.username")}
          <input
            ref={userField}
            name="username"
            autoComplete="username"
            required
            value={username}
            onInput={(e) => setUsername(e.currentTarget.value)}
          />
        </label>
        <label>
          {t("invite.password")}
          <input
            name="new-password"
            type="password"
            autoComplete="new-password"
            required
            minLength={PASSWORD_MIN_LENGTH}
            maxLength={PASSWORD_MAX_LENGTH}
            aria-describedby="password-rule"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <p id="password-rule" class="muted">
          {t("invite.rule", RULE)}
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
        <button type="submit" class="primary" disabled={busy || !username.trim() || !password || !repeated}>
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
