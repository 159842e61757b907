import { useEffect, useRef, useState } from "preact/hooks";
import { logIn, loginProblem, type Login as LoginResult, type LoginProblem } from "../api/auth";
import { createApi } from "../api/client";
import { t } from "../i18n";
import { dateTime } from "../lib/format";
import { Preferences } from "./Preferences";

export function problemText(problem: LoginProblem, now: number = Date.now()): string {
  switch (problem.code) {
    case "invalid_credentials":
      return t("login.invalid");
    case "too_many_attempts": {
      const seconds = problem.waitSeconds ?? 0;
      return seconds > 0 ? t("login.tooMany", { seconds }) : t("login.tooManyNoWait");
    }
    case "account_locked":
      return problem.lockedUntil && problem.lockedUntil > now
        ? t("login.locked", { until: dateTime(problem.lockedUntil) })
        : t("login.lockedNoTime");
    case "account_disabled":
      return t("login.disabled");
    case "signed_in_elsewhere":
      return t("login.elsewhere");
    case "token_expired":
      return t("login.expired");
    case "session_expired":
      return t("login.idle");
    case "login_revoked":
      return t("login.revoked");
    case "unauthorized":
      return t("login.again");
    case "network_error":
      return t("error.network");
    case "logged_out":
      return t("login.loggedOut");
    case "invitation_accepted":
      return t("invite.passwordSet");
    default:
      return problem.message ?? t("error.generic");
  }
}

export function LoginPage(props: { problem: LoginProblem | null; onLogin: (login: LoginResult) => void }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<LoginProblem | null>(props.problem);
  const [busy, setBusy] = useState(false);
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(Date.now());
  const userField = useRef<HTMLInputElement>(null);

  useEffect(() => userField.current?.focus(), []);
  useEffect(() => {
    if (waitUntil <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(timer);
  }, [waitUntil, now]);

  const waiting = Math.max(0, Math.ceil((waitUntil - now) / 1000));
  const shown = problem?.code === "too_many_attempts" ? { ...problem, waitSeconds: waiting } : problem;

  async function submit(event: Event) {
    event.preventDefault();
    if (busy || waiting > 0) return;
    setBusy(true);
    try {
      const login = await logIn(createApi({ token: () => null }), username, password);
      props.onLogin(login);
    } catch (error) {
      const found = loginProblem(error);
      const current = Date.now();
      setNow(current);
      setWaitUntil(found.waitSeconds ? current + found.waitSeconds * 1000 : 0);
      setProblem(found);
      setPassword("");
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="login">
      <form class="login-card" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <h1 id="login-title">{t("login.title")}</h1>
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
          {t("login.password")}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        {shown && (
          <p class="login-problem" role="alert" data-code={shown.code}>
            {problemText(shown, now)}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy || waiting > 0 || !username || !password}>
          {busy ? t("login.busy") : t("login.submit")}
        </button>
        <Preferences />
      </form>
    </main>
  );
}
