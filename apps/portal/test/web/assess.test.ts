// The main service journey in a real browser: a service the network admin set up signs in with its
// one-time password, records how Involvement was assessed, scores standards one at a time (with
// autosave), in the whole table and in easy read, is told every reason it cannot submit yet, then
// submits. Every page visited passes axe (WCAG 2.2 AA).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectNoAxeViolations,
  expectNoProblems,
  launchBrowser,
  openPage,
} from "./support/browser.ts";
import { firstSignIn } from "./support/journeys.ts";
import { setUpService } from "./support/network.ts";
import { startWebServer, type WebServer } from "./support/server.ts";

const JOURNEY_MS = 240_000;

const path = (page: Page) => new URL(page.url()).pathname;

describe("assessing and submitting an area (browser)", () => {
  let server: WebServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    "goes from the dashboard to a submitted area",
    async () => {
      const service = await setUpService(server.harness, "Oakwood Secure Hospital");
      const web = await openPage(browser, server.origin);
      const { page } = web;
      await firstSignIn(page, service.login, service.oneTimePassword);
      expect(path(page)).toBe("/portal/");
      await expectNoAxeViolations(page);

      await page.getByRole("link", { name: "Involvement", exact: true }).click();
      expect(await page.title()).toBe("Involvement 2021/22 – SeQuIn");
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Start" }).click();
      expect(path(page)).toMatch(/^\/portal\/assessments\/[\w-]+$/u);
      const assessmentUrl = page.url();
      await expectNoAxeViolations(page);

      // Submitting too early lists every reason, each one a link.
      await page.getByRole("button", { name: "Submit this area" }).click();
      const summary = page.locator(".nhsuk-error-summary");
      const reasons = await summary.locator("li").allTextContents();
      expect(reasons.map((reason) => reason.trim())).toEqual(
        expect.arrayContaining([
          "Record how the area was assessed (self-assessment, Involvement Group or peer review).",
          "Service users must take part: record how many attended.",
          "Staff must take part: record how many attended.",
          "INV-01 has no agreed score yet.",
          "INV-10 has no agreed score yet.",
        ]),
      );
      expect(reasons).toHaveLength(13);
      expect(await page.title()).toMatch(/^Error: /u);
      await expectNoAxeViolations(page);

      // How it was assessed, with a mistake first.
      await page.getByRole("link", { name: "Change how it was assessed" }).click();
      await expectNoAxeViolations(page);
      await page.getByLabel("Self-assessment").check();
      await page.getByLabel("Service users", { exact: true }).fill("four");
      await page.getByLabel("Staff", { exact: true }).fill("3");
      await page.getByLabel("Carers", { exact: true }).fill("0");
      await page.getByRole("button", { name: "Save" }).click();
      expect(await page.locator("#serviceUsers-error").textContent()).toContain(
        "Enter how many service users took part",
      );
      await expectNoAxeViolations(page);
      await page.getByLabel("Service users", { exact: true }).fill("4");
      await page.getByRole("button", { name: "Save" }).click();
      expect(page.url()).toContain("saved=");

      // One standard at a time: the views are two apart, so the divergence flag shows.
      await page.getByRole("link", { name: "One standard at a time" }).click();
      expect(path(page)).toMatch(/\/standards\/INV-01$/u);
      await expectNoAxeViolations(page);
      await page
        .getByRole("group", { name: "Service users' view" })
        .getByLabel("1 – Starting")
        .check();
      await page
        .getByRole("group", { name: "Staff view" })
        .getByLabel("3 – Fully in place and embedded")
        .check();
      // Autosave: the change is saved without pressing anything.
      await page.getByText(/^Saved at /u).waitFor();
      await page.reload();
      await expect(
        page
          .getByRole("group", { name: "Service users' view" })
          .getByLabel("1 – Starting")
          .isChecked(),
      ).resolves.toBe(true);
      expect(await page.locator(".nhsuk-card--warning").first().textContent()).toContain(
        "2 points apart",
      );
      await expectNoAxeViolations(page);
      await page
        .getByRole("group", { name: "Agreed score" })
        .getByLabel("2 – Mostly in place")
        .check();
      await page
        .getByLabel("Why this score")
        .fill("Staff see it happening; service users want more say.");
      await page
        .getByLabel("Evidence", { exact: true })
        .fill("Minutes of the community meeting, patient 943 476 5919.");
      // With a save still on its way, the form waits for it before posting: wait for the new page.
      await page.getByRole("button", { name: "Save and go to the next standard" }).click();
      await page.waitForURL(/\/standards\/INV-02$/u);

      // The evidence guard warns about the NHS number on the standard it was typed into.
      await page.goto(assessmentUrl);
      expect(await page.locator("#std-INV-01").textContent()).toContain("Check the evidence");
      await page.locator("#std-INV-01 a").click();
      expect(await page.locator("main").textContent()).toContain(
        "Evidence must not identify anyone",
      );
      await page.getByLabel("Evidence", { exact: true }).fill("Minutes of the community meeting.");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await page.waitForURL(/saved=INV-01/u);
      expect(await page.locator("#std-INV-01").textContent()).not.toContain("Check the evidence");

      // Easy read: the service users' view of INV-02 with score pictures.
      await page.goto(`${assessmentUrl}/easy-read?standard=INV-02`);
      expect(await page.title()).toBe("Involvement in easy read: 2 of 10 – SeQuIn");
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Save and next" }).click();
      expect(await page.locator(".nhsuk-error-summary").textContent()).toContain(
        "Choose what service users think",
      );
      await expectNoAxeViolations(page);
      await page.getByLabel("Mostly happening").check();
      await page.getByRole("button", { name: "Save and next" }).click();
      expect(new URL(page.url()).searchParams.get("standard")).toBe("INV-03");

      // The whole table: the remaining views and agreed scores.
      await page.goto(`${assessmentUrl}/table`);
      await expectNoAxeViolations(page);
      for (let index = 2; index <= 10; index++) {
        const id = `INV-${String(index).padStart(2, "0")}`;
        if (index > 2) await page.getByLabel(`Service users' view for ${id}`).selectOption("2");
        await page.getByLabel(`Staff view for ${id}`).selectOption("3");
        await page.getByLabel(`Agreed score for ${id}`).selectOption(index === 10 ? "3" : "2");
      }
      await page.getByRole("button", { name: "Save the table" }).click();
      await page.waitForURL(/\/assessments\/[\w-]+\?saved=/u);
      expect(await page.locator("#std-INV-10").textContent()).toContain("3 – Fully in place");
      expect(await page.locator("#std-INV-02").textContent()).toContain("2 – Mostly in place");

      await page.getByRole("button", { name: "Submit this area" }).click();
      expect(await page.locator(".nhsuk-notification-banner").textContent()).toContain(
        "Involvement has been submitted.",
      );
      await expectNoAxeViolations(page);

      await page.goto("/portal/");
      const row = page.getByRole("row", { name: "Involvement" });
      expect(await row.textContent()).toMatch(/Submitted (on time|late)/u);
      expect(await page.locator("main").textContent()).toContain("1 of at least 4 areas submitted");
      expectNoProblems(web);
      await web.context.close();
    },
    JOURNEY_MS,
  );
});
