import { mkdtemp, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Result } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  decodeResults,
  loadPublicResults,
  type PublicResultsError,
} from "../../src/lib/results.ts";
import { publicResultsFor } from "../support/public-results.ts";
import { standardsSet } from "../support/standards.ts";

const problemsOf = (result: Result.Result<unknown, PublicResultsError>) => {
  if (Result.isSuccess(result)) throw new Error("expected the results to be rejected");
  return result.failure.problems;
};

describe("decodeResults", () => {
  it("accepts what the portal publishes, withheld areas included", async () => {
    const set = await standardsSet();
    const published = publicResultsFor(set);
    const decoded = decodeResults("fixture", published, set);
    expect(Result.isSuccess(decoded)).toBe(true);
    if (Result.isFailure(decoded)) return;
    expect(decoded.success.areas).toHaveLength(set.areas.length);
    const technology = decoded.success.areas.find((area) => area.area === "technology");
    expect(technology).toMatchObject({ withheld: true, participants: 3, distribution: null });
    const involvement = decoded.success.areas.find((area) => area.area === "involvement");
    expect(involvement?.distribution?.participants).toBe(8);
  });

  it("names the field of every problem", async () => {
    const set = await standardsSet();
    const published = publicResultsFor(set);
    const [first, second, ...rest] = published.areas;
    if (first?.distribution == null || second === undefined) throw new Error("fixture changed");
    const broken = {
      ...published,
      cycle: "2021-22",
      areas: [
        { ...first, distribution: { ...first.distribution, q1: first.distribution.median + 1 } },
        { ...second, participants: -1 },
        ...rest,
      ],
    };
    const problems = problemsOf(decodeResults("bad.json", broken, set));
    expect(problems.some((problem) => problem.startsWith("cycle:"))).toBe(true);
    expect(problems).toContainEqual(
      expect.stringMatching(/^areas\[0\]\.distribution\.median: is below q1/u),
    );
    expect(problems).toContainEqual(expect.stringMatching(/^areas\[1\]\.participants:/u));
  });

  it("rejects a distribution that does not agree with its area", async () => {
    const set = await standardsSet();
    const published = publicResultsFor(set);
    const shown = published.areas.find((area) => area.distribution !== null);
    const withheld = published.areas.find((area) => area.distribution === null);
    if (shown?.distribution == null || withheld === undefined) throw new Error("fixture changed");
    const problems = problemsOf(
      decodeResults(
        "bad.json",
        {
          ...published,
          areas: [
            { ...shown, withheld: true },
            { ...withheld, withheld: false },
            { ...shown, distribution: { ...shown.distribution, participants: 99 } },
          ],
        },
        set,
      ),
    );
    expect(problems).toEqual([
      "areas[0].distribution: must be null when the area is withheld",
      "areas[1].distribution: is missing for an area that is not withheld",
      `areas[2].distribution.participants: is 99 but participants is ${shown.participants}`,
    ]);
  });

  it("rejects an area below the minimum that is not withheld, unknown areas and repeats", async () => {
    const set = await standardsSet();
    const published = publicResultsFor(set);
    const shown = published.areas.find((area) => area.distribution !== null);
    if (shown?.distribution == null) throw new Error("fixture changed");
    expect(
      problemsOf(decodeResults("x", { ...published, minimumParticipants: 50 }, set))[0],
    ).toMatch(/withheld: is false with \d+ participants, fewer than the minimum of 50/u);
    expect(
      problemsOf(
        decodeResults(
          "x",
          { ...published, areas: [{ ...shown, area: "gardening" }, shown, shown] },
          set,
        ),
      ),
    ).toEqual([
      `areas[0].area: "gardening" is not an area of standards set ${set.version}`,
      `areas[2].area: "${shown.area}" appears twice`,
    ]);
  });
});

describe("loadPublicResults", () => {
  let dir: string;
  let server: ReturnType<typeof createServer>;
  let origin: string;

  beforeAll(async () => {
    const set = await standardsSet();
    dir = await mkdtemp(join(tmpdir(), "sequin-results-"));
    const body = JSON.stringify(publicResultsFor(set));
    server = createServer((request, response) => {
      if (request.url === "/api/v1/public/cycles/2021-22/benchmark") {
        response.writeHead(200, { "content-type": "application/json" }).end(body);
      } else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("is empty when unset: no portal publishes results", async () => {
    const set = await standardsSet();
    expect(await loadPublicResults(undefined, set)).toEqual(Result.succeed(undefined));
    expect(await loadPublicResults("  ", set)).toEqual(Result.succeed(undefined));
  });

  it("reads a file and a portal URL", async () => {
    const set = await standardsSet();
    const file = join(dir, "results.json");
    await writeFile(file, JSON.stringify(publicResultsFor(set)));
    const fromFile = await loadPublicResults(file, set);
    const fromUrl = await loadPublicResults(
      `${origin}/api/v1/public/cycles/2021-22/benchmark`,
      set,
    );
    expect(Result.isSuccess(fromFile) && fromFile.success?.cycle).toBe("2021/22");
    expect(fromUrl).toEqual(fromFile);
  });

  it("says why a source cannot be read", async () => {
    const set = await standardsSet();
    const notJson = join(dir, "not.json");
    await writeFile(notJson, "<html>");
    expect(problemsOf(await loadPublicResults(join(dir, "missing.json"), set))).toEqual([
      "file not found",
    ]);
    expect(problemsOf(await loadPublicResults(notJson, set))[0]).toMatch(/^is not JSON/u);
    expect(problemsOf(await loadPublicResults(`${origin}/nothing`, set))).toEqual([
      `GET ${origin}/nothing answered 404`,
    ]);
    const failed = await loadPublicResults(join(dir, "missing.json"), set);
    expect(Result.isFailure(failed) && failed.failure.message).toContain("SEQUIN_PUBLIC_RESULTS (");
  });
});
