// The login: the token lives in this tab's sessionStorage only, never in a URL or a cookie.
import type { AgentAccount, InvitationDetail, LoginResponse } from "./types";
import { ApiError, type Api } from "./client";
import { tabStore } from "../lib/storage";

const TOKEN_KEY = "tgdesk.token";
const AGENT_KEY = "tgdesk.agent";

export interface Login {
  token: string;
  agent: AgentAccount;
}

export function savedLogin(): Login | null {
  const token = tabStore.get(TOKEN_KEY);
  const agent = tabStore.get(AGENT_KEY);
  if (!token || !agent) return null;
  try {
    return { token, agent: JSON.parse(agent) as AgentAccount };
  } catch {
    return null;
  }
}

export function saveLogin(login: Login): void {
  tabStore.set(TOKEN_KEY, login.token);
  tabStore.set(AGENT_KEY, JSON.stringify(login.agent));
}

export function forgetLogin(): void {
  tabStore.remove(TOKEN_KEY);
  tabStore.remove(AGENT_KEY);
}

function kept(response: LoginResponse): Login {
  const login = { token: response.token, agent: response.agent };
  saveLogin(login);
  return login;
}

export async function logIn(api: Api, username: string, password: string): Promise<Login> {
  return kept(await api.post<LoginResponse>("/api/auth/login", { username, password }));
}

export async function logOut(api: Api): Promise<void> {
  try {
    await api.post("/api/auth/logout");
  } catch (error) {
    // An ended login is logged out already; anything else still forgets the token here.
    if (!(error instanceof ApiError)) throw error;
  } finally {
    forgetLogin();
  }
}

/** What the login page says about a failed login or an ended one. */
export interface LoginProblem {
  code: string;
  /** For too_many_attempts: seconds to wait. For account_locked: epoch ms of the unlock. */
  waitSeconds?: number;
  lockedUntil?: number;
  message?: string;
}

export function loginProblem(error: unknown, now: number = Date.now()): LoginProblem {
  if (!(error instanceof ApiError)) return { code: "error", message: String(error) };
  if (error.code === "too_many_attempts") return { code: error.code, waitSeconds: error.retryAfter ?? undefined };
  if (error.code === "account_locked") {
    return { code: error.code, lockedUntil: error.retryAfter ? now + error.retryAfter * 1000 : undefined, message: error.message };
  }
  return { code: error.code, message: error.message };
}

/** The API's password rule (InvitationAccept in openapi.json; a test keeps them equal). The
 * invitation page shows the rule the API answers with the invitation. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** The token of an invitation link (`#/invitation/<token>`), or null for any other address. */
export function invitationToken(hash: string): string | null {
  const found = /^#\/invitation\/([^/?#]+)$/.exec(hash);
  return found ? decodeURIComponent(found[1]) : null;
}

/** Whether the API could take this as an invitation token at all (its length rule). */
export function plausibleInvitationToken(token: string): boolean {
  return token.length >= 20 && token.length <= 128;
}

/** Whose an invitation is and the password rule: the first thing the invitation page asks. */
export async function readInvitation(api: Api, token: string): Promise<InvitationDetail> {
  return api.get<InvitationDetail>(`/api/auth/invitations/${encodeURIComponent(token)}`);
}

/** Set the invited agent's password; the link is used up and the API answers a login. */
export async function acceptInvitation(api: Api, token: string, password: string): Promise<Login> {
  return kept(await api.post<LoginResponse>(`/api/auth/invitations/${encodeURIComponent(token)}`, { password }));
}
