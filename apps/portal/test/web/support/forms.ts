// A browser without a browser: posts forms to the pages through app.request, keeping the session
// cookie, for checks that need no rendering (CSRF, redirects, headers).
import type { Harness } from "../../support/harness.ts";

export interface PageAnswer {
  readonly status: number;
  readonly text: string;
  readonly headers: Headers;
  readonly location: string | null;
}

export class FormClient {
  cookie: string | undefined;
  origin: string;
  private readonly harness: Harness;
  constructor(harness: Harness) {
    this.harness = harness;
    this.origin = harness.origin ?? "http://localhost:3000";
  }

  async request(
    method: string,
    path: string,
    form?: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<PageAnswer> {
    const all: Record<string, string> = { ...headers };
    if (this.cookie !== undefined) all.cookie = this.cookie;
    if (form !== undefined) {
      all["content-type"] = "application/x-www-form-urlencoded";
      all.origin ??= this.origin;
    }
    const response = await this.harness.app.app.request(path, {
      method,
      headers: all,
      ...(form === undefined ? {} : { body: new URLSearchParams(form).toString() }),
    });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie !== null) {
      const value = /sequin_session=([^;]*)/u.exec(setCookie)?.[1];
      this.cookie = value === undefined || value === "" ? undefined : `sequin_session=${value}`;
    }
    return {
      status: response.status,
      text: await response.text(),
      headers: response.headers,
      location: response.headers.get("location"),
    };
  }

  get = (path: string) => this.request("GET", path);
  post = (path: string, form: Record<string, string>, headers?: Record<string, string>) =>
    this.request("POST", path, form, headers);

  /** The CSRF token the page put in its forms. */
  static csrfOf(page: string): string {
    const token = /name="_csrf" value="([^"]+)"/u.exec(page)?.[1];
    if (token === undefined) throw new Error("no CSRF field on the page");
    return token;
  }
}
