/**
 * Easy read: short sentences, one idea each. The rule SeQuIn enforces on every easy-read text is
 * "at most 15 words a sentence", the common guidance for easy-read documents.
 *
 * @module
 */
import { Schema } from "effect";

/**
 * The most words an easy-read sentence may have.
 *
 * @example
 * ```ts
 * import { EasyRead } from "@sequin/core"
 * EasyRead.MAX_WORDS_PER_SENTENCE // 15
 * ```
 */
export const MAX_WORDS_PER_SENTENCE = 15;

/**
 * Splits text into sentences. A sentence ends with `.`, `!` or `?` followed by white space or the end.
 *
 * @example
 * ```ts
 * import { EasyRead } from "@sequin/core"
 * EasyRead.sentences("We eat together. It is calm!") // ["We eat together.", "It is calm!"]
 * ```
 */
export const sentences = (text: string): ReadonlyArray<string> =>
  text
    .trim()
    .split(/(?<=[.!?])\s+/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);

/**
 * Counts the words of a sentence: runs of non-space characters that hold a letter or a digit
 * (so a lone dash is not a word).
 *
 * @example
 * ```ts
 * import { EasyRead } from "@sequin/core"
 * EasyRead.wordCount("Staff eat with us - every day.") // 6
 * ```
 */
export const wordCount = (sentence: string): number =>
  sentence.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;

/** A sentence that breaks the easy-read rule, with its word count. */
export interface LongSentence {
  readonly sentence: string;
  readonly words: number;
}

/**
 * The sentences of `text` that have more than {@link MAX_WORDS_PER_SENTENCE} words.
 *
 * @example
 * ```ts
 * import { EasyRead } from "@sequin/core"
 * EasyRead.longSentences("Short one.") // []
 * ```
 */
export const longSentences = (text: string): ReadonlyArray<LongSentence> =>
  sentences(text)
    .map((sentence) => ({ sentence, words: wordCount(sentence) }))
    .filter(({ words }) => words > MAX_WORDS_PER_SENTENCE);

/**
 * A non-empty easy-read text whose every sentence has at most 15 words. Decoding names the first
 * offending sentence and its length.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { EasyRead } from "@sequin/core"
 * Schema.decodeUnknownSync(EasyRead.EasyReadText)("We eat together.") // "We eat together."
 * ```
 */
export const EasyReadText = Schema.Trimmed.pipe(
  Schema.check(
    Schema.isMinLength(1),
    Schema.makeFilter((text: string) => {
      const long = longSentences(text)[0];
      return long === undefined
        ? undefined
        : `easy-read sentences must have at most ${MAX_WORDS_PER_SENTENCE} words; "${long.sentence}" has ${long.words}`;
    }),
  ),
);
