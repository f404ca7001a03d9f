// The network team's pages in a real browser, on the demo network: setting up an organisation,
// service, ward and login (the one-time password shown once, and working); opening a cycle; who is
// behind; generating, adjusting and publishing a peer-review round; themes; recomputing with a live
// progress bar; and downloading the network pack. Every page is checked by axe.
import { readFile } from "node:fs/promises";
import { testDrivers } from "@sequin/db/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWith } from "../../src/app.ts";
import { seedDemoNetwork } from "../../src/seed/demo.ts";
import {
  buildNetwork,
  type Client,
  createAccount,
  type Harness,
  type Network,
  signedIn,
  startHarness,
} from "../support/harness.ts";
import {
  expectNoAxeViolations,
  expectNoProblems,
  launchBrowser,
  openPage,
  type WebPage,
} from "./support/browser.ts";
import { FormClient } from "./support/forms.ts";
import { firstSignIn, signIn } from "./support/journeys.ts";
import { startWebServer, type WebServer } from "./support/server.ts";

const JOURNEY_MS = 180_000;
const ADMIN = "admin@network.test";
const PASSWORD = "correct horse battery";

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();
const banner = (page: Page) => page.locator(".nhsuk-notification-banner").textContent();
const errorSummary = (page: Page) => page.locator(".nhsuk-error-summary").textContent();

interface Round {
  readonly id: string;
  readonly pairs: ReadonlyArray<{
    readonly services: ReadonlyArray<{
      readonly id: string;
      readonly name: string;
      readonly organisation: { readonly name: string };
    }>;
  }>;
  readonly unpaired: ReadonlyArray<{ readonly service: { readonly id: string } }>;
}

describe("the network team's pages (browser)", () => {
  let server: WebServer;
  let browser: Browser;
  let admin: Client;
  let web: WebPage;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    await runWith(server.harness.app, seedDemoNetwork);
    await createAccount(server.harness, { login: ADMIN, role: "network-admin" });
    admin = await signedIn(server.harness, ADMIN);
    web = await openPage(browser, server.origin);
    await signIn(web.page, ADMIN, PASSWORD);
  }, JOURNEY_MS);
  afterAll(async () => {
    await server?.harness.app.jobs.stop();
    await browser?.close();
    await server?.close();
  });

  it(
    "adds an organisation, a service and a ward, and issues a login shown once",
    async () => {
      const { page } = web;
      await page
        .getByRole("navigation", { name: "Menu" })
        .getByRole("link", { name: "Network" })
        .click();
      expect(await page.title()).toBe("Network – SeQuIn");
      await expectNoAxeViolations(page);

      await page.getByRole("link", { name: "Organisations, services, wards and logins" }).click();
      await page.getByLabel("Organisation name").fill("Riverside Care Trust");
      await page.getByRole("button", { name: "Add organisation" }).click();
      await expect(banner(page)).resolves.toContain("The organisation has been added.");
      await expect(
        page.getByRole("heading", { name: "Riverside Care Trust" }).count(),
      ).resolves.toBe(1);
      await expectNoAxeViolations(page);

      await page.getByLabel("Organisation name").fill("Riverside Care Trust");
      await page.getByRole("button", { name: "Add organisation" }).click();
      expect(await page.title()).toBe("Error: Organisations and services – SeQuIn");
      await expect(errorSummary(page)).resolves.toContain(
        'An organisation called "Riverside Care Trust" already exists.',
      );
      await expectNoAxeViolations(page);

      await page.getByRole("button", { name: "Add a service" }).click();
      await page.getByLabel("Organisation").selectOption({ label: "Riverside Care Trust" });
      await page.getByLabel("Service name").fill("Riverside Secure Unit");
      await page.getByRole("button", { name: "Add service" }).click();
      expect(await page.title()).toBe("Riverside Secure Unit – SeQuIn");
      await expect(banner(page)).resolves.toContain("The service has been added.");
      await expectNoAxeViolations(page);

      await page.getByLabel("Add a ward").fill("Kestrel ward");
      await page.getByRole("button", { name: "Add ward" }).click();
      await expect(banner(page)).resolves.toContain("The ward has been added.");
      await expect(
        page.getByRole("listitem").filter({ hasText: "Kestrel ward" }).count(),
      ).resolves.toBe(1);
      await expectNoAxeViolations(page);
      const servicePage = page.url();

      await page.getByRole("button", { name: "Issue a login" }).click();
      expect(await page.title()).toBe("Login for Riverside Secure Unit – SeQuIn");
      const password = ((await page.locator("#one-time-password").textContent()) ?? "").trim();
      expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/u);
      expect(page.url()).not.toContain(password);
      await expect(page.locator("main").textContent()).resolves.toContain("riverside-secure-unit");
      await expectNoAxeViolations(page);

      // Shown once: the service's page names the login but never the password again.
      await page.goto(servicePage);
      const again = (await page.locator("body").textContent()) ?? "";
      expect(again).toContain("riverside-secure-unit");
      expect(again).not.toContain(password);

      // And it works: the service signs in with it and chooses its own password.
      const service = await openPage(browser, server.origin);
      await firstSignIn(service.page, "riverside-secure-unit", password);
      expect(new URL(service.page.url()).pathname).toBe("/portal/");
      expectNoProblems(service);
      await service.context.close();
    },
    JOURNEY_MS,
  );

  it(
    "opens a cycle, shows who is behind, and generates, adjusts and publishes a peer-review round",
    async () => {
      const { page } = web;
      await page.goto("/portal/network/");
      await page.getByRole("button", { name: "Open a cycle" }).click();
      await page.getByLabel("Cycle", { exact: true }).fill("2021/22");
      await page.getByRole("button", { name: "Open cycle" }).click();
      await expect(errorSummary(page)).resolves.toContain("Cycle 2021/22 already exists.");
      await expectNoAxeViolations(page);
      await page.getByLabel("Cycle", { exact: true }).fill("2019-20");
      await page.getByRole("button", { name: "Open cycle" }).click();
      expect(await page.title()).toBe("Cycle 2019/20 – SeQuIn");
      await expect(banner(page)).resolves.toContain("Cycle 2019/20 is open.");
      // 2019/20 was monthly: every one of the 12 areas has its own deadline.
      await expect(
        page.getByRole("table", { name: "Deadlines" }).locator("tbody tr").count(),
      ).resolves.toBe(12);
      await expectNoAxeViolations(page);

      // Involvement was due on 31 May 2021; it is 15 June and the new service has not started.
      await page.goto("/portal/network/");
      await page.getByRole("link", { name: "Who is behind in 2021/22" }).click();
      expect(await page.title()).toBe("Who is behind in 2021/22 – SeQuIn");
      const overdue = page.getByRole("table", { name: "Services with overdue areas" });
      await expect(
        overdue.getByRole("row").filter({ hasText: "Riverside Secure Unit" }).textContent(),
      ).resolves.toContain("Involvement, due 31 May 2021");
      await expectNoAxeViolations(page);

      await page.goto("/portal/network/");
      await page.getByRole("link", { name: "Peer review in 2021/22" }).click();
      await page.getByLabel("Area the pairs review").selectOption({ label: "Involvement" });
      await page.getByRole("button", { name: "Generate draft round" }).click();
      await expect(banner(page)).resolves.toContain("The draft round has been generated.");
      await expectNoAxeViolations(page);
      const roundId = new URL(page.url()).pathname.split("/").at(-1) as string;
      const generated = (await admin.get(`/api/v1/peer-review-rounds/${roundId}`)).body as Round;
      // 25 services take Involvement: one is left out, with the pairing's reason on the page.
      expect(generated.pairs.length).toBe(12);
      expect(generated.unpaired).toHaveLength(1);
      const pairs = page.getByRole("table", { name: /^Pairs/u }).locator("tbody tr");
      await expect(pairs.count()).resolves.toBe(12);

      // Take the first pair apart, then put it back together from the services in no pair.
      const [first, second] = (generated.pairs[0] as Round["pairs"][number]).services;
      if (first === undefined || second === undefined) throw new Error("no pair");
      await page
        .getByRole("checkbox", { name: /^Remove/u })
        .first()
        .check();
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect(banner(page)).resolves.toContain("The round's pairs have been saved.");
      await expect(pairs.count()).resolves.toBe(11);
      await expectNoAxeViolations(page);
      await page
        .getByLabel("First service")
        .selectOption({ label: `${first.name} (${first.organisation.name})` });
      await page
        .getByLabel("Second service")
        .selectOption({ label: `${first.name} (${first.organisation.name})` });
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect(errorSummary(page)).resolves.toContain("Choose two different services");
      await expectNoAxeViolations(page);
      await page
        .getByLabel("Second service")
        .selectOption({ label: `${second.name} (${second.organisation.name})` });
      await page.getByLabel("Area they review").selectOption({ label: "Technology" });
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect(banner(page)).resolves.toContain("The round's pairs have been saved.");
      await expect(pairs.count()).resolves.toBe(12);
      const adjusted = (await admin.get(`/api/v1/peer-review-rounds/${roundId}`)).body as Round & {
        version: number;
      };
      expect(adjusted.version).toBe(3);

      await page.getByRole("button", { name: "Publish this round" }).click();
      await expect(banner(page)).resolves.toContain("The round has been published");
      await expect(heading(page)).resolves.toContain("Published");
      await expect(page.getByRole("button", { name: "Publish this round" }).count()).resolves.toBe(
        0,
      );
      await expect(
        page.getByRole("row").filter({ hasText: first.name }).textContent(),
      ).resolves.toContain("Technology");
      await expectNoAxeViolations(page);
    },
    JOURNEY_MS,
  );

  it(
    "writes themes, recomputes with a live progress bar and downloads the network pack",
    async () => {
      const { page } = web;
      await page.goto("/portal/network/");
      await page.getByRole("link", { name: "Results of 2021/22" }).click();
      expect(await page.title()).toBe("Network results 2021/22 – SeQuIn");
      await expectNoAxeViolations(page);
      await page
        .getByRole("link", { name: "Edit the best-practice themes for Involvement" })
        .click();
      await page
        .getByRole("group", { name: "Theme 1" })
        .getByLabel("Title")
        .fill("Peer-led ward meetings");
      await page
        .getByRole("group", { name: "Theme 1" })
        .getByLabel("Detail (optional)")
        .fill("Service users chair the weekly community meeting.");
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Save themes" }).click();
      await expect(banner(page)).resolves.toContain("The best-practice themes have been saved.");
      await expect(page.locator("#area-involvement").textContent()).resolves.toContain(
        "Peer-led ward meetings",
      );

      // Queued while no worker runs, so the page is seen waiting and then moved on by the stream.
      await page.goto("/portal/network/jobs");
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Recompute", exact: true }).click();
      await expect(heading(page)).resolves.toBe("Recompute every cycle's benchmarks");
      await expect(page.getByRole("status").textContent()).resolves.toBe("Waiting to start");
      await expect(page.getByRole("link", { name: "Check progress" }).count()).resolves.toBe(1);
      await expectNoAxeViolations(page);
      const url = page.url();
      server.harness.app.jobs.start();
      const bar = page.getByRole("progressbar", { name: "Progress" });
      await expect.poll(() => bar.getAttribute("value"), { timeout: 60_000 }).toBe("100");
      await expect(page.getByRole("status").textContent()).resolves.toBe("Finished");
      await expect(page.getByRole("link", { name: "Check progress" }).count()).resolves.toBe(0);
      expect(page.url()).toBe(url);
      await expectNoAxeViolations(page);

      await page.goto("/portal/network/cycles/2021-22/results");
      await page.getByRole("button", { name: "Build the network pack (PDF)" }).click();
      await expect(heading(page)).resolves.toBe("Network pack, 2021/22");
      const link = page.getByRole("link", { name: /^Download SeQuIn network pack 2021-22\.pdf$/u });
      await link.waitFor({ timeout: 120_000 });
      await expectNoAxeViolations(page);
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      const bytes = await readFile(await download.path());
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(bytes.byteLength).toBeGreaterThan(10_000);

      // Without JavaScript the finished job's page has the download too, from the server.
      const plain = await openPage(browser, server.origin, { javaScript: false });
      await signIn(plain.page, ADMIN, PASSWORD);
      await plain.page.goto(page.url());
      await expect(
        plain.page.getByRole("link", { name: "Download SeQuIn network pack 2021-22.pdf" }).count(),
      ).resolves.toBe(1);
      await expect(plain.page.getByRole("progressbar").getAttribute("value")).resolves.toBe("100");
      expectNoProblems(plain);
      await plain.context.close();

      expectNoProblems(web);
    },
    JOURNEY_MS,
  );
});

describe.each(testDrivers())("network pages without a browser on %s", (driver) => {
  let harness: Harness;
  let network: Network;
  let client: FormClient;
  let csrf: string;
  beforeAll(async () => {
    harness = await startHarness(driver);
    network = await buildNetwork(harness);
    client = new FormClient(harness);
    await client.post("/portal/sign-in", { login: ADMIN, password: PASSWORD, next: "/portal/" });
    csrf = FormClient.csrfOf((await client.get("/portal/network/")).text);
  });
  afterAll(() => harness.close());

  it("shows the round as it is now when someone else changed it meanwhile", async () => {
    const round = (
      await network.admin.post("/api/v1/cycles/2021-22/peer-review-rounds", { area: "involvement" })
    ).body as Round & { version: number };
    expect(round.pairs).toHaveLength(1);
    const path = `/portal/network/peer-review/${round.id}`;
    // Another admin removes the pair after this one loaded version 1.
    expect(
      (
        await network.admin.patch(`/api/v1/peer-review-rounds/${round.id}`, {
          version: 1,
          pairs: [],
        })
      ).status,
    ).toBe(200);
    const stale = await client.post(path, { _csrf: csrf, version: "1", "area-0": "technology" });
    expect(stale.status).toBe(200);
    expect(stale.text).toContain("Someone else changed this round");
    expect(stale.text).toContain('name="version" value="2"');
    expect(stale.text).toContain("Pairs (0)");
    const refused = await client.post(`${path}/publish`, { _csrf: csrf, version: "2" });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("This round has no pairs: add pairs before publishing.");
  });

  it("keeps the one-time password out of the address and out of caches", async () => {
    const answer = await client.post(`/portal/network/services/${network.serviceB.id}/login`, {
      _csrf: csrf,
      login: "",
    });
    expect(answer.status).toBe(200);
    expect(answer.location).toBeNull();
    expect(answer.headers.get("cache-control")).toBe("no-store");
    const password = /id="one-time-password">([^<]+)</u.exec(answer.text)?.[1] ?? "";
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/u);
    const service = await client.get(`/portal/network/services/${network.serviceB.id}`);
    expect(service.text).not.toContain(password);
  });

  it("shows the network pages to network admins only", async () => {
    const lead = new FormClient(harness);
    await lead.post("/portal/sign-in", {
      login: "lead-a@a.test",
      password: PASSWORD,
      next: "/portal/",
    });
    for (const path of ["/portal/network/", "/portal/network/jobs", "/portal/network/cycles"]) {
      const page = await lead.get(path);
      expect(page.status, path).toBe(403);
      expect(page.text).toContain("Only the network team can use the network pages.");
    }
  });

  it("answers odd addresses with a page, never a fault", async () => {
    const id = network.serviceA.id;
    for (const path of [
      "/portal/network/cycles/9999-99",
      "/portal/network/cycles/nonsense/results",
      "/portal/network/cycles/2021-22/themes/nonsense",
      "/portal/network/peer-review/not-a-round",
      "/portal/network/jobs/not-a-job",
      "/portal/network/services/not-a-service",
      `/portal/services/${id}/benchmark?cycle=${"9".repeat(40)}`,
      `/portal/services/${id}/benchmark?cycle=1999-00`,
      `/portal/services/${id}/benchmark/nonsense`,
    ]) {
      const page = await client.get(path);
      expect(page.status, path).toBe(404);
      expect(page.text, path).toContain("Page not found");
    }
    const bogus = await client.post("/portal/network/jobs", { _csrf: csrf, kind: "bogus" });
    expect(bogus.status).toBe(400);
    expect(bogus.text).toContain("There is a problem");
    expect(harness.logger.lines.filter((line) => line.level === "error")).toEqual([]);
  });
});
