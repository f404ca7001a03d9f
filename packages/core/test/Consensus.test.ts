import { describe, expect, it } from "vitest";
import { Assessment, Consensus } from "../src/index.ts";

describe("Consensus", () => {
  it("takes the median of private ratings", () => {
    expect(Consensus.median([3, 0, 2])).toBe(2);
    expect(Consensus.median([1, 2])).toBe(1.5);
    expect(Consensus.median([])).toBeUndefined();
    expect(Consensus.summarisePrivateRatings({ serviceUser: [1, 3, 2], staff: [] })).toEqual({
      serviceUser: { count: 3, median: 2, lowest: 1, highest: 3 },
    });
  });

  it("uses a recorded view before the private median", () => {
    const response = {
      ...Assessment.emptyResponse("INV-01" as never),
      views: { serviceUser: null, staff: 3 },
      privateRatings: { serviceUser: [0, 1, 1], staff: [1, 1], carer: [2] },
    };
    expect(Consensus.groupViews(response)).toEqual({ serviceUser: 1, staff: 3, carer: 2 });
  });

  it("flags views two or more points apart", () => {
    expect(Consensus.divergence({ serviceUser: 1, staff: 2 })).toBeUndefined();
    expect(Consensus.divergence({ serviceUser: 1, staff: 3 })).toEqual({
      spread: 2,
      lowest: { group: "serviceUser", view: 1 },
      highest: { group: "staff", view: 3 },
    });
    expect(Consensus.divergence({ serviceUser: 2, staff: 2, carer: 0 })?.spread).toBe(2);
    expect(Consensus.divergence({ staff: 3 })).toBeUndefined();
  });
});
