// The site's pages outside the per-area ones: one list feeds the header, the footer and search.

export interface PageLink {
  readonly href: string;
  readonly title: string;
  /** One sentence, for search results and the page's meta description. */
  readonly summary: string;
}

export const home: PageLink = {
  href: "/",
  title: "SeQuIn: the Secure Quality Involvement Tool",
  summary:
    "What SeQuIn is, and why service users and staff in secure hospitals score their service together.",
};

export const howToUse: PageLink = {
  href: "/how-to-use/",
  title: "How to use SeQuIn",
  summary:
    "The 3 ways to complete an area: self-assessment, the Involvement Group (ward by ward if you like) and peer review.",
};

export const areas: PageLink = {
  href: "/areas/",
  title: "The 12 areas and their standards",
  summary: "Every area's standards, in a standard version and an easy read version, with PDFs.",
};

export const schedule: PageLink = {
  href: "/schedule/",
  title: "The yearly schedule",
  summary: "When each area is due in the year, and the monthly schedule used in 2019/20.",
};

export const results: PageLink = {
  href: "/results/",
  title: "Network results",
  summary: "Anonymised results for each area across the network, when a portal publishes them.",
};

export const benefits: PageLink = {
  href: "/benefits/",
  title: "Benefits of the portal and benchmarking",
  summary:
    "What services, service users and networks gain from the portal and from comparing results.",
};

export const history: PageLink = {
  href: "/history/",
  title: "History of SeQuIn",
  summary: "How SeQuIn grew from a quality incentive into standards written with service users.",
};

export const accessibility: PageLink = {
  href: "/accessibility/",
  title: "Accessibility statement",
  summary: "How accessible this website is, what we test, and how to tell us about a problem.",
};

export const symbols: PageLink = {
  href: "/symbols/",
  title: "Symbols and credits",
  summary: "Where the easy read symbols come from, who designed them and their licence.",
};

export const search: PageLink = {
  href: "/search/",
  title: "Search",
  summary: "Search the guide, the areas and the standards.",
};

/** The portal is served beside the site; only its sign-in page is linked. */
export const portalSignIn = "/portal/sign-in";

/** The header's menu, in order. */
export const navigation: ReadonlyArray<{ readonly href: string; readonly label: string }> = [
  { href: howToUse.href, label: "How to use" },
  { href: areas.href, label: "Areas" },
  { href: schedule.href, label: "Schedule" },
  { href: results.href, label: "Results" },
  { href: benefits.href, label: "Benefits" },
  { href: history.href, label: "History" },
];

/** Every page above, for search and the site map on the search page. */
export const guidePages: ReadonlyArray<PageLink> = [
  home,
  howToUse,
  areas,
  schedule,
  results,
  benefits,
  history,
  accessibility,
  symbols,
];

/** An area's two pages. */
export const areaHref = (slug: string): string => `/areas/${slug}/`;
export const easyReadHref = (slug: string): string => `/areas/${slug}/easy-read/`;
