// A REST API for the feature stores' tests: each verb answers from a handler of (path, query or
// body); without one it refuses. Calls are recorded by the vi.fn()s.
import { vi } from "vitest";
import type { Api } from "../src/api/client";
import type { AgentAccount } from "../src/api/types";
import { Workspace } from "../src/console/workspace";

type Handler = (path: string, arg?: unknown) => unknown;

export const ME: AgentAccount = { agent_id: "6t2nwqeabbja", username: "admin", display_name: "Admin", role: "agent" };

export function fakeApi(handlers: Partial<Record<keyof Api, Handler>> = {}) {
  const verb = (name: keyof Api) =>
    vi.fn(async (path: string, arg?: unknown) => {
      const handler = handlers[name];
      if (!handler) throw new Error(`unexpected ${name} ${path}`);
      return handler(path, arg);
    });
  const api = { get: verb("get"), post: verb("post"), patch: verb("patch"), put: verb("put"), del: verb("del") };
  return api as typeof api & Api;
}

export function workspaceOf(api: Api, me: AgentAccount = ME): Workspace {
  return new Workspace(api, me);
}

/** A promise settled from outside, to answer requests in a chosen order. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
