// A service lead's other pages in a real browser: the action plan and "You said, we did", inviting
// and revoking accounts, API tokens, a calendar feed, uploading the area PDF, and the merge page a
// stale save gets without JavaScript. Every page visited passes axe (WCAG 2.2 AA).
import { Buffer } from "node:buffer";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPdf } from "../support/pdf.ts";
import {
  expectNoAxeViolations,
  expectNoProblems,
  launchBrowser,
  openPage,
} from "./support/browser.ts";
import { firstSignIn, signIn } from "./support/journeys.ts";
import { type SetUpService, setUpService } from "./support/network.ts";
import { startWebServer, type WebServer } from "./support/server.ts";

const JOURNEY_MS = 240_000;
const PASSWORD = "tulips in the rain";

const main = async (page: Page) => (await page.locator("main").textContent()) ?? "";

describe("a service lead's pages (browser)", () => {
  let server: WebServer;
  let browser: Browser;
  let service: SetUpService;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    service = await setUpService(server.harness, "Elm House");
    // The lead's first sign-in (one-time password) happens once, in its own profile.
    const first = await openPage(browser, server.origin, { javaScript: false });
    await firstSignIn(first.page, service.login, service.oneTimePassword, PASSWORD);
    await first.context.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    'keeps an action plan and prints "You said, we did"',
    async () => {
      const web = await openPage(browser, server.origin);
      const { page } = web;
      await signIn(page, service.login, PASSWORD);
      await page.getByRole("link", { name: "Action plan" }).first().click();
      expect(await page.title()).toBe("Action plan – SeQuIn");
      await expectNoAxeViolations(page);

      await page.getByRole("button", { name: "Add an action" }).click();
      await expectNoAxeViolations(page);
      await page.getByLabel("Standard").selectOption("INV-03");
      await page
        .getByLabel("What will be done")
        .fill("Service users chair the monthly involvement meeting.");
      await page.getByLabel("Day").fill("31");
      await page.getByLabel("Month").fill("2");
      await page.getByLabel("Year").fill("2022");
      await page.getByRole("button", { name: "Add the action" }).click();
      const errors = await page.locator(".nhsuk-error-summary").textContent();
      expect(errors).toContain("Enter who owns this action");
      expect(errors).toContain("Enter a real due date");
      expect(await page.getByLabel("What will be done").inputValue()).toContain(
        "chair the monthly",
      );
      await expectNoAxeViolations(page);
      await page.getByLabel("Owner").fill("Involvement lead");
      await page.getByLabel("Day").fill("28");
      await page.getByRole("button", { name: "Add the action" }).click();
      expect(await main(page)).toContain("The action has been saved.");
      expect(await main(page)).toContain("28 February 2022");

      await page.getByRole("link", { name: /chair the monthly/u }).click();
      await expectNoAxeViolations(page);
      await page.getByLabel("Add a progress note").fill("First meeting chaired by a service user.");
      await page.getByRole("button", { name: "Add the note" }).click();
      expect(await main(page)).toContain("First meeting chaired by a service user.");
      // The form offers only the moves the API allows next.
      await page.getByRole("radio", { name: "In progress" }).check();
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await page.getByRole("link", { name: /chair the monthly/u }).click();
      expect(await page.getByRole("radio", { name: "Not started" }).count()).toBe(0);
      await page.getByRole("radio", { name: "Done" }).check();
      await page
        .getByLabel("What was done")
        .fill("Service users now chair the meeting every month.");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      expect(await main(page)).toContain("Done");

      await page.getByRole("link", { name: /You said, we did/u }).click();
      expect(await page.title()).toBe("You said, we did 2021/22 – SeQuIn");
      expect(await main(page)).toContain("Service users now chair the meeting every month.");
      expect(await page.getByRole("button", { name: "Print this page" }).isVisible()).toBe(true);
      expect(await page.locator("footer").textContent()).toContain("OpenMoji");
      const symbol = page.locator(".app-ysww-item img").first();
      expect(
        await symbol.evaluate(
          (image) => (image as unknown as { naturalWidth: number }).naturalWidth,
        ),
      ).toBeGreaterThan(0);
      await expectNoAxeViolations(page);
      await page.emulateMedia({ media: "print" });
      expect(await page.locator("header").isVisible()).toBe(false);
      expectNoProblems(web);
      await web.context.close();
    },
    JOURNEY_MS,
  );

  it(
    "invites and revokes an account, makes an API token and a calendar feed",
    async () => {
      const web = await openPage(browser, server.origin);
      const { page } = web;
      await signIn(page, service.login, PASSWORD);
      await page.getByRole("link", { name: "Accounts" }).first().click();
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Invite someone" }).click();
      await page.getByLabel("Email address").fill("not an email");
      await page.getByLabel("Name").fill("Sam Staff");
      await page.getByRole("button", { name: "Invite" }).click();
      expect(await page.locator(".nhsuk-error-summary").textContent()).toContain(
        "Enter an email address in the right format",
      );
      await expectNoAxeViolations(page);
      await page.getByLabel("Email address").fill("sam@elm.test");
      await page.getByRole("button", { name: "Invite" }).click();
      expect(await page.title()).toBe("Account created – SeQuIn");
      const oneTime = (await page.locator(".app-secret").textContent())?.trim() ?? "";
      expect(oneTime.length).toBeGreaterThan(8);
      await expectNoAxeViolations(page);

      // The invited person can sign in with it (and must choose a password).
      const invited = await openPage(browser, server.origin, { javaScript: false });
      await firstSignIn(invited.page, "sam@elm.test", oneTime, "maple leaves falling");
      expect(await invited.page.locator("h1").textContent()).toBe("Elm House");
      await invited.context.close();

      await page.getByRole("link", { name: "Back to accounts" }).click();
      await page.getByRole("button", { name: "Revoke Sam Staff" }).click();
      expect(await main(page)).toContain("The account has been revoked.");
      expect(await page.getByRole("row", { name: /Sam Staff/u }).textContent()).toContain(
        "Revoked",
      );

      await page.getByRole("link", { name: "API tokens for other systems" }).click();
      await expectNoAxeViolations(page);
      await page.getByLabel("What will use it").fill("Ward dashboard");
      await page.getByRole("button", { name: "Create the token" }).click();
      const token = (await page.locator(".app-secret").textContent())?.trim() ?? "";
      expect(token).toMatch(/^sqt_/u);
      const answer = await fetch(`${server.origin}/api/v1/services/${service.serviceId}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(answer.status).toBe(200);
      await page.getByRole("link", { name: "Back to API tokens" }).click();
      await page.getByRole("button", { name: "Revoke Ward dashboard" }).click();
      expect(await main(page)).toContain("The token has been revoked.");

      await page.goto("/portal/");
      await page.getByRole("link", { name: "Add these deadlines to your calendar" }).click();
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Make a calendar feed" }).click();
      const feed = (await page.locator(".app-secret").textContent())?.trim() ?? "";
      expect(feed.startsWith(`${server.origin}/calendar/`)).toBe(true);
      const calendar = await fetch(feed);
      expect(calendar.status).toBe(200);
      expect(await calendar.text()).toContain("BEGIN:VCALENDAR");
      expectNoProblems(web);
      await web.context.close();
    },
    JOURNEY_MS,
  );

  it(
    "uploads the area PDF, refusing other files",
    async () => {
      const web = await openPage(browser, server.origin);
      const { page } = web;
      await signIn(page, service.login, PASSWORD);
      await page.getByRole("link", { name: "Technology", exact: true }).click();
      await page.getByLabel("Upload your completed area PDF").setInputFiles({
        name: "notes.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("just some text, not a PDF"),
      });
      await page.getByRole("button", { name: "Upload", exact: true }).click();
      expect(await page.locator(".nhsuk-error-summary").textContent()).toMatch(/PDF/u);
      await expectNoAxeViolations(page);
      await page.getByLabel("Upload your completed area PDF").setInputFiles({
        name: "technology 2021.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from(buildPdf({ catalog: "/Lang (en-GB) " })),
      });
      await page.getByRole("button", { name: "Upload", exact: true }).click();
      expect(await main(page)).toContain("Your PDF has been uploaded.");
      const link = page.getByRole("link", { name: /technology.2021\.pdf/u });
      const download = await fetch(`${server.origin}${await link.getAttribute("href")}`, {
        headers: {
          cookie: (await web.context.cookies())
            .map((cookie) => `${cookie.name}=${cookie.value}`)
            .join("; "),
        },
      });
      expect(download.status).toBe(200);
      expect(
        Buffer.from(await download.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe("%PDF-");
      const report = page.getByRole("link", { name: /Download the report/u });
      expect(await report.getAttribute("href")).toBe(
        `/portal/services/${service.serviceId}/cycles/2021-22/areas/technology/report.pdf`,
      );
      await expectNoAxeViolations(page);
      expectNoProblems(web);
      await web.context.close();
    },
    JOURNEY_MS,
  );

  it(
    "shows a stale save without JavaScript as a merge choice, losing nothing",
    async () => {
      const first = await openPage(browser, server.origin, { javaScript: false });
      const second = await openPage(browser, server.origin, { javaScript: false });
      for (const { page } of [first, second]) await signIn(page, service.login, PASSWORD);
      await first.page.goto("/portal/");
      await first.page.getByRole("link", { name: "Recovery College", exact: true }).click();
      await first.page.getByRole("button", { name: "Start" }).click();
      const standard = `${first.page.url()}/standards/RCL-01`;
      await first.page.goto(standard);
      await second.page.goto(standard);

      await second.page
        .getByRole("group", { name: "Staff view" })
        .getByLabel("3 – Fully in place and embedded")
        .check();
      await second.page.getByLabel("Why this score").fill("Theirs: a full timetable.");
      await second.page.getByRole("button", { name: "Save", exact: true }).click();

      await first.page
        .getByRole("group", { name: "Staff view" })
        .getByLabel("1 – Starting")
        .check();
      await first.page.getByLabel("Why this score").fill("Mine: courses are only just starting.");
      await first.page.getByRole("button", { name: "Save", exact: true }).click();
      const conflict = first.page.locator("#conflict");
      expect(await conflict.textContent()).toContain(
        "Someone else saved this standard while you were editing",
      );
      expect(await conflict.textContent()).toContain("Theirs: a full timetable.");
      expect(await first.page.getByLabel("Why this score").inputValue()).toBe(
        "Mine: courses are only just starting.",
      );
      // Keep mine: saving again now carries the current version.
      await first.page.getByRole("button", { name: "Save", exact: true }).click();
      expect(new URL(first.page.url()).searchParams.get("saved")).toBe("RCL-01");
      expect(await first.page.locator("#std-RCL-01").textContent()).toContain("1 – Starting");

      // axe needs scripts: check the merge page in a normal profile.
      const checker = await openPage(browser, server.origin);
      await signIn(checker.page, service.login, PASSWORD);
      await checker.page.goto(standard);
      await checker.page.evaluate(() => {
        const form = (
          globalThis as unknown as {
            document: { querySelector: (s: string) => { value: string } | null };
          }
        ).document;
        const version = form.querySelector('input[name="version"]');
        if (version !== null) version.value = "1";
      });
      await checker.page.getByRole("button", { name: "Save", exact: true }).click();
      expect(await checker.page.locator("#conflict").count()).toBe(1);
      await expectNoAxeViolations(checker.page);
      for (const web of [first, second, checker]) {
        expectNoProblems(web);
        await web.context.close();
      }
    },
    JOURNEY_MS,
  );
});
