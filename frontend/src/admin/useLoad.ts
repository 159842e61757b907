import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiError } from "../api/client";

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
      (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)),
    );
  }, deps);
  useEffect(reload, [reload]);
  return { data, error, reload };
}

/** Runs an admin change; its error message (from the API) or "" when it worked. */
export async function attempt(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
    return "";
  } catch (e) {
    return e instanceof ApiError ? e.message : String(e);
  }
}
