// The built site in a real browser (Debian's Chromium driven by playwright-core): every page loads,
// every link and download resolves, axe finds no WCAG 2.2 AA violation, the downloads are reachable
// by keyboard, and the easy read switch works without JavaScript.
import { access, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import axe from "axe-core";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedPdfs } from "../../src/build/pdfs.ts";
import { areaHref, easyReadHref, guidePages, portalSignIn } from "../../src/lib/pages.ts";
import { buildOrFail, htmlPages, runBuild } from "../support/build-site.ts";
import { publicResultsFor, writePublicResults } from "../support/public-results.ts";
import { standardsSet } from "../support/standards.ts";
import { type StaticServer, serveStatic } from "../support/static-server.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

let work: string;
let site: string;
let bare: string;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let pages: ReadonlyArray<string>;

beforeAll(async () => {
  try {
    await access(CHROMIUM);
  } catch {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install it or set CHROMIUM_PATH`);
  }
  const set = await standardsSet();
  work = await mkdtemp(join(tmpdir(), "sequin-site-test-"));
  site = join(work, "site");
  bare = join(work, "bare");
  const results = await writePublicResults(set, work);
  await buildOrFail(["--out", site], { SEQUIN_PUBLIC_RESULTS: results });
  // The same site with no portal publishing results (reusing the PDFs just rendered).
  await buildOrFail(["--out", bare, "--pdfs-from", join(site, "downloads")], {
    SEQUIN_PUBLIC_RESULTS: undefined,
  });
  pages = await htmlPages(site);
  server = await serveStatic(site);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  context = await browser.newContext();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

const url = (path: string) => `${server.origin}${path}`;

/** A tab that records console errors, script errors and failed requests since its last visit. */
const newTab = async (into: BrowserContext = context) => {
  const page = await into.newPage();
  const problems: Array<string> = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`script: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  page.on("requestfailed", (request) => {
    // Moving on to the next page cancels what the last one was still fetching (e.g. its icon).
    if (request.failure()?.errorText !== "net::ERR_ABORTED") {
      problems.push(`request failed: ${request.url()}`);
    }
  });
  const visit = async (path: string) => {
    problems.length = 0;
    const response = await page.goto(url(path));
    return { response, problems: [...problems] };
  };
  return { page, visit };
};

/** Opens one page in a new tab. */
const open = async (path: string, into: BrowserContext = context) => {
  const tab = await newTab(into);
  const { response } = await tab.visit(path);
  return { page: tab.page, response };
};

const runAxe = async (page: Page) => {
  // Through the DevTools protocol: the page's CSP (the portal's) forbids an injected <script>.
  if (!(await page.evaluate(() => "axe" in globalThis))) await page.evaluate(axe.source);
  return page.evaluate(
    async (tags) =>
      (
        await (window as unknown as { axe: typeof axe }).axe.run(document, {
          runOnly: { type: "tag", values: tags },
        })
      ).violations.map((violation) => ({
        id: violation.id,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(" ")),
      })),
    WCAG_22_AA,
  );
};

describe("the built site", () => {
  it("has every page: the guide, and both versions of every area", async () => {
    const set = await standardsSet();
    const expected = [
      ...guidePages.map((page) => page.href),
      ...set.areas.flatMap((area) => [areaHref(area.slug), easyReadHref(area.slug)]),
      "/search/",
      "/404.html",
    ];
    expect([...pages].sort()).toEqual([...new Set(expected)].sort());
  }, 120_000);

  it("loads every page with a title, one main heading and no errors", async () => {
    const failures: Array<string> = [];
    const { page, visit } = await newTab();
    for (const path of pages) {
      const { response, problems } = await visit(path);
      if (response?.status() !== 200) {
        failures.push(`${path}: status ${response?.status()}`);
      }
      if ((await page.title()).trim() === "") failures.push(`${path}: no title`);
      if ((await page.locator("h1").count()) !== 1) failures.push(`${path}: not one h1`);
      if ((await page.locator("main#maincontent").count()) !== 1) failures.push(`${path}: no main`);
      failures.push(...problems.map((problem) => `${path}: ${problem}`));
    }
    await page.close();
    expect(failures).toEqual([]);
  }, 300_000);

  it("has no WCAG 2.2 AA violation that axe can find, on any page", async () => {
    const found: Array<string> = [];
    const { page, visit } = await newTab();
    // axe itself is working: it finds a picture with no text alternative.
    await page.setContent('<html lang="en"><title>t</title><main><img src="x.png"></main></html>');
    expect((await runAxe(page)).map((violation) => violation.id)).toContain("image-alt");
    // The search page is checked with results shown too, as the script draws them.
    for (const path of [...pages, "/search/?q=food"]) {
      await visit(path);
      if (path.includes("?q=")) await page.locator("#search-results h2").waitFor();
      for (const violation of await runAxe(page)) {
        found.push(
          `${path}: ${violation.id} (${violation.help}) at ${violation.targets.join(", ")}`,
        );
      }
    }
    await page.close();
    expect(found).toEqual([]);
  }, 300_000);

  it("resolves every link, image, stylesheet, script and download", async () => {
    const targets = new Map<string, string>();
    const external = new Set<string>();
    const { page, visit } = await newTab();
    for (const path of pages) {
      await visit(path);
      const found = await page.evaluate(() => [
        ...[...document.querySelectorAll("a[href], link[href]")].map(
          (element) => (element as HTMLAnchorElement).href,
        ),
        ...[...document.querySelectorAll("img[src], script[src]")].map(
          (element) => (element as HTMLImageElement).src,
        ),
      ]);
      for (const link of found) {
        const target = new URL(link);
        if (target.protocol === "mailto:") continue;
        if (target.origin !== server.origin) {
          expect(target.protocol, `${path} links to ${link}`).toBe("https:");
          external.add(link);
          continue;
        }
        if (!targets.has(link)) targets.set(link, path);
      }
    }
    await page.close();
    const broken: Array<string> = [];
    const pdfs = new Set<string>();
    for (const [link, from] of targets) {
      const target = new URL(link);
      // The portal is served beside the site, not by it (`pnpm start` serves both).
      if (target.pathname.startsWith("/portal/")) {
        expect(target.pathname).toBe(portalSignIn);
        continue;
      }
      const response = await fetch(`${server.origin}${target.pathname}`);
      const body = Buffer.from(await response.arrayBuffer());
      if (response.status !== 200) {
        broken.push(`${from} → ${target.pathname}: ${response.status}`);
        continue;
      }
      if (target.pathname.endsWith(".pdf")) {
        pdfs.add(target.pathname);
        if (body.subarray(0, 5).toString("latin1") !== "%PDF-") {
          broken.push(`${from} → ${target.pathname}: not a PDF`);
        }
      }
      if (target.hash !== "") {
        const id = decodeURIComponent(target.hash.slice(1));
        if (!body.toString("utf8").includes(`id="${id}"`)) {
          broken.push(`${from} → ${target.pathname}${target.hash}: no such fragment`);
        }
      }
    }
    expect(broken).toEqual([]);
    const set = await standardsSet();
    expect([...pdfs].sort()).toEqual(
      expectedPdfs(set)
        .map((name) => `/downloads/${name}`)
        .sort(),
    );
    expect(external.size).toBeGreaterThan(0);
  }, 300_000);

  it("lets a keyboard user reach and download both PDFs of an area", async () => {
    for (const path of ["/areas/technology/", "/areas/technology/easy-read/"]) {
      const { page } = await open(path);
      const reached = new Map<string, string>();
      for (let press = 0; press < 40 && reached.size < 2; press++) {
        await page.keyboard.press("Tab");
        const focused = await page.evaluate(() => {
          const element = document.activeElement as HTMLAnchorElement | null;
          return element?.getAttribute("href")?.endsWith(".pdf")
            ? {
                href: element.getAttribute("href") ?? "",
                background: getComputedStyle(element).backgroundColor,
              }
            : undefined;
        });
        if (focused !== undefined) reached.set(focused.href, focused.background);
      }
      expect([...reached.keys()].sort(), path).toEqual([
        "/downloads/technology-easy-read.pdf",
        "/downloads/technology.pdf",
      ]);
      // The NHS.UK focus style: a yellow background, so focus is always visible.
      for (const background of reached.values()) expect(background).toBe("rgb(255, 235, 59)");
      const download = page.waitForEvent("download");
      await page.keyboard.press("Enter");
      expect((await download).suggestedFilename()).toMatch(/^technology(-easy-read)?\.pdf$/u);
      await page.close();
    }
  }, 120_000);

  it("switches between the standard and easy read versions without JavaScript", async () => {
    const set = await standardsSet();
    const area = set.areas.find((candidate) => candidate.slug === "technology");
    const firstStandard = area?.standards[0];
    if (area === undefined || firstStandard === undefined) throw new Error("no technology area");
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const { page } = await open(areaHref(area.slug), noScript);
    expect(await page.locator(`#${firstStandard.id}`).textContent()).toContain(firstStandard.text);
    await page.getByRole("link", { name: "Easy read version" }).click();
    expect(new URL(page.url()).pathname).toBe(easyReadHref(area.slug));
    expect(await page.locator("h1").textContent()).toBe(`${area.name}: easy read`);
    const firstSentence = firstStandard.easyRead.split(/(?<=[.!?])\s/u)[0] ?? "";
    expect(await page.locator(`#${firstStandard.id}`).textContent()).toContain(firstSentence);
    expect(
      await page.getByRole("link", { name: "Easy read version" }).getAttribute("aria-current"),
    ).toBe("page");
    await page.getByRole("link", { name: "Standard version" }).click();
    expect(new URL(page.url()).pathname).toBe(areaHref(area.slug));
    await noScript.close();
  }, 120_000);

  it("searches from the header, and lists every page when JavaScript is off", async () => {
    const { page } = await open("/");
    await page.getByLabel("Search this site").fill("restraint");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\/\?q=restraint$/u);
    const results = page.locator("#search-results");
    await results.locator("h2").waitFor();
    expect(await results.locator("h2").textContent()).toContain('for "restraint"');
    expect(await results.locator("a").first().getAttribute("href")).toMatch(
      /^\/areas\/reducing-restrictive-practice\//u,
    );
    expect(await page.locator("#search-fallback").isHidden()).toBe(true);

    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const bareSearch = await open("/search/?q=restraint", noScript);
    expect(await bareSearch.page.locator("#search-fallback").isVisible()).toBe(true);
    expect(await bareSearch.page.locator("#site-map ~ ul a").count()).toBeGreaterThan(30);
    await noScript.close();
  }, 120_000);

  it("shows the published results with charts, tables and withheld areas", async () => {
    const set = await standardsSet();
    const published = publicResultsFor(set);
    const { page } = await open("/results/");
    const shown = published.areas.filter((area) => area.distribution !== null);
    const overview = page.locator(".sequin-chart--overview svg[role=img]");
    expect(await overview.count()).toBe(shown.length);
    for (const area of shown) {
      const row = page.locator(".sequin-results-table tr", { hasText: area.name });
      expect(await row.textContent()).toContain(`${area.distribution?.median}%`);
      const label = `${area.name}: Middle score (median) ${area.distribution?.median}%`;
      expect(await page.locator(`svg[aria-label^="${label}"]`).count()).toBe(2);
    }
    const technology = page.locator("section", { has: page.locator("#technology") });
    expect(await technology.textContent()).toContain(
      "Withheld. Only 3 services completed this area in 2021/22.",
    );
    const areaPage = await open("/areas/technology/");
    expect(await areaPage.page.locator("#results + *").textContent()).toContain("Withheld.");
  }, 120_000);

  it("says so, with no figures, when no portal publishes results", async () => {
    const resultsPage = await readFile(join(bare, "results/index.html"), "utf8");
    expect(resultsPage).toContain("No portal publishes results to this site yet.");
    expect(resultsPage).not.toContain("sequin-chart__plot");
    expect(resultsPage).not.toMatch(/\d%/u);
    const areaPage = await readFile(join(bare, "areas/involvement/index.html"), "utf8");
    expect(areaPage).toContain("No portal publishes results to this site yet.");
  }, 120_000);

  it("prints without the navigation, keeping the content", async () => {
    const { page } = await open("/areas/technology/");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".nhsuk-header__navigation").isHidden()).toBe(true);
    expect(await page.locator(".sequin-versions").isHidden()).toBe(true);
    expect(await page.locator(".sequin-standard").first().isVisible()).toBe(true);
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  }, 120_000);

  it("refuses to build from results it cannot use, naming the field", async () => {
    const set = await standardsSet();
    const published = publicResultsFor(set);
    const bad = join(work, "bad-results.json");
    await writeFile(
      bad,
      JSON.stringify({ ...published, areas: [{ ...published.areas[0], participants: "eight" }] }),
    );
    const run = await runBuild(["--out", join(work, "never")], { SEQUIN_PUBLIC_RESULTS: bad });
    expect(run.code).toBe(1);
    expect(run.output).toContain(`SEQUIN_PUBLIC_RESULTS (${bad}) cannot be used`);
    expect(run.output).toContain("areas[0].participants");
  }, 120_000);
});
