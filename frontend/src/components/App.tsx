import { useEffect, useState } from "preact/hooks";
import { forgetLogin, invitationToken, savedLogin, type Login, type LoginProblem } from "../api/auth";
import { i18n } from "../i18n";
import { useStore } from "../lib/store";
import { Console } from "./Console";
import { InvitationPage } from "./Invitation";
import { LoginPage } from "./Login";

/** Drops the invitation link from the address bar and the history once it is done with. */
function leaveInvitation(): void {
  history.replaceState(null, "", location.pathname + location.search);
}

export function App() {
  useStore(i18n, (s) => s.lang); // the whole tree follows a language switch
  const [login, setLogin] = useState<Login | null>(savedLogin);
  const [problem, setProblem] = useState<LoginProblem | null>(null);
  const [invitation, setInvitation] = useState(() => invitationToken(location.hash));

  useEffect(() => {
    const follow = () => setInvitation(invitationToken(location.hash));
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, []);

  function ended(code: string) {
    forgetLogin();
    setLogin(null);
    setProblem({ code });
  }

  function signedIn(next: Login) {
    setProblem(null);
    setLogin(next);
  }

  // An invitation link opens its page even in a signed-in tab: it is what was asked for.
  if (invitation) {
    return (
      <InvitationPage
        key={invitation}
        token={invitation}
        onLogin={(next) => {
          leaveInvitation();
          setInvitation(null);
          signedIn(next);
        }}
        onSignIn={(why) => {
          leaveInvitation();
          setInvitation(null);
          if (why) {
            // The password was set but signing in failed: the sign-in page says why.
            forgetLogin();
            setLogin(null);
          }
          setProblem(why);
        }}
      />
    );
  }
  if (!login) return <LoginPage problem={problem} onLogin={signedIn} />;
  return <Console key={login.token} login={login} onEnded={ended} />;
}
