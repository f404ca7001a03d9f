// Signing in, the forced password change, signing out — in a real browser, every page checked by axe.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectNoAxeViolations,
  expectNoProblems,
  launchBrowser,
  openPage,
} from "./support/browser.ts";
import { setUpService } from "./support/network.ts";
import { startWebServer, type WebServer } from "./support/server.ts";

// A browser and argon2 on two shared cores are slow: each journey gets two minutes.
const JOURNEY_MS = 120_000;

describe("signing in (browser)", () => {
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
    "takes a new service from its one-time password to its dashboard and out again",
    async () => {
      const service = await setUpService(server.harness);
      const web = await openPage(browser, server.origin);
      const { page } = web;

      await page.goto("/portal/");
      expect(new URL(page.url()).pathname).toBe("/portal/sign-in");
      expect(await page.title()).toBe("Sign in – SeQuIn");
      await expectNoAxeViolations(page);

      await page.getByLabel("Sign-in name").fill(service.login);
      await page.getByLabel("Password", { exact: true }).fill("not the password");
      await page.getByRole("button", { name: "Sign in" }).click();
      expect(await page.title()).toBe("Error: Sign in – SeQuIn");
      await expect(page.locator(".nhsuk-error-summary").textContent()).resolves.toContain(
        "The sign-in name or password is not right.",
      );
      expect(await page.getByLabel("Sign-in name").inputValue()).toBe(service.login);
      await expectNoAxeViolations(page);

      await page.getByLabel("Password", { exact: true }).fill(service.oneTimePassword);
      await page.getByRole("button", { name: "Sign in" }).click();
      expect(new URL(page.url()).pathname).toBe("/portal/password");
      expect(await page.title()).toBe("Choose your own password – SeQuIn");
      await expectNoAxeViolations(page);

      // Every other page sends the account back until it has its own password.
      await page.goto("/portal/");
      expect(new URL(page.url()).pathname).toBe("/portal/password");

      await page.getByLabel("One-time password").fill(service.oneTimePassword);
      await page.getByLabel("New password").fill("short");
      await page.getByRole("button", { name: "Save and continue" }).click();
      expect(await page.title()).toBe("Error: Choose your own password – SeQuIn");
      await expect(page.locator("#newPassword-error").textContent()).resolves.toContain(
        "Use at least 8 characters.",
      );
      await expectNoAxeViolations(page);

      await page.getByLabel("One-time password").fill(service.oneTimePassword);
      await page.getByLabel("New password").fill("tulips in the rain");
      await page.getByRole("button", { name: "Save and continue" }).click();
      expect(new URL(page.url()).pathname).toBe("/portal/");
      expect(await page.title()).toBe("Oakwood Secure Hospital – SeQuIn");
      await expect(page.locator(".nhsuk-notification-banner").textContent()).resolves.toContain(
        "Your password has been changed.",
      );
      await expectNoAxeViolations(page);

      await page.getByRole("button", { name: "Sign out" }).click();
      expect(new URL(page.url()).pathname).toBe("/portal/sign-in");
      await expect(page.locator(".nhsuk-notification-banner").textContent()).resolves.toContain(
        "You have signed out.",
      );
      await page.goto("/portal/");
      expect(new URL(page.url()).pathname).toBe("/portal/sign-in");
      expectNoProblems(web);
      await web.context.close();
    },
    JOURNEY_MS,
  );

  it(
    "works without JavaScript and returns to the page asked for after signing in",
    async () => {
      const service = await setUpService(server.harness, "Birchfield Unit");
      const web = await openPage(browser, server.origin, { javaScript: false });
      const { page } = web;
      await page.goto(`/portal/services/${service.serviceId}`);
      expect(new URL(page.url()).searchParams.get("next")).toBe(
        `/portal/services/${service.serviceId}`,
      );
      await page.getByLabel("Sign-in name").fill(service.login);
      await page.getByLabel("Password", { exact: true }).fill(service.oneTimePassword);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByLabel("One-time password").fill(service.oneTimePassword);
      await page.getByLabel("New password").fill("maple leaves falling");
      await page.getByRole("button", { name: "Save and continue" }).click();
      expect(await page.locator("h1").textContent()).toBe("Birchfield Unit");
      expectNoProblems(web);
      await web.context.close();
    },
    JOURNEY_MS,
  );
});
