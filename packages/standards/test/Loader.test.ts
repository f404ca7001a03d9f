import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "@effect/vitest";
import { EasyRead } from "@sequin/core";
import { Effect } from "effect";
import { defaultStandardsDir, loadStandards } from "../src/index.ts";

const copyOfData = Effect.acquireRelease(
  Effect.promise(async () => {
    const dir = join(await mkdtemp(join(tmpdir(), "sequin-standards-")), "standards-data");
    await cp(defaultStandardsDir, dir, { recursive: true });
    return dir;
  }),
  (dir) => Effect.promise(() => rm(join(dir, ".."), { recursive: true, force: true })),
);

const edit = (dir: string, file: string, change: (text: string) => string) =>
  Effect.promise(async () =>
    writeFile(join(dir, file), change(await readFile(join(dir, file), "utf8"))),
  );

describe("standards-data", () => {
  it.effect("holds all 12 areas, valid", () =>
    Effect.gen(function* () {
      const { set, schedules } = yield* loadStandards();
      expect(set.areas.map((area) => area.name)).toEqual([
        "Involvement",
        "Recovery Pathway",
        "Recovery College",
        "Reducing Restrictive Practice",
        "CPA Standards",
        "Friends, Family and Carers",
        "MDT Standards",
        "Dining Experience and Healthy Weight",
        "Meaningful Activity",
        "Shared Risk Assessment",
        "Recruitment and Selection",
        "Technology",
      ]);
      expect(set.areas.find((area) => area.code === "CPA")?.standards).toHaveLength(12);
      for (const area of set.areas) {
        expect(area.standards.length).toBeGreaterThanOrEqual(6);
        expect(area.standards.length).toBeLessThanOrEqual(12);
        for (const standard of area.standards)
          expect(EasyRead.longSentences(standard.easyRead)).toEqual([]);
      }
      expect(schedules.map((schedule) => `${schedule.cycle} ${schedule.kind}`)).toEqual([
        "2019/20 monthly",
        "2021/22 quarterly",
      ]);
    }),
  );

  it.effect("names the file and field of every problem (pinned)", () =>
    Effect.gen(function* () {
      const dir = yield* copyOfData;
      yield* edit(dir, "areas/technology.yaml", (text) =>
        text
          .replace("weight: essential", "weight: vital")
          .replace(/symbol: "[0-9A-F-]+"\n(\s+- id: TEC-03)/u, 'symbol: "ZZZZ"\n$1')
          .replace("naAllowed: false", "naAllowed: nope"),
      );
      yield* edit(dir, "areas/involvement.yaml", (text) =>
        text.replace("code: INV", "code: INV\ncode: IN2"),
      );
      yield* edit(dir, "schedules/2021-22.yaml", (text) =>
        text.replace("2021-11-30", "2022-11-30"),
      );
      const error = yield* Effect.flip(loadStandards(dir));
      expect(error._tag).toBe("StandardsDataError");
      expect(error.message).toMatchInlineSnapshot(`
        "standards-data/areas/involvement.yaml: line 2, column 1: Map keys must be unique
        standards-data/areas/technology.yaml: standards[0].weight: Expected "essential" | "expected" | "desirable", got "vital"
        standards-data/areas/technology.yaml: standards[0].naAllowed: Expected boolean, got "nope"
        standards-data/areas/technology.yaml: standards[1].symbol: a symbol is an OpenMoji hexcode in capitals, e.g. 1F37D
        standards-data/schedules/2021-22.yaml: deadlines[2].due: 2022-11-30 is outside the 2021/22 cycle"
      `);
    }).pipe(Effect.scoped),
  );

  it.effect("refuses an area file that the set does not list", () =>
    Effect.gen(function* () {
      const dir = yield* copyOfData;
      yield* Effect.promise(() => writeFile(join(dir, "areas/extra.yaml"), "code: EX\n"));
      const error = yield* Effect.flip(loadStandards(dir));
      expect(error.message).toBe(
        'standards-data/areas/extra.yaml: "extra" is not listed under areas in standards-set.yaml',
      );
    }).pipe(Effect.scoped),
  );
});
