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
      (e: unknown) => setError(errorText(e)),
    );
  }, deps);
  useEffect(reload, [reload]);
  return { data, error, reload };
}

/** What to show for a failed call: the API's message. */
export function errorText(error: unknown): string {
  return error instanceof ApiError ? error.message : String(error);
}

/** Runs an admin change; its error message (from the API) or "" when it worked. */
export async function attempt(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
    return "";
  } catch (e) {
    return errorText(e);
  }
}
