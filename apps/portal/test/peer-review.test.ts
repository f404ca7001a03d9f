import { randomUUID } from "node:crypto";
import { schema } from "@sequin/db";
import { testDrivers } from "@sequin/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildNetwork,
  type Client,
  createAccount,
  type Harness,
  type Network,
  signedIn,
  startHarness,
} from "./support/harness.ts";

const SAMPLE_PDF = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
);

/** A quarterly 2020/21 with Technology fixed: the standards data has no schedule for that year. */
const CYCLE_2020 = {
  label: "2020/21",
  schedule: {
    cycle: "2020/21",
    kind: "quarterly",
    minimumAreas: 1,
    deadlines: [{ area: "technology", due: "2020-11-30" }],
    choice: { count: 0, due: "2021-03-31" },
  },
};

const score = (version: number, agreed: number) => ({
  version,
  views: { serviceUser: agreed, staff: agreed },
  agreed,
  rationale: "Agreed with the visiting team",
  evidence: "",
});

const key = (ids: ReadonlyArray<string>) => [...ids].sort().join(" ");
const pairKeys = (round: { pairs: Array<{ services: Array<{ id: string }> }> }) =>
  round.pairs.map((pair) => key(pair.services.map((service) => service.id))).sort();

describe.each(testDrivers())("peer-review rounds on %s", (driver) => {
  let harness: Harness;
  let network: Network;
  let admin: Client;
  let leadC: Client;
  const ids = { a: "", b: "", c: "", d: "", orgC: "" };
  const assessments = { aTech: "", bTech: "", bInvolvement: "", bTech2020: "", cTech2020: "" };
  let draft: { id: string; version: number };
  let rival: { id: string };
  let empty: { id: string };

  const start = async (client: Client, serviceId: string, cycle: string, area: string) => {
    const answer = await client.post(`/api/v1/services/${serviceId}/assessments`, { cycle, area });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body.id as string;
  };

  beforeAll(async () => {
    harness = await startHarness(driver);
    network = await buildNetwork(harness);
    admin = network.admin;
    ids.a = network.serviceA.id;
    ids.b = network.serviceB.id;
    const orgC = (await admin.post("/api/v1/organisations", { name: "Org C" })).body;
    ids.orgC = orgC.id;
    ids.c = (
      await admin.post("/api/v1/services", { organisationId: orgC.id, name: "Service C" })
    ).body.id;
    ids.d = (
      await admin.post("/api/v1/services", { organisationId: orgC.id, name: "Service D" })
    ).body.id;
    await createAccount(harness, {
      login: "lead-c@c.test",
      role: "service-lead",
      serviceId: ids.c,
      organisationId: orgC.id,
    });
    leadC = await signedIn(harness, "lead-c@c.test");
    const opened = await admin.post("/api/v1/cycles", CYCLE_2020);
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    assessments.aTech = await start(network.leadA, ids.a, "2021/22", "technology");
    assessments.bTech = await start(network.leadB, ids.b, "2021/22", "technology");
    assessments.bInvolvement = await start(network.leadB, ids.b, "2021/22", "involvement");
    assessments.bTech2020 = await start(network.leadB, ids.b, "2020/21", "technology");
    assessments.cTech2020 = await start(leadC, ids.c, "2020/21", "technology");
  });
  afterAll(() => harness.close());

  it("publishes last cycle's round as adjusted: A with C, B with D", async () => {
    const generated = await admin.post("/api/v1/cycles/2020-21/peer-review-rounds", {
      area: "technology",
    });
    expect(generated.status, JSON.stringify(generated.body)).toBe(201);
    const adjusted = await admin.patch(`/api/v1/peer-review-rounds/${generated.body.id}`, {
      version: generated.body.version,
      pairs: [
        { services: [ids.c, ids.a], area: "technology" },
        { services: [ids.b, ids.d], area: "technology" },
      ],
    });
    expect(adjusted.status, JSON.stringify(adjusted.body)).toBe(200);
    expect(pairKeys(adjusted.body)).toEqual([key([ids.a, ids.c]), key([ids.b, ids.d])].sort());
    const published = await admin.post(`/api/v1/peer-review-rounds/${generated.body.id}/publish`, {
      version: adjusted.body.version,
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.status).toBe("published");
  });

  it("generates a draft from every service taking part, avoiding last cycle's pairs", async () => {
    const answer = await admin.post("/api/v1/cycles/2021-22/peer-review-rounds", {
      area: "technology",
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const round = answer.body;
    expect(round).toMatchObject({ cycle: "2021/22", status: "draft", version: 1, pairCount: 2 });
    expect(round.publishedAt).toBeNull();
    // Org C has two services, so each pairs with A or B; last cycle's A–C and B–D are avoided.
    expect(pairKeys(round)).toEqual([key([ids.a, ids.d]), key([ids.b, ids.c])].sort());
    for (const pair of round.pairs) {
      expect(pair.area).toEqual({ slug: "technology", name: "Technology" });
      expect(pair.repeatsPreviousCycle).toBe(false);
      expect(pair.services[0].organisation.id).not.toBe(pair.services[1].organisation.id);
    }
    const withA = round.pairs.find((pair: { services: Array<{ id: string }> }) =>
      pair.services.some((service) => service.id === ids.a),
    );
    expect(withA.services.map((service: { name: string }) => service.name)).toEqual([
      "Service A",
      "Service D",
    ]);
    expect(withA.services[1].organisation.name).toBe("Org C");
    expect(round.unpaired).toEqual([]);
    draft = { id: round.id, version: round.version };

    // The same input gives the same pairs (a minute later, so the listing's order is defined).
    harness.clock.now = new Date(harness.clock.now.getTime() + 60_000);
    const again = await admin.post("/api/v1/cycles/2021-22/peer-review-rounds", {
      area: "technology",
    });
    expect(pairKeys(again.body)).toEqual(pairKeys(round));
    rival = { id: again.body.id };

    const listed = await admin.get("/api/v1/cycles/2021-22/peer-review-rounds");
    expect(listed.status).toBe(200);
    expect(listed.body.map((summary: { id: string }) => summary.id)).toEqual([round.id, rival.id]);
    expect(listed.body[0]).toMatchObject({ status: "draft", pairCount: 2 });
    const read = await admin.get(`/api/v1/peer-review-rounds/${round.id}`);
    expect(read.status).toBe(200);
    expect(pairKeys(read.body)).toEqual(pairKeys(round));
  });

  it("pairs only the services taking part in a chosen area, and says why others are left out", async () => {
    await harness.database.db.insert(schema.areaChoices).values(
      [ids.c, ids.d].map((serviceId) => ({
        organisationId: ids.orgC,
        serviceId,
        cycle: "2021/22",
        area: "recovery-college",
      })),
    );
    const sameOrganisation = await admin.post("/api/v1/cycles/2021-22/peer-review-rounds", {
      area: "recovery-college",
    });
    expect(sameOrganisation.status).toBe(201);
    expect(sameOrganisation.body.pairs).toEqual([]);
    const reasons = Object.fromEntries(
      sameOrganisation.body.unpaired.map((entry: { service: { id: string }; reason: string }) => [
        entry.service.id,
        entry.reason,
      ]),
    );
    expect(reasons[ids.c]).toContain("belongs to Org C");
    expect(reasons[ids.d]).toContain("belongs to Org C");
    expect(reasons[ids.a]).toMatch(/^Does not take part in Recovery College in 2021\/22/u);
    empty = { id: sameOrganisation.body.id };

    // Starting the area counts as taking part: B now pairs with C or D, and the other is left over.
    await start(network.leadB, ids.b, "2021/22", "recovery-college");
    const withB = await admin.post("/api/v1/cycles/2021-22/peer-review-rounds", {
      area: "recovery-college",
    });
    expect(withB.body.pairs).toHaveLength(1);
    expect(withB.body.pairs[0].services.map((s: { id: string }) => s.id)).toContain(ids.b);
    const leftOver = withB.body.unpaired.filter((entry: { service: { id: string } }) =>
      [ids.c, ids.d].includes(entry.service.id),
    );
    expect(leftOver).toHaveLength(1);
    expect(leftOver[0].reason).toContain("odd number");
    expect((await admin.delete(`/api/v1/peer-review-rounds/${withB.body.id}`)).status).toBe(204);
    expect((await admin.get(`/api/v1/peer-review-rounds/${withB.body.id}`)).status).toBe(404);
  });

  it("validates an adjustment, naming the field of every problem", async () => {
    const path = `/api/v1/peer-review-rounds/${draft.id}`;
    const wrong = await admin.patch(path, {
      version: draft.version,
      pairs: [
        { services: [ids.a, ids.a], area: "technology" },
        { services: [ids.c, ids.d], area: "gardening" },
        { services: [randomUUID(), "not-a-service"], area: "technology" },
        { services: [ids.b, ids.c], area: "technology" },
      ],
    });
    expect(wrong.status).toBe(400);
    const problems = Object.fromEntries(
      wrong.body.errors.map((problem: { field: string; message: string }) => [
        problem.field,
        problem.message,
      ]),
    );
    expect(Object.keys(problems).sort()).toEqual([
      "body.pairs.0.services.1",
      "body.pairs.1.area",
      "body.pairs.1.services.1",
      "body.pairs.2.services.0",
      "body.pairs.2.services.1",
      "body.pairs.3.services.1",
    ]);
    expect(problems["body.pairs.0.services.1"]).toContain("same service");
    expect(problems["body.pairs.1.services.1"]).toContain("both belong to Org C");
    expect(problems["body.pairs.1.area"]).toContain('"gardening" is not an area');
    expect(problems["body.pairs.3.services.1"]).toContain("Service C is already in pairs.1");

    const malformed = await admin.patch(path, { version: 0, pairs: [{ services: [ids.a] }] });
    expect(malformed.status).toBe(400);
    const fields = malformed.body.errors.map((problem: { field: string }) => problem.field);
    expect(fields).toContain("body.version");
    expect(fields.some((field: string) => field.startsWith("body.pairs.0"))).toBe(true);

    // Nothing was half-written: the draft still has its generated pairs and version.
    const unchanged = await admin.get(path);
    expect(unchanged.body.version).toBe(draft.version);
    expect(unchanged.body.pairs).toHaveLength(2);

    const stale = await admin.patch(path, { version: draft.version + 5, pairs: [] });
    expect(stale.status).toBe(409);
    expect(stale.body.current.version).toBe(draft.version);
    expect(stale.body.current.pairs).toHaveLength(2);

    const adjusted = await admin.patch(path, {
      version: draft.version,
      pairs: [{ services: [ids.b, ids.a], area: "technology" }],
    });
    expect(adjusted.status, JSON.stringify(adjusted.body)).toBe(200);
    expect(adjusted.body.version).toBe(draft.version + 1);
    expect(pairKeys(adjusted.body)).toEqual([key([ids.a, ids.b])]);
    const left = adjusted.body.unpaired.map(
      (entry: { service: { id: string } }) => entry.service.id,
    );
    expect(left.sort()).toEqual([ids.c, ids.d].sort());
    expect(adjusted.body.unpaired[0].reason).toBe(
      "Takes part in Technology but is in no pair of this round.",
    );
    draft = { id: adjusted.body.id, version: adjusted.body.version };
  });

  it("grants nothing while the round is a draft", async () => {
    expect((await network.leadA.get(`/api/v1/assessments/${assessments.bTech}`)).status).toBe(404);
    const write = await network.staffA.put(
      `/api/v1/assessments/${assessments.bTech}/standards/TEC-01`,
      score(1, 2),
    );
    expect(write.status).toBe(404);
    expect(
      (await network.leadA.get(`/api/v1/services/${ids.a}/peer-reviews?cycle=2021-22`)).body,
    ).toEqual([]);
  });

  it("keeps peer-review rounds to network admins", async () => {
    for (const client of [network.leadA, network.staffA, network.repA]) {
      const attempts = [
        await client.post("/api/v1/cycles/2021-22/peer-review-rounds", { area: "technology" }),
        await client.get("/api/v1/cycles/2021-22/peer-review-rounds"),
        await client.get(`/api/v1/peer-review-rounds/${draft.id}`),
        await client.patch(`/api/v1/peer-review-rounds/${draft.id}`, {
          version: draft.version,
          pairs: [],
        }),
        await client.post(`/api/v1/peer-review-rounds/${draft.id}/publish`, {
          version: draft.version,
        }),
        await client.delete(`/api/v1/peer-review-rounds/${draft.id}`),
      ];
      expect(attempts.map((answer) => answer.status)).toEqual([403, 403, 403, 403, 403, 403]);
    }
    expect((await admin.get(`/api/v1/peer-review-rounds/${draft.id}`)).body.status).toBe("draft");
  });

  it("publishes one round per cycle, and published rounds cannot change", async () => {
    const noPairs = await admin.post(`/api/v1/peer-review-rounds/${empty.id}/publish`, {
      version: 1,
    });
    expect(noPairs.status).toBe(409);
    expect(noPairs.body.detail).toContain("no pairs");
    const stale = await admin.post(`/api/v1/peer-review-rounds/${draft.id}/publish`, {
      version: draft.version - 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.current.status).toBe("draft");

    const published = await admin.post(`/api/v1/peer-review-rounds/${draft.id}/publish`, {
      version: draft.version,
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.status).toBe("published");
    expect(published.body.publishedAt).toBe(harness.clock.now.toISOString());
    const version = published.body.version;

    const path = `/api/v1/peer-review-rounds/${draft.id}`;
    const changed = await admin.patch(path, { version, pairs: [] });
    expect(changed.status).toBe(409);
    expect(changed.body.detail).toContain("Published rounds cannot be changed");
    expect((await admin.post(`${path}/publish`, { version })).status).toBe(409);
    expect((await admin.delete(path)).status).toBe(409);
    const second = await admin.post(`/api/v1/peer-review-rounds/${rival.id}/publish`, {
      version: 1,
    });
    expect(second.status).toBe(409);
    expect(second.body.detail).toContain(`already has a published round (${draft.id})`);
    const regenerate = await admin.post("/api/v1/cycles/2021-22/peer-review-rounds", {
      area: "technology",
    });
    expect(regenerate.status).toBe(409);
    expect((await admin.get(path)).body.pairs).toHaveLength(1);
    expect((await admin.delete(`/api/v1/peer-review-rounds/${rival.id}`)).status).toBe(204);
  });

  it("lets each service of a published pair into the other's assessment of that area and cycle only", async () => {
    // A reads and scores B's Technology 2021/22; B sees the score and can open A's in return.
    expect((await network.leadA.get(`/api/v1/assessments/${assessments.bTech}`)).status).toBe(200);
    const written = await network.staffA.put(
      `/api/v1/assessments/${assessments.bTech}/standards/TEC-01`,
      score(1, 2),
    );
    expect(written.status, JSON.stringify(written.body)).toBe(200);
    const seenByB = (await network.leadB.get(`/api/v1/assessments/${assessments.bTech}`)).body;
    expect(
      seenByB.standards.find((standard: { standardId: string }) => standard.standardId === "TEC-01")
        .agreed,
    ).toBe(2);
    expect((await network.leadB.get(`/api/v1/assessments/${assessments.aTech}`)).status).toBe(200);

    // Not B's other areas, not other cycles (2020/21 paired A with C), not B's other data.
    expect(
      (await network.leadA.get(`/api/v1/assessments/${assessments.bInvolvement}`)).status,
    ).toBe(404);
    const otherArea = await network.staffA.put(
      `/api/v1/assessments/${assessments.bInvolvement}/standards/INV-01`,
      score(1, 2),
    );
    expect(otherArea.status).toBe(404);
    expect((await network.leadA.get(`/api/v1/assessments/${assessments.bTech2020}`)).status).toBe(
      404,
    );
    const otherCycle = await network.staffA.put(
      `/api/v1/assessments/${assessments.bTech2020}/standards/TEC-01`,
      score(1, 2),
    );
    expect(otherCycle.status).toBe(404);
    expect((await network.leadA.get(`/api/v1/assessments/${assessments.cTech2020}`)).status).toBe(
      200,
    );
    expect((await leadC.get(`/api/v1/assessments/${assessments.aTech}`)).status).toBe(404);

    const action = await network.leadB.post(`/api/v1/services/${ids.b}/actions`, {
      cycle: "2021/22",
      standardId: "TEC-01",
      what: "Wi-Fi on every ward",
      owner: "B",
      due: "2021-12-01",
    });
    const upload = await network.leadB.request(
      "POST",
      `/api/v1/services/${ids.b}/cycles/2021-22/areas/technology/upload`,
      SAMPLE_PDF,
      { "content-type": "application/pdf" },
    );
    expect([action.status, upload.status]).toEqual([201, 201]);
    const service = `/api/v1/services/${ids.b}`;
    for (const path of [
      service,
      `${service}/assessments`,
      `${service}/actions`,
      `${service}/actions/${action.body.id}`,
      `${service}/uploads`,
      `${service}/uploads/${upload.body.id}`,
      `${service}/results?cycle=2021-22&area=technology`,
      `${service}/peer-reviews`,
    ]) {
      expect((await network.leadA.get(path)).status, path).toBe(404);
    }
  });

  it("lists a service's published peer reviews with the assessments it may open", async () => {
    const answer = await network.leadA.get(`/api/v1/services/${ids.a}/peer-reviews`);
    expect(answer.status).toBe(200);
    expect(
      answer.body.map((review: { cycle: string; reviews: { name: string } }) => [
        review.cycle,
        review.reviews.name,
      ]),
    ).toEqual([
      ["2021/22", "Service B"],
      ["2020/21", "Service C"],
    ]);
    const [current] = answer.body;
    expect(current.area).toEqual({ slug: "technology", name: "Technology" });
    expect(current.reviewedBy.id).toBe(ids.b);
    expect(current.reviews.organisation.name).toBe("Org B");
    expect(current.assessmentsToReview).toEqual([
      { id: assessments.bTech, level: "service", wardId: null, status: "draft" },
    ]);
    const filtered = await network.leadA.get(
      `/api/v1/services/${ids.a}/peer-reviews?cycle=2020-21`,
    );
    expect(filtered.body).toHaveLength(1);
    expect(filtered.body[0].assessmentsToReview[0].id).toBe(assessments.cTech2020);
    // Admins see any service's; D is in no published pair this cycle.
    const d = await admin.get(`/api/v1/services/${ids.d}/peer-reviews?cycle=2021-22`);
    expect([d.status, d.body]).toEqual([200, []]);
  });

  it("publishes only one of a cycle's drafts, even when several are published together", async () => {
    expect((await admin.post("/api/v1/cycles", { label: "2019/20" })).status).toBe(201);
    const drafts = [];
    for (let index = 0; index < 6; index++) {
      const answer = await admin.post("/api/v1/cycles/2019-20/peer-review-rounds", {
        area: "cpa-standards",
      });
      expect(answer.status).toBe(201);
      drafts.push(answer.body.id as string);
    }
    const answers = await Promise.all(
      drafts.map((id) => admin.post(`/api/v1/peer-review-rounds/${id}/publish`, { version: 1 })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const listed = (await admin.get("/api/v1/cycles/2019-20/peer-review-rounds")).body;
    expect(listed.filter((round: { status: string }) => round.status === "published")).toHaveLength(
      1,
    );
  });
});
