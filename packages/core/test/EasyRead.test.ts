import { Result, Schema } from "effect";
import { describe, expect, it } from "vitest";
import { EasyRead } from "../src/index.ts";

describe("EasyRead", () => {
  it("splits sentences on . ! and ?", () => {
    expect(EasyRead.sentences(" We eat together.  It is calm! Do you agree? ")).toEqual([
      "We eat together.",
      "It is calm!",
      "Do you agree?",
    ]);
  });

  it("counts words, not punctuation", () => {
    expect(EasyRead.wordCount("Staff eat with us - every day.")).toBe(6);
    expect(EasyRead.wordCount("You have 25 hours.")).toBe(4);
  });

  it("accepts 15 words and refuses 16, naming the sentence", () => {
    const fifteen = `${"word ".repeat(14)}end.`;
    const sixteen = `${"word ".repeat(15)}end.`;
    expect(Schema.decodeUnknownSync(EasyRead.EasyReadText)(`Short. ${fifteen}`)).toBe(
      `Short. ${fifteen}`,
    );
    const result = Schema.decodeUnknownResult(EasyRead.EasyReadText)(`Short. ${sixteen}`);
    expect(Result.isFailure(result) && result.failure.message).toBe(
      `easy-read sentences must have at most 15 words; "${sixteen}" has 16`,
    );
  });

  it("refuses empty text", () => {
    expect(Result.isFailure(Schema.decodeUnknownResult(EasyRead.EasyReadText)(""))).toBe(true);
  });
});
