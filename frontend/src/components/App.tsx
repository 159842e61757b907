import { useState } from "preact/hooks";
import { forgetLogin, savedLogin, type Login, type LoginProblem } from "../api/auth";
import { i18n } from "../i18n";
import { useStore } from "../lib/store";
import { Console } from "./Console";
import { LoginPage } from "./Login";

export function App() {
  useStore(i18n, (s) => s.lang); // the whole tree follows a language switch
  const [login, setLogin] = useState<Login | null>(savedLogin);
  const [problem, setProblem] = useState<LoginProblem | null>(null);

  function ended(code: string) {
    forgetLogin();
    setLogin(null);
    setProblem({ code });
  }

  if (!login) {
    return (
      <LoginPage
        problem={problem}
        onLogin={(next) => {
          setProblem(null);
          setLogin(next);
        }}
      />
    );
  }
  return <Console key={login.token} login={login} onEnded={ended} />;
}
