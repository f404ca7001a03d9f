// Site search: the index is built with the site (search-index.json) and searched in the browser.
// This module is shared by both sides, so it must not import anything Node-only.

export interface SearchEntry {
  readonly url: string;
  readonly title: string;
  /** What kind of page it is: "Guide", "Area", "Easy read", "Standard". */
  readonly kind: string;
  readonly summary: string;
  /** Everything else on the page worth matching. */
  readonly text: string;
}

export interface SearchHit {
  readonly entry: SearchEntry;
  readonly score: number;
}

/** Lower case, accents removed, every run of other characters a single space. */
export const normalise = (text: string): string =>
  text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** The words of a query worth searching for (one-letter words match too much). */
export const queryTerms = (query: string): ReadonlyArray<string> => [
  ...new Set(
    normalise(query)
      .split(" ")
      .filter((term) => term.length > 1 || /\d/u.test(term)),
  ),
];

const WEIGHTS = { title: 10, summary: 4, text: 1 } as const;

const fieldScore = (field: string, term: string): number => {
  const at = field.indexOf(term);
  if (at === -1) return 0;
  // A word that starts with the term counts more than the term inside a word.
  return at === 0 || field[at - 1] === " " ? 2 : 1;
};

/**
 * Entries matching every term of the query, best first. A term scores by where it is found: in the
 * title, the summary or the rest of the text.
 */
export const search = (
  entries: ReadonlyArray<SearchEntry>,
  query: string,
  limit = 30,
): ReadonlyArray<SearchHit> => {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const hits: Array<SearchHit & { readonly order: number }> = [];
  entries.forEach((entry, order) => {
    const fields = {
      title: normalise(entry.title),
      summary: normalise(entry.summary),
      text: normalise(entry.text),
    };
    let score = 0;
    for (const term of terms) {
      const termScore =
        WEIGHTS.title * fieldScore(fields.title, term) +
        WEIGHTS.summary * fieldScore(fields.summary, term) +
        WEIGHTS.text * fieldScore(fields.text, term);
      if (termScore === 0) return;
      score += termScore;
    }
    hits.push({ entry, score, order });
  });
  return hits
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map(({ entry, score }) => ({ entry, score }));
};
