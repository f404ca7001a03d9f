// One harness for every portal test: a fresh migrated database (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set), the real app, a movable clock, and clients that behave like browsers
// (cookie, Origin, CSRF token) or integrations (Bearer token).
import { schema } from "@sequin/db";
import { openTestDatabase, type TestDriver } from "@sequin/db/testing";
import { type LoadedStandards, loadStandards } from "@sequin/standards";
import { Effect } from "effect";
import { type App, createApp } from "../../src/app.ts";
import { hashPassword } from "../../src/auth/Passwords.ts";
import type { Config } from "../../src/Config.ts";
import { memoryLogger } from "../../src/http/Logger.ts";

export const ORIGIN = "http://localhost:3000";

let standards: Promise<LoadedStandards> | undefined;
export const testStandards = (): Promise<LoadedStandards> => {
  standards ??= Effect.runPromise(loadStandards());
  return standards;
};

export const testConfig: Config = {
  port: 3000,
  host: "127.0.0.1",
  databaseUrl: undefined,
  dataDir: "/nonexistent",
  publicOrigin: ORIGIN,
  seedDemo: false,
  logLevel: "debug",
  trustProxy: false,
  maxUploadBytes: 20 * 1024 * 1024,
  networkName: "Test network",
  chromiumPath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  pdfServiceUrl: undefined,
  siteDir: "/nonexistent",
};

export interface Harness {
  readonly app: App;
  readonly database: Awaited<ReturnType<typeof openTestDatabase>>;
  readonly clock: { now: Date };
  readonly logger: ReturnType<typeof memoryLogger>;
  readonly close: () => Promise<void>;
  /** The origin browsers use (web tests serve the app on a random port). */
  readonly origin?: string;
}

export const startHarness = async (
  driver: TestDriver,
  overrides: Partial<Config> = {},
): Promise<Harness> => {
  const database = await openTestDatabase(driver);
  const clock = { now: new Date("2021-06-15T10:00:00Z") };
  const logger = memoryLogger();
  const app = createApp({
    database,
    standards: await testStandards(),
    config: { ...testConfig, ...overrides },
    logger,
    now: () => clock.now,
  });
  return {
    origin: overrides.publicOrigin ?? ORIGIN,
    app,
    database,
    clock,
    logger,
    close: async () => {
      await app.dispose();
      await database.dispose();
    },
  };
};

export interface Answer {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies freely
  readonly body: any;
  readonly headers: Headers;
}

/** A browser-like client: keeps the session cookie and sends Origin and the CSRF token. */
export class Client {
  cookie: string | undefined;
  csrf: string | undefined;
  bearer: string | undefined;
  origin: string = ORIGIN;
  private readonly harness: Harness;
  constructor(harness: Harness) {
    this.harness = harness;
    this.origin = harness.origin ?? ORIGIN;
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const all: Record<string, string> = { origin: this.origin, ...headers };
    if (this.cookie !== undefined) all.cookie = this.cookie;
    if (this.csrf !== undefined) all["x-csrf-token"] = this.csrf;
    if (this.bearer !== undefined) all.authorization = `Bearer ${this.bearer}`;
    if (body !== undefined && all["content-type"] === undefined)
      all["content-type"] = "application/json";
    const response = await this.harness.app.app.request(path, {
      method,
      headers: all,
      ...(body === undefined
        ? {}
        : {
            body:
              typeof body === "string" || body instanceof Uint8Array ? body : JSON.stringify(body),
          }),
    });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie !== null) {
      const value = /sequin_session=([^;]*)/u.exec(setCookie)?.[1];
      this.cookie = value === undefined || value === "" ? undefined : `sequin_session=${value}`;
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === "" ? undefined : JSON.parse(text);
    } catch {}
    return { status: response.status, body: parsed, headers: response.headers };
  }

  /** A raw GET with this client's credentials (for binary answers such as PDFs). */
  harnessRequest(path: string): Promise<Response> {
    const headers: Record<string, string> = { origin: this.origin };
    if (this.cookie !== undefined) headers.cookie = this.cookie;
    if (this.bearer !== undefined) headers.authorization = `Bearer ${this.bearer}`;
    return Promise.resolve(this.harness.app.app.request(path, { headers }));
  }

  get = (path: string) => this.request("GET", path);
  post = (path: string, body?: unknown) => this.request("POST", path, body ?? {});
  put = (path: string, body?: unknown) => this.request("PUT", path, body ?? {});
  patch = (path: string, body?: unknown) => this.request("PATCH", path, body ?? {});
  delete = (path: string) => this.request("DELETE", path);

  async login(login: string, password: string): Promise<Answer> {
    const answer = await this.request("POST", "/api/v1/session", { login, password });
    if (answer.status === 200) this.csrf = answer.body.csrfToken;
    return answer;
  }
}

/** Creates an account directly (fixtures), with a known password and no forced change. */
export const createAccount = async (
  harness: Harness,
  values: {
    login: string;
    role: typeof schema.accounts.$inferInsert.role;
    serviceId?: string;
    organisationId?: string;
    password?: string;
  },
) => {
  const [row] = await harness.database.db
    .insert(schema.accounts)
    .values({
      login: values.login,
      displayName: values.login,
      role: values.role,
      serviceId: values.serviceId ?? null,
      organisationId: values.organisationId ?? null,
      passwordHash: await hashPassword(values.password ?? "correct horse battery"),
    })
    .returning();
  return row as typeof schema.accounts.$inferSelect;
};

export const signedIn = async (
  harness: Harness,
  login: string,
  password = "correct horse battery",
) => {
  const client = new Client(harness);
  const answer = await client.login(login, password);
  if (answer.status !== 200)
    throw new Error(`login ${login} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return client;
};

export interface Network {
  readonly admin: Client;
  readonly serviceA: { id: string; organisationId: string; wards: string[] };
  readonly serviceB: { id: string; organisationId: string; wards: string[] };
  readonly leadA: Client;
  readonly staffA: Client;
  readonly repA: Client;
  readonly leadB: Client;
}

/** Two organisations with one service each (A with two wards), an admin, and accounts per role. */
export const buildNetwork = async (harness: Harness): Promise<Network> => {
  await createAccount(harness, { login: "admin@network.test", role: "network-admin" });
  const admin = await signedIn(harness, "admin@network.test");
  const orgA = (await admin.post("/api/v1/organisations", { name: "Org A" })).body;
  const orgB = (await admin.post("/api/v1/organisations", { name: "Org B" })).body;
  const serviceA = (
    await admin.post("/api/v1/services", { organisationId: orgA.id, name: "Service A" })
  ).body;
  const serviceB = (
    await admin.post("/api/v1/services", { organisationId: orgB.id, name: "Service B" })
  ).body;
  const ward1 = (await admin.post(`/api/v1/services/${serviceA.id}/wards`, { name: "Ash ward" }))
    .body;
  const ward2 = (await admin.post(`/api/v1/services/${serviceA.id}/wards`, { name: "Birch ward" }))
    .body;
  const created = await admin.post("/api/v1/cycles", { label: "2021/22" });
  if (created.status !== 201) throw new Error(`cycle: ${JSON.stringify(created.body)}`);
  for (const [login, role, service] of [
    ["lead-a@a.test", "service-lead", serviceA],
    ["staff-a@a.test", "staff", serviceA],
    ["rep-a@a.test", "service-user-rep", serviceA],
    ["lead-b@b.test", "service-lead", serviceB],
  ] as const) {
    await createAccount(harness, {
      login,
      role,
      serviceId: service.id,
      organisationId: service.organisationId,
    });
  }
  return {
    admin,
    serviceA: { id: serviceA.id, organisationId: orgA.id, wards: [ward1.id, ward2.id] },
    serviceB: { id: serviceB.id, organisationId: orgB.id, wards: [] },
    leadA: await signedIn(harness, "lead-a@a.test"),
    staffA: await signedIn(harness, "staff-a@a.test"),
    repA: await signedIn(harness, "rep-a@a.test"),
    leadB: await signedIn(harness, "lead-b@b.test"),
  };
};
