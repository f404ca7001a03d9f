import { testDrivers } from "@sequin/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  Client,
  createAccount,
  type Harness,
  ORIGIN,
  signedIn,
  startHarness,
} from "./support/harness.ts";

describe.each(testDrivers())("sessions on %s", (driver) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(driver);
    await createAccount(harness, { login: "lead@a.test", role: "network-admin" });
  });
  afterAll(() => harness.close());

  it("answers health and readiness", async () => {
    const client = new Client(harness);
    expect((await client.get("/healthz")).body).toEqual({ status: "ok" });
    expect((await client.get("/readyz")).body).toEqual({ status: "ready", database: driver });
  });

  it("signs in with an HttpOnly cookie and a CSRF token, and out for real", async () => {
    const client = new Client(harness);
    const answer = await client.login("Lead@A.test", "correct horse battery");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("set-cookie")).toMatch(
      /sequin_session=[\w-]{40,}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax/u,
    );
    expect(answer.body.account.role).toBe("network-admin");
    expect(answer.body.csrfToken).toMatch(/^[\w-]{20,}$/u);
    const cookie = client.cookie;
    expect((await client.get("/api/v1/session")).status).toBe(200);
    expect((await client.delete("/api/v1/session")).status).toBe(204);
    const replay = new Client(harness);
    replay.cookie = cookie;
    expect((await replay.get("/api/v1/session")).status).toBe(401);
  });

  it("gives a new session id at every sign-in", async () => {
    const client = await signedIn(harness, "lead@a.test");
    const first = client.cookie;
    await client.login("lead@a.test", "correct horse battery");
    expect(client.cookie).not.toBe(first);
    const old = new Client(harness);
    old.cookie = first;
    expect((await old.get("/api/v1/session")).status).toBe(401);
  });

  it("ends idle sessions after 30 minutes and all sessions after 12 hours", async () => {
    const client = await signedIn(harness, "lead@a.test");
    harness.clock.now = new Date(harness.clock.now.getTime() + 29 * 60 * 1000);
    expect((await client.get("/api/v1/session")).status).toBe(200);
    harness.clock.now = new Date(harness.clock.now.getTime() + 31 * 60 * 1000);
    expect((await client.get("/api/v1/session")).status).toBe(401);

    const busy = await signedIn(harness, "lead@a.test");
    for (let step = 0; step < 25; step++) {
      harness.clock.now = new Date(harness.clock.now.getTime() + 29 * 60 * 1000);
      const status = (await busy.get("/api/v1/session")).status;
      if (step < 24) expect(status).toBe(200);
      else expect(status).toBe(401);
    }
  });

  it("gives the same answer for a wrong password and an unknown account", async () => {
    const wrong = await new Client(harness).login("lead@a.test", "not the password");
    const unknown = await new Client(harness).login("nobody@a.test", "not the password");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
  });

  it("throttles repeated failures per account, known or not", async () => {
    await createAccount(harness, { login: "target@a.test", role: "staff" });
    for (const login of ["target@a.test", "ghost@a.test"]) {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 6; attempt++)
        statuses.push((await new Client(harness).login(login, "guess-guess")).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    }
    // Even the right password waits out the lock.
    const locked = await new Client(harness).login("target@a.test", "correct horse battery");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    harness.clock.now = new Date(harness.clock.now.getTime() + 16 * 60 * 1000);
    expect((await new Client(harness).login("target@a.test", "correct horse battery")).status).toBe(
      200,
    );
  });

  it("refuses unsafe cookie requests without the CSRF token or from another origin", async () => {
    const client = await signedIn(harness, "lead@a.test");
    const token = client.csrf;
    client.csrf = undefined;
    expect((await client.post("/api/v1/organisations", { name: "X" })).status).toBe(403);
    client.csrf = token;
    client.origin = "https://evil.example";
    expect((await client.post("/api/v1/organisations", { name: "X" })).status).toBe(403);
    client.origin = ORIGIN;
    expect((await client.post("/api/v1/organisations", { name: "X" })).status).toBe(201);
  });

  it("refuses JSON routes sent as forms", async () => {
    const client = await signedIn(harness, "lead@a.test");
    const answer = await client.request("POST", "/api/v1/organisations", "name=X", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(answer.status).toBe(415);
  });

  it("makes a one-time password be changed first, refusing weak new ones", async () => {
    await createAccount(harness, { login: "new@a.test", role: "network-admin" });
    await harness.database.db.execute(
      (await import("drizzle-orm"))
        .sql`update accounts set must_change_password = true where login = 'new@a.test'`,
    );
    const client = await signedIn(harness, "new@a.test");
    expect((await client.get("/api/v1/organisations")).status).toBe(401);
    const weak = await client.post("/api/v1/session/password", {
      currentPassword: "correct horse battery",
      newPassword: "password123",
    });
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0].field).toBe("body.newPassword");
    const short = await client.post("/api/v1/session/password", {
      currentPassword: "correct horse battery",
      newPassword: "short",
    });
    expect(short.body.errors[0].message).toBe("Use at least 8 characters.");
    const good = await client.post("/api/v1/session/password", {
      currentPassword: "correct horse battery",
      newPassword: "tulips in the rain",
    });
    expect(good.status).toBe(204);
    expect((await client.get("/api/v1/organisations")).status).toBe(200);
  });

  it("sets security headers with a real CSP", async () => {
    const answer = await new Client(harness).get("/api/v1/session");
    expect(answer.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
    expect(answer.headers.get("x-request-id")).toMatch(/^[\w-]{8,}$/u);
    expect(answer.body.requestId).toBe(answer.headers.get("x-request-id"));
  });
});
