// The one place that talks HTTP to the REST API: bearer token, JSON, errors with a stable code.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds from the `Retry-After` header, when the API sent one. */
    readonly retryAfter: number | null = null,
    /** The error body's other fields (for example the matches of a risk refusal). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Codes that end the login: the console returns to the login page and says why. */
export const SESSION_ENDING_CODES = new Set([
  "unauthorized",
  "token_expired",
  "session_expired",
  "signed_in_elsewhere",
  "login_revoked",
  "account_disabled",
]);

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface ApiOptions {
  token: () => string | null;
  onSessionEnded?: (error: ApiError) => void;
  fetch?: typeof fetch;
  base?: string;
}

export interface Api {
  get<T>(path: string, query?: Query): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  del(path: string): Promise<void>;
}

/** The client as createApi makes it: JSON calls, binary downloads (a message's file, a CSV
 *  export) and uploads of a text document (a CSV import) answered with JSON. */
export interface HttpApi extends Api {
  blob(path: string, query?: Query): Promise<Blob>;
  putText<T>(path: string, text: string, type: string): Promise<T>;
}

export function withQuery(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Path segments come from data (ids): always encode them. */
export function path(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce(
    (out, part, i) => out + part + (i < values.length ? encodeURIComponent(String(values[i])) : ""),
    "",
  );
}

async function errorFrom(response: Response): Promise<ApiError> {
  let code = "error";
  let message = response.statusText || `HTTP ${response.status}`;
  let details: Record<string, unknown> = {};
  try {
    const body = (await response.json()) as Record<string, unknown>;
    if (typeof body.code === "string") code = body.code;
    if (typeof body.message === "string") message = body.message;
    details = body;
  } catch {
    // Not JSON (a gateway error page): keep the status text.
  }
  const header = Number(response.headers.get("Retry-After"));
  return new ApiError(response.status, code, message, Number.isFinite(header) && header > 0 ? header : null, details);
}

export function createApi(options: ApiOptions): HttpApi {
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const base = options.base ?? "";

  async function send(
    method: string,
    url: string,
    init: { body?: unknown; accept?: string; document?: { text: string; type: string } } = {},
  ): Promise<Response> {
    const { body, document } = init;
    const headers: Record<string, string> = { Accept: init.accept ?? "application/json" };
    const token = options.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (document) headers["Content-Type"] = document.type;
    let response: Response;
    try {
      response = await fetchImpl(base + url, {
        method,
        headers,
        body: document ? document.text : body === undefined ? undefined : JSON.stringify(body),
        // Files are immutable and the API marks them privately cacheable; JSON never is.
        cache: init.accept ? "default" : "no-store",
      });
    } catch {
      throw new ApiError(0, "network_error", "network_error");
    }
    if (!response.ok) {
      const error = await errorFrom(response);
      if (token && SESSION_ENDING_CODES.has(error.code)) options.onSessionEnded?.(error);
      throw error;
    }
    return response;
  }

  async function request<T>(method: string, url: string, body?: unknown, document?: { text: string; type: string }): Promise<T> {
    const response = await send(method, url, { body, document });
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  return {
    get: (p, query) => request("GET", withQuery(p, query)),
    post: (p, body) => request("POST", p, body ?? {}),
    patch: (p, body) => request("PATCH", p, body),
    put: (p, body) => request("PUT", p, body),
    del: (p) => request("DELETE", p),
    blob: async (p, query) => (await send("GET", withQuery(p, query), { accept: "*/*" })).blob(),
    putText: (p, text, type) => request("PUT", p, undefined, { text, type }),
  };
}
