// Walks every route × every role of service A × service B's ids, and expects a refusal (403 or 404)
// wherever A must not reach. Routes come from the router itself, so a new route is covered (or this
// test fails for want of a sample body) without anyone remembering to add it.
import { testDrivers } from "@sequin/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildNetwork,
  Client,
  type Harness,
  type Network,
  startHarness,
} from "./support/harness.ts";

/** Valid bodies, so that a refusal is about who asks, not what they sent. */
const sampleBodies = (network: Network, ids: Record<string, string>): Record<string, unknown> => ({
  "post /api/v1/session": { login: "x@y.z", password: "whatever-123" },
  "post /api/v1/session/password": {
    currentPassword: "correct horse battery",
    newPassword: "a new long pass phrase",
  },
  "post /api/v1/organisations": { name: "Sneaky org" },
  "post /api/v1/services": {
    organisationId: network.serviceB.organisationId,
    name: "Sneaky service",
  },
  "patch /api/v1/services/:serviceId": { namedInBenchmarks: true },
  "post /api/v1/services/:serviceId/wards": { name: "Sneaky ward" },
  "post /api/v1/services/:serviceId/login": {},
  "post /api/v1/services/:serviceId/accounts": {
    email: "sneaky@x.test",
    displayName: "Sneaky",
    role: "staff",
  },
  "post /api/v1/services/:serviceId/tokens": { name: "sneaky" },
  "post /api/v1/cycles": { label: "2019/20" },
  "post /api/v1/services/:serviceId/assessments": { cycle: "2021/22", area: "involvement" },
  "patch /api/v1/assessments/:assessmentId": {
    version: 1,
    attendance: { serviceUsers: 1, staff: 1, carers: 0 },
  },
  "put /api/v1/assessments/:assessmentId/standards/:standardId": {
    version: 1,
    views: { serviceUser: 1, staff: 1 },
    agreed: 1,
    rationale: "",
    evidence: "",
  },
  "post /api/v1/assessments/:assessmentId/submit": { version: 1 },
  "post /api/v1/services/:serviceId/actions": {
    cycle: "2021/22",
    standardId: "TEC-01",
    what: "x",
    owner: "y",
    due: "2021-12-01",
  },
  "patch /api/v1/services/:serviceId/actions/:actionId": { version: 1, owner: "z" },
  "post /api/v1/services/:serviceId/actions/:actionId/notes": { text: "sneaky" },
  "post /api/v1/services/:serviceId/actions/carry-over": { from: "2021/22", to: "2022/23" },
  "put /api/v1/services/:serviceId/cycles/:cycle/choices": { areas: ["meaningful-activity"] },
  "post /api/v1/services/:serviceId/calendar-feeds": {},
  "post /api/v1/cycles/:cycle/peer-review-rounds": { area: "technology" },
  "patch /api/v1/peer-review-rounds/:roundId": { version: 1, pairs: [] },
  "post /api/v1/peer-review-rounds/:roundId/publish": { version: 1 },
  "post /api/v1/jobs": { kind: "recompute-benchmarks" },
  "put /api/v1/cycles/:cycle/areas/:area/themes": { themes: [{ title: "sneaky" }] },
  ...Object.fromEntries(
    Object.entries(ids)
      .filter(([key]) => key.startsWith("body:"))
      .map(([key, value]) => [key.slice(5), value]),
  ),
});

const SAMPLE_PDF = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
);

/** Routes any signed-in account may call
 without naming another tenant's resource. */
const OPEN_TO_ALL = new Set([
  "get /api/v1/session",
  "delete /api/v1/session",
  "post /api/v1/session",
  "post /api/v1/session/password",
  "get /api/v1/services",
  "get /api/v1/cycles",
  "get /api/v1/cycles/:cycle",
  "get /api/v1/cycles/:cycle/standards",
  "get /api/v1/cycles/:cycle/themes",
]);

describe.each(testDrivers())("authorisation on %s", (driver) => {
  let harness: Harness;
  let network: Network;
  let ids: Record<string, string>;
  let tokenA: Client;

  beforeAll(async () => {
    harness = await startHarness(driver);
    network = await buildNetwork(harness);
    const bAssessment = (
      await network.leadB.post(`/api/v1/services/${network.serviceB.id}/assessments`, {
        cycle: "2021/22",
        area: "technology",
      })
    ).body;
    const bToken = (
      await network.leadB.post(`/api/v1/services/${network.serviceB.id}/tokens`, { name: "b-int" })
    ).body;
    const bAccounts = (await network.leadB.get(`/api/v1/services/${network.serviceB.id}/accounts`))
      .body;
    const bWard = (
      await network.admin.post(`/api/v1/services/${network.serviceB.id}/wards`, { name: "B ward" })
    ).body;
    const bAction = await network.leadB.post(`/api/v1/services/${network.serviceB.id}/actions`, {
      cycle: "2021/22",
      standardId: "TEC-01",
      what: "B's action",
      owner: "B",
      due: "2021-12-01",
    });
    const bUpload = await network.leadB.request(
      "POST",
      `/api/v1/services/${network.serviceB.id}/cycles/2021-22/areas/technology/upload`,
      new TextEncoder().encode(
        "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
      ),
      { "content-type": "application/pdf" },
    );
    const round = await network.admin.post("/api/v1/cycles/2021-22/peer-review-rounds", {
      area: "technology",
    });
    // Real ids of B's resources: a fixture that failed would make every refusal below vacuous.
    expect([bAction.status, bUpload.status, round.status]).toEqual([201, 201, 201]);
    ids = {
      serviceId: network.serviceB.id,
      assessmentId: bAssessment.id,
      standardId: "TEC-01",
      tokenId: bToken.details.id,
      accountId: bAccounts[0].id,
      wardId: bWard.id,
      actionId: bAction.body.id,
      uploadId: bUpload.body.id,
      cycle: "2021-22",
      area: "technology",
      roundId: round.body.id,
    };
    // A job only network admins may see (jobs belong to the network, not to a service).
    ids.jobId = (
      await network.admin.post("/api/v1/jobs", { kind: "recompute-benchmarks" })
    ).body.id;
    const token = (
      await network.leadA.post(`/api/v1/services/${network.serviceA.id}/tokens`, { name: "a-int" })
    ).body.token;
    tokenA = new Client(harness);
    tokenA.bearer = token;
  });
  afterAll(() => harness.close());

  const routes = () => harness.app.router.routes;

  it("refuses every signed-in route to strangers", async () => {
    const stranger = new Client(harness);
    for (const route of routes().filter((r) => r.access !== "public")) {
      const path = route.path.replace(/:(\w+)/gu, (_, name: string) => ids[name] ?? "x");
      const key = `${route.method} ${route.path}`;
      const answer = await stranger.request(
        route.method.toUpperCase(),
        path,
        sampleBodies(network, ids)[key],
      );
      expect(answer.status, key).toBe(401);
    }
  });

  it("keeps every role of service A out of service B", async () => {
    const roles: Record<string, Client> = {
      "service lead": network.leadA,
      staff: network.staffA,
      "service-user rep": network.repA,
      "API token": tokenA,
    };
    const bodies = sampleBodies(network, ids);
    for (const route of routes()) {
      const key = `${route.method} ${route.path}`;
      if (OPEN_TO_ALL.has(key) || route.access === "public") continue;
      const isUpload = route.path.endsWith("/upload");
      const body =
        route.method === "get" || route.method === "delete"
          ? undefined
          : isUpload
            ? SAMPLE_PDF
            : bodies[key];
      if (route.method !== "get" && route.method !== "delete")
        expect(body, `a sample body for ${key}`).toBeDefined();
      const path = route.path.replace(/:(\w+)/gu, (_, name: string) => ids[name] ?? "x");
      const query = route.query === undefined ? "" : "?cycle=2021-22&area=technology";
      for (const [role, client] of Object.entries(roles)) {
        const answer = await client.request(
          route.method.toUpperCase(),
          `${path}${query}`,
          body,
          isUpload ? { "content-type": "application/pdf" } : {},
        );
        expect(
          [403, 404],
          `${role}: ${key} → ${answer.status} ${JSON.stringify(answer.body)}`,
        ).toContain(answer.status);
      }
    }
  });

  it("lets a peer reviewer into the assigned assessment only", async () => {
    const assessment = (await network.leadB.get(`/api/v1/assessments/${ids.assessmentId}`)).body;
    const assigned = await network.leadB.patch(`/api/v1/assessments/${ids.assessmentId}`, {
      version: assessment.version,
      method: { kind: "peer-review", reviewingServiceId: network.serviceA.id },
    });
    expect(assigned.status).toBe(200);
    expect((await network.staffA.get(`/api/v1/assessments/${ids.assessmentId}`)).status).toBe(200);
    // …but nothing else of service B.
    expect(
      (await network.staffA.get(`/api/v1/services/${network.serviceB.id}/assessments`)).status,
    ).toBe(404);
    expect((await network.staffA.get(`/api/v1/services/${network.serviceB.id}`)).status).toBe(404);
  });
});
