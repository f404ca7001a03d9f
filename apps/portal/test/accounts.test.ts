// Account and token lifecycles, and throttling by address: requirements the other files touch only
// in passing.
import { testDrivers } from "@sequin/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildNetwork,
  Client,
  createAccount,
  type Harness,
  type Network,
  startHarness,
} from "./support/harness.ts";

describe.each(testDrivers())("accounts and tokens on %s", (driver) => {
  let harness: Harness;
  let network: Network;
  beforeAll(async () => {
    harness = await startHarness(driver);
    network = await buildNetwork(harness);
  });
  afterAll(() => harness.close());

  it("invites an account with a one-time password, and revoking it ends its sessions", async () => {
    const invited = await network.leadA.post(`/api/v1/services/${network.serviceA.id}/accounts`, {
      email: "new.staff@a.test",
      displayName: "New staff",
      role: "staff",
    });
    expect(invited.status).toBe(201);
    const client = new Client(harness);
    const signedIn = await client.login("new.staff@a.test", invited.body.oneTimePassword);
    expect(signedIn.body.mustChangePassword).toBe(true);
    expect((await client.get("/api/v1/session")).status).toBe(200);

    const revoked = await network.leadA.delete(
      `/api/v1/services/${network.serviceA.id}/accounts/${invited.body.account.id}`,
    );
    expect(revoked.status).toBe(204);
    expect((await client.get("/api/v1/session")).status).toBe(401);
    expect(
      (await new Client(harness).login("new.staff@a.test", invited.body.oneTimePassword)).status,
    ).toBe(401);
    // Only the lead invites.
    expect(
      (
        await network.staffA.post(`/api/v1/services/${network.serviceA.id}/accounts`, {
          email: "x@a.test",
          displayName: "X",
          role: "staff",
        })
      ).status,
    ).toBe(403);
  });

  it("issues a token once, stores only its hash, and revoking it stops it at once", async () => {
    const created = await network.leadA.post(`/api/v1/services/${network.serviceA.id}/tokens`, {
      name: "rostering",
    });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^sqt_[\w-]{40,}$/u);
    const listed = await network.leadA.get(`/api/v1/services/${network.serviceA.id}/tokens`);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);

    const integration = new Client(harness);
    integration.bearer = created.body.token;
    expect((await integration.get(`/api/v1/services/${network.serviceA.id}`)).status).toBe(200);
    // A token acts for its service only, without CSRF (it carries no cookie).
    integration.origin = "https://elsewhere.example";
    expect(
      (
        await integration.post(`/api/v1/services/${network.serviceA.id}/assessments`, {
          cycle: "2021/22",
          area: "technology",
        })
      ).status,
    ).toBe(201);

    expect(
      (
        await network.leadA.delete(
          `/api/v1/services/${network.serviceA.id}/tokens/${created.body.details.id}`,
        )
      ).status,
    ).toBe(204);
    expect((await integration.get(`/api/v1/services/${network.serviceA.id}`)).status).toBe(401);
  });
});

describe.each(testDrivers())("throttling by address on %s", (driver) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(driver);
    await createAccount(harness, { login: "innocent@a.test", role: "staff" });
  });
  afterAll(() => harness.close());

  it("locks an address after 20 failures across many names, even for a correct password", async () => {
    // Four wrong names, five tries each: no single name reaches its own limit of five.
    for (let name = 0; name < 4; name++) {
      for (let attempt = 0; attempt < 5; attempt++) {
        expect((await new Client(harness).login(`guess${name}@a.test`, "wrong-wrong")).status).toBe(
          401,
        );
      }
    }
    const blocked = await new Client(harness).login("innocent@a.test", "correct horse battery");
    expect(blocked.status).toBe(429);
    harness.clock.now = new Date(harness.clock.now.getTime() + 16 * 60 * 1000);
    expect(
      (await new Client(harness).login("innocent@a.test", "correct horse battery")).status,
    ).toBe(200);
  });
});
