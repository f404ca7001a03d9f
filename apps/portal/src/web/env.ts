// The web layer's Hono environment: the app's variables plus the in-process API client.
import type { Context } from "hono";
import type { AppEnv } from "../http/Api.ts";
import type { ApiClient } from "./api.ts";

export type WebEnv = {
  Variables: AppEnv["Variables"] & {
    /** The JSON API as the visitor (their cookie and CSRF token). */
    api: ApiClient;
  };
};

export type WebContext = Context<WebEnv>;
