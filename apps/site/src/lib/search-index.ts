// The search index: every guide page, every area (both versions) and every standard.
import type { Standards } from "@sequin/core";
import { areaHref, easyReadHref, guidePages } from "./pages.ts";
import type { SearchEntry } from "./search.ts";

/** Extra words for the guide pages, so that a search for what a page covers finds it. */
const guideKeywords: Readonly<Record<string, string>> = {
  "/how-to-use/":
    "self-assessment involvement group ward by ward average peer review reciprocal consensus agreed score scale evidence action plan submit not applicable",
  "/schedule/": "deadline due date month quarter calendar cycle financial year minimum areas early",
  "/results/": "benchmark anonymised median quartile chart withheld participants",
  "/benefits/": "portal benchmarking best practice buddy compare change year on year",
  "/history/": "CQUIN commissioning co-production co-produced pilot origins",
  "/accessibility/": "WCAG keyboard screen reader contrast easy read large print problem",
  "/symbols/": "OpenMoji licence CC BY-SA attribution pictures",
};

export const buildSearchIndex = (set: Standards.StandardsSet): ReadonlyArray<SearchEntry> => [
  ...guidePages.map((page) => ({
    url: page.href,
    title: page.title,
    kind: "Guide",
    summary: page.summary,
    text: guideKeywords[page.href] ?? "",
  })),
  ...set.areas.flatMap(
    (area): ReadonlyArray<SearchEntry> => [
      {
        url: areaHref(area.slug),
        title: area.name,
        kind: "Area",
        summary: area.description,
        text: `${area.code} ${area.origin}`,
      },
      {
        url: easyReadHref(area.slug),
        title: `${area.name}: easy read`,
        kind: "Easy read",
        summary: area.easyRead,
        text: area.standards.map((standard) => standard.easyRead).join(" "),
      },
      ...area.standards.map((standard) => ({
        url: `${areaHref(area.slug)}#${standard.id}`,
        title: `${standard.id}: ${area.name}`,
        kind: "Standard",
        summary: standard.text,
        text: `${standard.easyRead} ${standard.evidenceHints.join(" ")}`,
      })),
    ],
  ),
];
