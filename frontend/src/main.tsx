import { render } from "preact";
import { App } from "./components/App";
import { currentLocale } from "./i18n";
import { applyTheme } from "./lib/theme";
import "./styles.css";

applyTheme();
document.documentElement.lang = currentLocale();
render(<App />, document.getElementById("app")!);
