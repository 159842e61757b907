import { useCallback, useEffect, useState } from "preact/hooks";
import { errorText } from "../console/errors";

/** What to show for a failed call: its code through the catalogue, else the API's message. */
export { errorText };

/** Loads data once per dependency change; `reload` re-reads it; errors are shown as text. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState("");
  const reload = useCallback(() => {
    load().then(
      (value) => {
        setData(value);
        setError("");
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, deps);
  useEffect(reload, [reload]);
  return { data, error, reload, setData };
}

/** Runs an admin change; its error message or "" when it worked. */
export async function attempt(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
    return "";
  } catch (e) {
    return errorText(e);
  }
}
