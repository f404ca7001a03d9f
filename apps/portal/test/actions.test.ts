import { testDrivers } from "@sequin/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildNetwork,
  type Client,
  type Harness,
  type Network,
  signedIn,
  startHarness,
} from "./support/harness.ts";

const schedule2022 = {
  cycle: "2022/23",
  kind: "quarterly",
  minimumAreas: 4,
  deadlines: [
    { area: "involvement", due: "2022-05-31" },
    { area: "reducing-restrictive-practice", due: "2022-08-31" },
    { area: "technology", due: "2022-11-30" },
    { area: "dining-experience-and-healthy-weight", due: "2023-02-28" },
  ],
  choice: { count: 1, due: "2023-03-31" },
};

describe.each(testDrivers())("action plans on %s", (driver) => {
  let harness: Harness;
  let network: Network;
  let plan: string;
  let planB: string;
  beforeAll(async () => {
    harness = await startHarness(driver);
    network = await buildNetwork(harness);
    plan = `/api/v1/services/${network.serviceA.id}`;
    planB = `/api/v1/services/${network.serviceB.id}`;
    const next = await network.admin.post("/api/v1/cycles", {
      label: "2022/23",
      schedule: schedule2022,
    });
    expect(next.status, JSON.stringify(next.body)).toBe(201);
  });
  afterAll(() => harness.close());

  const add = async (
    client: Client,
    base: string,
    values: { standardId?: string; what?: string; due?: string; status?: string } = {},
  ) => {
    const answer = await client.post(`${base}/actions`, {
      cycle: "2021/22",
      standardId: "INV-01",
      what: "Put the community meeting minutes on every ward noticeboard",
      owner: "Ward manager",
      due: "2021-09-30",
      ...values,
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  };

  /**
   * Runs `body` with the clock at `iso`, then puts it back. Sessions idle out when the clock jumps, so
   * `body` gets a client freshly signed in as `login`, and the shared clients stay untouched.
   */
  const at = async (iso: string, login: string, body: (client: Client) => Promise<void>) => {
    const before = harness.clock.now;
    harness.clock.now = new Date(iso);
    try {
      await body(await signedIn(harness, login));
    } finally {
      harness.clock.now = before;
    }
  };

  it("creates, lists, reads and changes actions; service-user reps take part", async () => {
    const action = await add(network.leadA, plan);
    expect(action).toMatchObject({
      serviceId: network.serviceA.id,
      cycle: "2021/22",
      standardId: "INV-01",
      owner: "Ward manager",
      due: "2021-09-30",
      status: "not-started",
      allowedStatuses: ["in-progress", "done", "dropped"],
      overdue: false,
      outcome: null,
      carriedFrom: null,
      carriedTo: null,
      notes: [],
      version: 1,
    });
    const byRep = await add(network.repA, plan, {
      standardId: "TEC-02",
      what: "Ask for tablets on each ward",
      status: "in-progress",
    });
    expect(byRep.status).toBe("in-progress");

    const list = await network.staffA.get(`${plan}/actions?cycle=2021-22`);
    expect(list.status).toBe(200);
    expect(list.body.map((item: { id: string }) => item.id)).toEqual(
      expect.arrayContaining([action.id, byRep.id]),
    );
    const technology = await network.staffA.get(`${plan}/actions?cycle=2021-22&area=technology`);
    expect(technology.body.map((item: { id: string }) => item.id)).toEqual([byRep.id]);
    const started = await network.staffA.get(`${plan}/actions?status=in-progress`);
    expect(started.body.every((item: { status: string }) => item.status === "in-progress")).toBe(
      true,
    );

    const read = await network.repA.get(`${plan}/actions/${action.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(action);

    const changed = await network.staffA.patch(`${plan}/actions/${action.id}`, {
      version: 1,
      owner: "Involvement lead",
      status: "in-progress",
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({
      owner: "Involvement lead",
      status: "in-progress",
      allowedStatuses: ["done", "dropped"],
      version: 2,
    });
    const finished = await network.repA.patch(`${plan}/actions/${action.id}`, {
      version: 2,
      status: "done",
      outcome: "Minutes now go up on every ward the day after the meeting.",
    });
    expect(finished.body).toMatchObject({ status: "done", version: 3 });
    expect((await network.leadA.delete(`${plan}/actions/${action.id}`)).status).toBe(404);
  });

  it("refuses a stale change with 409 and the current action", async () => {
    const action = await add(network.leadA, plan, { what: "Review the ward rules with patients" });
    const path = `${plan}/actions/${action.id}`;
    const [first, second] = await Promise.all([
      network.leadA.patch(path, { version: 1, owner: "First" }),
      network.staffA.patch(path, { version: 1, owner: "Second" }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const winner = first.status === 200 ? first : second;
    const loser = first.status === 409 ? first : second;
    expect(loser.body.current).toMatchObject({ id: action.id, version: 2 });
    expect(loser.body.current.owner).toBe(winner.body.owner);
    const late = await network.repA.patch(path, { version: 1, status: "dropped" });
    expect(late.status).toBe(409);
    expect(late.body.current).toEqual(winner.body);
  });

  it("refuses a status move the plan does not allow, listing the allowed ones", async () => {
    const action = await add(network.leadA, plan, { status: "in-progress" });
    const back = await network.leadA.patch(`${plan}/actions/${action.id}`, {
      version: 1,
      status: "not-started",
    });
    expect(back.status).toBe(422);
    expect(back.body.detail).toBe(
      "An action cannot go from in-progress to not-started. Allowed: done, dropped.",
    );
    const unchanged = await network.leadA.get(`${plan}/actions/${action.id}`);
    expect(unchanged.body).toMatchObject({ status: "in-progress", version: 1 });
    // Asking for the status it already has is not a move.
    const same = await network.leadA.patch(`${plan}/actions/${action.id}`, {
      version: 1,
      status: "in-progress",
    });
    expect(same.status).toBe(200);
    expect(same.body.version).toBe(1);
  });

  it("flags overdue actions on London's date and lists them first", async () => {
    const soon = await add(network.staffA, plan, {
      standardId: "RRP-01",
      what: "Debrief after every restraint",
      due: "2021-07-01",
    });
    const later = await add(network.staffA, plan, {
      standardId: "RRP-02",
      what: "Publish restraint figures monthly",
      due: "2021-07-02",
    });
    expect(soon.overdue).toBe(false);
    // 23:30 UTC on 1 July is already 2 July in London (BST).
    await at("2021-07-01T23:30:00Z", "lead-a@a.test", async (lead) => {
      const list = (await lead.get(`${plan}/actions?cycle=2021-22`)).body;
      const overdue = list.filter((item: { overdue: boolean }) => item.overdue);
      expect(overdue.map((item: { id: string }) => item.id)).toEqual([soon.id]);
      expect(list[0].id).toBe(soon.id);
      const notYet = list.find((item: { id: string }) => item.id === later.id);
      expect(notYet.overdue).toBe(false);
      const dues = list
        .filter((item: { overdue: boolean }) => !item.overdue)
        .map((item: { due: string }) => item.due);
      expect(dues).toEqual([...dues].sort());
      const onlyOverdue = (await lead.get(`${plan}/actions?overdue=true`)).body;
      expect(onlyOverdue.map((item: { id: string }) => item.id)).toEqual([soon.id]);
    });
    await at("2021-07-03T09:00:00Z", "staff-a@a.test", async (staff) => {
      const done = await staff.patch(`${plan}/actions/${soon.id}`, {
        version: 1,
        status: "done",
      });
      expect(done.body.overdue).toBe(false);
      expect((await staff.get(`${plan}/actions/${later.id}`)).body.overdue).toBe(true);
    });
    expect((await network.leadA.get(`${plan}/actions/${later.id}`)).body.overdue).toBe(false);
  });

  it("adds dated progress notes without changing the version", async () => {
    const action = await add(network.leadA, plan, { what: "Train staff in co-production" });
    const path = `${plan}/actions/${action.id}/notes`;
    await at("2021-08-31T23:15:00Z", "rep-a@a.test", async (rep) => {
      const noted = await rep.post(path, { text: "First session booked." });
      expect(noted.status).toBe(201);
      expect(noted.body.notes).toEqual([{ on: "2021-09-01", text: "First session booked." }]);
    });
    await network.staffA.post(path, { text: "Two sessions done." });
    const read = (await network.leadA.get(`${plan}/actions/${action.id}`)).body;
    expect(read.notes.map((note: { on: string }) => note.on)).toEqual(["2021-06-15", "2021-09-01"]);
    expect(read.version).toBe(1);
    const empty = await network.leadA.post(path, { text: "" });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].field).toBe("body.text");
  });

  it("carries only unfinished actions into the next cycle, with notes, once", async () => {
    const open = await add(network.leadB, planB, { what: "Start a carers' forum" });
    await network.leadB.post(`${planB}/actions/${open.id}/notes`, { text: "Venue found." });
    const started = await add(network.leadB, planB, {
      standardId: "FFC-02",
      what: "Carers' induction pack",
      status: "in-progress",
    });
    await add(network.leadB, planB, { standardId: "FFC-03", what: "Done one", status: "done" });
    await add(network.leadB, planB, {
      standardId: "FFC-04",
      what: "Dropped one",
      status: "dropped",
    });

    const missing = await network.leadB.post(`${planB}/actions/carry-over`, {
      from: "2021/22",
      to: "2023/24",
    });
    expect(missing.status).toBe(404);
    const backwards = await network.leadB.post(`${planB}/actions/carry-over`, {
      from: "2021/22",
      to: "2021/22",
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors[0].field).toBe("body.to");

    const carry = () =>
      network.leadB.post(`${planB}/actions/carry-over`, { from: "2021/22", to: "2022/23" });
    const first = await carry();
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({
      from: "2021/22",
      to: "2022/23",
      carried: 2,
      alreadyCarried: 0,
      notCarried: [],
    });
    const again = await carry();
    expect(again.body).toMatchObject({ carried: 0, alreadyCarried: 2 });

    const next = (await network.leadB.get(`${planB}/actions?cycle=2022-23`)).body;
    expect(next).toHaveLength(2);
    const copy = next.find((item: { what: string }) => item.what === open.what);
    expect(copy).toMatchObject({
      cycle: "2022/23",
      carriedFrom: "2021/22",
      status: "not-started",
      due: open.due,
      version: 1,
      notes: [{ on: "2021-06-15", text: "Venue found." }],
    });
    expect(copy.id).not.toBe(open.id);
    expect(next.find((item: { what: string }) => item.what === started.what).status).toBe(
      "in-progress",
    );
    const source = (await network.leadB.get(`${planB}/actions/${open.id}`)).body;
    expect(source).toMatchObject({ cycle: "2021/22", carriedTo: "2022/23" });
  });

  it("does not duplicate when two carry-overs race", async () => {
    await add(network.repA, plan, { standardId: "MDT-01", what: "Service users at ward rounds" });
    const before = (await network.leadA.get(`${plan}/actions?cycle=2021-22`)).body.filter(
      (item: { status: string; carriedTo: string | null }) =>
        (item.status === "not-started" || item.status === "in-progress") && item.carriedTo === null,
    ).length;
    const body = { from: "2021/22", to: "2022/23" };
    const answers = await Promise.all([
      network.leadA.post(`${plan}/actions/carry-over`, body),
      network.staffA.post(`${plan}/actions/carry-over`, body),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(answers[0]?.body.carried + answers[1]?.body.carried).toBe(before);
    const next = (await network.leadA.get(`${plan}/actions?cycle=2022-23`)).body;
    expect(next).toHaveLength(before);
  });

  it('lists done actions with easy-read text for "You said, we did"', async () => {
    const dining = await add(network.leadB, planB, {
      standardId: "DHW-02",
      what: "Staff eat with service users",
      status: "in-progress",
    });
    await network.leadB.patch(`${planB}/actions/${dining.id}`, {
      version: 1,
      status: "done",
      outcome: "Staff now eat lunch with service users every day.",
    });
    const answer = await network.repA.get(`${plan}/you-said-we-did?cycle=2021-22`);
    expect(answer.status).toBe(200);
    const mine = await network.leadB.get(`${planB}/you-said-we-did?cycle=2021-22`);
    expect(mine.status).toBe(200);
    const set = (await network.leadB.get("/api/v1/cycles/2021-22/standards")).body;
    const standard = set.areas
      .flatMap((area: { standards: Array<{ id: string }> }) => area.standards)
      .find((candidate: { id: string }) => candidate.id === "DHW-02");
    expect(mine.body).toMatchObject({ cycle: "2021/22", standardsVersion: set.version });
    expect(mine.body.symbolsCredit).toContain("OpenMoji");
    expect(mine.body.items.map((item: { what: string }) => item.what)).toEqual([
      "Done one",
      "Staff eat with service users",
    ]);
    expect(mine.body.items[1]).toEqual({
      actionId: dining.id,
      area: expect.objectContaining({ slug: "dining-experience-and-healthy-weight" }),
      standard: {
        id: "DHW-02",
        text: standard.text,
        easyRead: standard.easyRead,
        symbol: standard.symbol,
      },
      what: "Staff eat with service users",
      outcome: "Staff now eat lunch with service users every day.",
    });
    const dining2 = await network.leadB.get(
      `${planB}/you-said-we-did?cycle=2021-22&area=dining-experience-and-healthy-weight`,
    );
    expect(dining2.body.items).toHaveLength(1);
  });

  it("hides other services' plans and lets network admins read but not write", async () => {
    const action = await add(network.leadA, plan, { what: "Secret of A" });
    const path = `${plan}/actions/${action.id}`;
    for (const answer of [
      await network.leadB.get(`${plan}/actions`),
      await network.leadB.get(path),
      await network.leadB.patch(path, { version: 1, owner: "B" }),
      await network.leadB.post(`${path}/notes`, { text: "B was here" }),
      await network.leadB.get(`${plan}/you-said-we-did?cycle=2021-22`),
      // A's action through B's own plan is not there either.
      await network.leadB.get(`${planB}/actions/${action.id}`),
      await network.leadA.get(`${plan}/actions/not-a-uuid`),
    ]) {
      expect(answer.status).toBe(404);
    }

    expect((await network.admin.get(`${plan}/actions?cycle=2021-22`)).status).toBe(200);
    expect((await network.admin.get(path)).status).toBe(200);
    expect((await network.admin.get(`${plan}/you-said-we-did?cycle=2021-22`)).status).toBe(200);
    for (const answer of [
      await network.admin.post(`${plan}/actions`, {
        cycle: "2021/22",
        standardId: "INV-01",
        what: "x",
        owner: "y",
        due: "2021-12-01",
      }),
      await network.admin.patch(path, { version: 1, owner: "Admin" }),
      await network.admin.post(`${path}/notes`, { text: "Admin note" }),
      await network.admin.post(`${plan}/actions/carry-over`, { from: "2021/22", to: "2022/23" }),
    ]) {
      expect(answer.status).toBe(403);
    }
    expect((await network.leadA.get(path)).body).toEqual(action);
  });

  it("names the field of bad input", async () => {
    const post = (values: Record<string, unknown>) =>
      network.leadA.post(`${plan}/actions`, {
        cycle: "2021/22",
        standardId: "INV-01",
        what: "Something",
        owner: "Someone",
        due: "2021-12-01",
        ...values,
      });
    const standard = await post({ standardId: "XYZ-99" });
    expect(standard.status).toBe(400);
    expect(standard.body.errors).toEqual([
      { field: "body.standardId", message: expect.stringContaining("XYZ-99") },
    ]);
    const due = await post({ due: "2021-02-30" });
    expect(due.status).toBe(400);
    expect(due.body.errors.map((e: { field: string }) => e.field)).toEqual(["body.due"]);
    const both = await post({ due: "next week", what: "", status: "finished" });
    expect(both.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      "body.due",
      "body.status",
      "body.what",
    ]);
    expect((await post({ colour: "red" })).body.errors[0].field).toBe("body.colour");
    const action = await add(network.leadA, plan);
    const patch = await network.leadA.patch(`${plan}/actions/${action.id}`, {
      version: 1,
      due: "2021-13-01",
    });
    expect(patch.body.errors.map((e: { field: string }) => e.field)).toEqual(["body.due"]);
    const filter = await network.leadA.get(`${plan}/actions?overdue=maybe&area=gardening`);
    expect(filter.body.errors.map((e: { field: string }) => e.field)).toEqual(["query.overdue"]);
    const area = await network.leadA.get(`${plan}/actions?area=gardening`);
    expect(area.body.errors.map((e: { field: string }) => e.field)).toEqual(["query.area"]);
  });

  it("documents every action route in the OpenAPI document", async () => {
    const document = (await network.leadA.get("/api/v1/openapi.json")).body;
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/services/{serviceId}/actions",
        "/api/v1/services/{serviceId}/actions/{actionId}",
        "/api/v1/services/{serviceId}/actions/{actionId}/notes",
        "/api/v1/services/{serviceId}/actions/carry-over",
        "/api/v1/services/{serviceId}/you-said-we-did",
      ]),
    );
  });
});
