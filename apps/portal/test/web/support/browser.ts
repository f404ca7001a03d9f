// Debian's Chromium driven by playwright-core, and the accessibility check every page must pass.
// A missing Chromium fails the tests loudly: skipping would hide that pages went unchecked.
import { existsSync } from "node:fs";
import axe from "axe-core";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { expect } from "vitest";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const launchBrowser = async (): Promise<Browser> => {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM_PATH}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  // playwright gives every launch a fresh temporary profile (its own --user-data-dir).
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    chromiumSandbox: false,
    args: [
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
};

export interface WebPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors, CSP violations and uncaught exceptions seen so far. */
  readonly problems: Array<string>;
}

/** A fresh browser profile (no cookies) at the given origin, recording anything that goes wrong. */
export const openPage = async (
  browser: Browser,
  origin: string,
  options: {
    readonly javaScript?: boolean;
    readonly viewport?: { width: number; height: number };
  } = {},
): Promise<WebPage> => {
  const context = await browser.newContext({
    baseURL: origin,
    javaScriptEnabled: options.javaScript ?? true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  // A missing element fails within seconds, naming it, instead of running into the test's timeout.
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems: Array<string> = [];
  page.on("console", (message) => {
    // Chromium logs every 4xx page as "Failed to load resource"; pages answer 400 for a form with
    // errors on purpose. Failed files are caught below instead.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
      problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  // An unexpected dialog (e.g. "leave with unsaved changes?") is a problem: recorded, then dismissed.
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("response", (response) => {
    const document = response.request().resourceType() === "document";
    if (response.status() >= 500 || (!document && response.status() >= 400))
      problems.push(`${response.status()} ${response.url()}`);
  });
  return { context, page, problems };
};

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: ReadonlyArray<{
    readonly target: ReadonlyArray<unknown>;
    readonly failureSummary?: string;
  }>;
}

/**
 * Runs axe-core in the page (through the DevTools protocol, so the page's CSP stays strict) and
 * fails with a readable list of every WCAG 2.2 A/AA violation. axe is a script: it cannot run in a
 * page opened with JavaScript off (check those pages in a normal one).
 */
export const expectNoAxeViolations = async (page: Page): Promise<void> => {
  const present = await page.evaluate(() => "axe" in globalThis);
  if (!present) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (tags) => {
    // Runs in the page: its globals are the browser's (this package has no DOM types).
    const page = globalThis as unknown as { axe: typeof axe; document: axe.ElementContext };
    const result = await page.axe.run(page.document, { runOnly: { type: "tag", values: tags } });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({
        target: node.target as unknown[],
        ...(node.failureSummary === undefined ? {} : { failureSummary: node.failureSummary }),
      })),
    }));
  }, WCAG_TAGS);
  const described = (violations as ReadonlyArray<AxeViolation>).map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes
        .map((node) => `    at ${JSON.stringify(node.target)}: ${node.failureSummary ?? ""}`)
        .join("\n")}`,
  );
  expect(described, `axe on ${page.url()}`).toEqual([]);
};

/** Nothing went wrong in the browser: no console error, CSP violation, uncaught error or 5xx. */
export const expectNoProblems = (web: WebPage): void => {
  expect(web.problems).toEqual([]);
};
