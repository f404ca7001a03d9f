import { Result, Schema } from "effect";
import { describe, expect, it } from "vitest";
import { ActionPlan, Cycle, LocalDate } from "../src/index.ts";

const action = Schema.decodeUnknownSync(ActionPlan.Action)({
  id: "act-1",
  cycle: "2021/22",
  standardId: "DHW-02",
  what: "Staff eat with service users at every evening meal",
  owner: "Ward manager, Ash ward",
  due: "2021-09-30",
  status: "not-started",
  notes: [],
});

describe("ActionPlan", () => {
  it("allows only the listed transitions", () => {
    for (const [from, targets] of Object.entries(ActionPlan.transitions)) {
      for (const to of ActionPlan.ActionStatus.literals) {
        const result = ActionPlan.transition(
          { ...action, status: from as ActionPlan.ActionStatus },
          to,
        );
        expect(Result.isSuccess(result)).toBe(targets.includes(to));
      }
    }
    const refused = ActionPlan.transition({ ...action, status: "done" }, "not-started");
    expect(Result.isFailure(refused) && refused.failure).toMatchObject({
      _tag: "InvalidTransition",
      from: "done",
      to: "not-started",
      allowed: ["in-progress"],
    });
  });

  it("is overdue only when unfinished and past due", () => {
    const after = LocalDate.make(2021, 10, 1);
    expect(ActionPlan.isOverdue(action, after)).toBe(true);
    expect(ActionPlan.isOverdue(action, LocalDate.make(2021, 9, 30))).toBe(false);
    expect(ActionPlan.isOverdue({ ...action, status: "done" }, after)).toBe(false);
    expect(ActionPlan.isOverdue({ ...action, status: "dropped" }, after)).toBe(false);
  });

  it("carries unfinished actions into the next cycle, remembering where they began", () => {
    const next = Cycle.label(2022);
    const carried = ActionPlan.carryOver(
      [
        action,
        { ...action, id: "act-2", status: "done" },
        { ...action, id: "act-3", status: "in-progress" },
      ],
      next,
      (a) => `${a.id}-2022`,
    );
    expect(carried.map((a) => [a.id, a.cycle, a.carriedFrom, a.status])).toEqual([
      ["act-1-2022", "2022/23", "2021/22", "not-started"],
      ["act-3-2022", "2022/23", "2021/22", "in-progress"],
    ]);
    const twice = ActionPlan.carryOver(carried, Cycle.label(2023), (a) => `${a.id}+`);
    expect(twice[0]?.carriedFrom).toBe("2021/22");
  });
});
