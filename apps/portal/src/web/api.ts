// The pages' only way to read or change data: the portal's own JSON API, called in-process with the
// visitor's session cookie, the portal's Origin and the session's CSRF token (docs/decisions/021).
// Authorisation, validation and domain rules therefore live once, in the API.
import type { Context, Hono } from "hono";
import type { AppEnv } from "../http/Api.ts";

export interface ApiAnswer {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: pages read the API's JSON through typed views (views.ts)
  readonly body: any;
  readonly headers: Headers;
}

export interface ApiClient {
  readonly get: (path: string) => Promise<ApiAnswer>;
  readonly post: (path: string, body?: unknown) => Promise<ApiAnswer>;
  readonly put: (path: string, body?: unknown) => Promise<ApiAnswer>;
  readonly patch: (path: string, body?: unknown) => Promise<ApiAnswer>;
  readonly delete: (path: string) => Promise<ApiAnswer>;
  /** The API's response itself, for files (PDFs) a page passes on to the browser unchanged. */
  readonly download: (path: string) => Promise<Response>;
  /** A raw body (file uploads): sent as is with its content type. */
  readonly send: (
    method: string,
    path: string,
    body: Uint8Array<ArrayBuffer>,
    contentType: string,
  ) => Promise<ApiAnswer>;
}

/** An API answer a page did not expect; the web layer's error handler turns it into a page. */
export class ApiFailure extends Error {
  readonly answer: ApiAnswer;
  constructor(answer: ApiAnswer) {
    super(`API answered ${answer.status}`);
    this.answer = answer;
  }
}

export const isOk = (answer: ApiAnswer): boolean => answer.status >= 200 && answer.status < 300;

/** The body of a successful answer; anything else becomes an error page (sign-in, 404, …). */
export const expectOk = <T>(answer: ApiAnswer): T => {
  if (!isOk(answer)) throw new ApiFailure(answer);
  return answer.body as T;
};

// Headers of the visitor's request that the API needs to see as they are (client address for
// sign-in throttling behind a proxy, and the language/agent for logs).
const PASSED_THROUGH = ["cookie", "x-forwarded-for", "user-agent", "accept-language"];

export const apiClient = (
  app: Hono<AppEnv>,
  c: Context<AppEnv>,
  publicOrigin: string,
): ApiClient => {
  const fetchApi = (
    method: string,
    path: string,
    body: string | Uint8Array<ArrayBuffer> | undefined,
    contentType: string | undefined,
  ): Promise<Response> => {
    const headers = new Headers({ origin: publicOrigin, "x-request-id": c.get("requestId") });
    for (const name of PASSED_THROUGH) {
      const value = c.req.header(name);
      if (value !== undefined) headers.set(name, value);
    }
    const csrf = c.get("principal")?.csrfToken;
    if (csrf !== undefined && csrf !== null) headers.set("x-csrf-token", csrf);
    if (contentType !== undefined) headers.set("content-type", contentType);
    // The visitor's env goes along so the API sees the real socket (client address).
    return Promise.resolve(
      app.fetch(
        new Request(new URL(path, publicOrigin), {
          method,
          headers,
          ...(body === undefined ? {} : { body }),
        }),
        c.env,
      ),
    );
  };
  const call = async (
    method: string,
    path: string,
    body: string | Uint8Array<ArrayBuffer> | undefined,
    contentType: string | undefined,
  ): Promise<ApiAnswer> => {
    const response = await fetchApi(method, path, body, contentType);
    const text = await response.text();
    let parsed: unknown = text;
    if (/json/u.test(response.headers.get("content-type") ?? "")) {
      parsed = text === "" ? undefined : JSON.parse(text);
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };
  const json = (method: string) => (path: string, body?: unknown) =>
    call(method, path, JSON.stringify(body ?? {}), "application/json");
  return {
    get: (path) => call("GET", path, undefined, undefined),
    download: (path) => fetchApi("GET", path, undefined, undefined),
    post: json("POST"),
    put: json("PUT"),
    patch: json("PATCH"),
    delete: (path) => call("DELETE", path, undefined, undefined),
    send: (method, path, body, contentType) => call(method, path, body, contentType),
  };
};

/**
 * Builds an API path, encoding each interpolated part, so a page's URL parameter can never step
 * into another API route (`../`): apiPath`/api/v1/services/${id}/actions`.
 */
export const apiPath = (strings: TemplateStringsArray, ...parts: ReadonlyArray<string>): string =>
  strings.reduce(
    (path, text, index) =>
      path + text + (index < parts.length ? encodeURIComponent(parts[index] as string) : ""),
    "",
  );
