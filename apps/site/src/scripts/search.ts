/// <reference lib="dom" />
// Progressive enhancement for the search page: reads ?q=, searches the prebuilt index and shows the
// results. Without this script the page shows a site map instead, so nothing depends on it.
import { type SearchEntry, search } from "../lib/search.ts";

const results = document.getElementById("search-results");
const fallback = document.getElementById("search-fallback");
const input = document.getElementById("search-query");

const element = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: ReadonlyArray<Node | string>
): HTMLElementTagNameMap[K] => {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
};

const render = (entries: ReadonlyArray<SearchEntry>, query: string) => {
  if (results === null) return;
  const hits = search(entries, query);
  const heading = element(
    "h2",
    { className: "nhsuk-heading-m", id: "search-results-heading" },
    hits.length === 0
      ? `No results for "${query}"`
      : `${hits.length} ${hits.length === 1 ? "result" : "results"} for "${query}"`,
  );
  const list = element("ul", { className: "nhsuk-list sequin-search-results" });
  for (const { entry } of hits) {
    list.append(
      element(
        "li",
        { className: "sequin-search-results__item" },
        element("a", { href: entry.url, className: "nhsuk-heading-s" }, entry.title),
        element("p", { className: "nhsuk-body-s sequin-search-results__kind" }, entry.kind),
        element("p", { className: "sequin-search-results__summary" }, entry.summary),
      ),
    );
  }
  const help =
    hits.length === 0
      ? [element("p", {}, "Check the spelling, or try fewer or different words.")]
      : [];
  results.replaceChildren(heading, list, ...help);
  results.hidden = false;
};

const start = async () => {
  if (results === null || fallback === null) return;
  // The script runs, so searching works: the "needs JavaScript" notice no longer applies.
  fallback.hidden = true;
  const query = new URLSearchParams(window.location.search).get("q")?.trim() ?? "";
  if (input instanceof HTMLInputElement) input.value = query;
  if (query === "") return;
  try {
    const response = await fetch("/search-index.json");
    if (!response.ok) throw new Error(String(response.status));
    render((await response.json()) as ReadonlyArray<SearchEntry>, query);
  } catch {
    results.replaceChildren(
      element("p", {}, "Search is not working at the moment. Use the list of pages below."),
    );
    results.hidden = false;
  }
};

void start();
