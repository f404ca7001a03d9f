import { describe, expect, it } from "vitest";
import { normalise, queryTerms, search } from "../../src/lib/search.ts";
import { buildSearchIndex } from "../../src/lib/search-index.ts";
import { standardsSet } from "../support/standards.ts";

describe("search", () => {
  it("normalises case, accents and punctuation", () => {
    expect(normalise("Café, DHW-02!")).toBe("cafe dhw 02");
    expect(queryTerms("a the Ward ward")).toEqual(["the", "ward"]);
  });

  it("finds an area by its name before pages that only mention it", async () => {
    const index = buildSearchIndex(await standardsSet());
    const hits = search(index, "technology");
    expect(hits[0]?.entry.url).toBe("/areas/technology/");
    expect(hits.map((hit) => hit.entry.url)).toContain("/areas/technology/easy-read/");
  });

  it("finds a standard by its id and needs every word to match", async () => {
    const index = buildSearchIndex(await standardsSet());
    expect(search(index, "DHW-02")[0]?.entry.url).toBe(
      "/areas/dining-experience-and-healthy-weight/#DHW-02",
    );
    expect(search(index, "technology zzzz")).toEqual([]);
    expect(search(index, "")).toEqual([]);
  });

  it("indexes every guide page, every area in both versions and every standard", async () => {
    const set = await standardsSet();
    const index = buildSearchIndex(set);
    const standards = set.areas.reduce((sum, area) => sum + area.standards.length, 0);
    expect(index.filter((entry) => entry.kind === "Standard")).toHaveLength(standards);
    expect(index.filter((entry) => entry.kind === "Easy read")).toHaveLength(set.areas.length);
    expect(index.some((entry) => entry.url === "/how-to-use/")).toBe(true);
    expect(search(index, "peer review")[0]?.entry.url).toBe("/how-to-use/");
  });
});
