import { EasyRead, Scale } from "@sequin/core";
import { describe, expect, it } from "vitest";
import { OPENMOJI_ATTRIBUTION } from "../../src/assets/symbols.ts";
import {
  EASY_READ_MIN_FONT_PT,
  easyReadToolModel,
  HOW_TO,
  scalePictures,
} from "../../src/model/easyReadTool.ts";
import { fixtureSet } from "../fixtures/inputs.ts";
import { realStandards } from "../support/standards.ts";

describe("easyReadToolModel", () => {
  it("gives one sentence a line and a symbol beside every point", async () => {
    const set = await realStandards();
    for (const area of set.areas) {
      const model = easyReadToolModel(set, area.slug);
      expect(model.standards).toHaveLength(area.standards.length);
      for (const standard of model.standards) {
        expect(standard.symbol).toMatch(/^[0-9A-F-]+$/u);
        for (const sentence of standard.sentences) {
          expect(EasyRead.sentences(sentence)).toHaveLength(1);
          expect(EasyRead.wordCount(sentence), sentence).toBeLessThanOrEqual(15);
        }
      }
      expect(model.meta.attribution).toBe(OPENMOJI_ATTRIBUTION);
      expect(model.minFontPt).toBeGreaterThanOrEqual(16);
    }
  });

  it("writes its own instructions in easy read too", () => {
    const model = easyReadToolModel(fixtureSet, "testing-area");
    const own = [
      ...HOW_TO.map((point) => point.text),
      model.notApplicable.text,
      model.closing.text,
      ...model.scale.map((picture) => picture.label),
    ];
    for (const text of own) expect(EasyRead.longSentences(text), text).toEqual([]);
    expect(EASY_READ_MIN_FONT_PT).toBe(16);
  });

  it("shows the default scale's four choices as four different pictures", () => {
    const pictures = scalePictures(Scale.defaultScale);
    expect(pictures.map((picture) => picture.label)).toEqual([
      "Not happening",
      "Just starting",
      "Mostly happening",
      "Always happening",
    ]);
    expect(new Set(pictures.map((picture) => picture.symbol)).size).toBe(4);
    expect(pictures.map((picture) => picture.fill)).toEqual([0, 1 / 3, 2 / 3, 1]);
  });

  it("gives any other scale pictures that never go down as the score goes up", () => {
    const five = Array.from({ length: 5 }, (_, value) => ({
      value,
      label: `Level ${value}`,
      easyRead: `Level ${value}`,
    }));
    const pictures = scalePictures(five);
    expect(pictures[0]?.symbol).toBe(scalePictures(Scale.defaultScale)[0]?.symbol);
    expect(pictures[4]?.symbol).toBe(scalePictures(Scale.defaultScale)[3]?.symbol);
    expect(pictures.map((picture) => picture.fill)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});
