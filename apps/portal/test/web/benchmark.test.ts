// The benchmark pages: a service of the demo network signs in and sees where it stands, with every
// other service under its code (unless it opted in to be named) and withheld areas said as such —
// in a real browser, every page checked by axe. The charts' text alternatives are checked fast.
import { schema } from "@sequin/db";
import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWith } from "../../src/app.ts";
import { seedDemoNetwork } from "../../src/seed/demo.ts";
import { scoreBars, spreadChart } from "../../src/web/pages/benchmarkCharts.ts";
import { type Client, createAccount, signedIn } from "../support/harness.ts";
import {
  expectNoAxeViolations,
  expectNoProblems,
  launchBrowser,
  openPage,
} from "./support/browser.ts";
import { firstSignIn } from "./support/journeys.ts";
import { startWebServer, type WebServer } from "./support/server.ts";

const JOURNEY_MS = 180_000;
/** Results shown from this many services: the demo's smaller areas (16–19) become withheld. */
const MINIMUM = 20;

describe("benchmark charts", () => {
  const spread = { participants: 19, min: 30, q1: 48.3, median: 65, q3: 80, max: 93.3 };

  it("says every figure of the box plot in its label, the service's own score too", () => {
    const svg = String(
      spreadChart([{ label: "Involvement", distribution: spread, own: 70 }], "Scores"),
    );
    expect(svg).toMatch(
      /^<svg class="app-chart" role="img" aria-label="Scores\. Involvement: lowest 30%, lower quartile 48\.3%, median 65%, upper quartile 80%, highest 93\.3%, you 70%\."/u,
    );
    expect(svg).not.toMatch(/ style="/u);
  });

  it("names each bar in the label, the reader's own included", () => {
    const svg = String(
      scoreBars(
        [
          { label: "You (S-AAAA)", percent: 70, own: true },
          { label: "S-BBBB", percent: 52.5, own: false },
        ],
        "Each service",
      ),
    );
    expect(svg).toContain('aria-label="Each service: You (S-AAAA) 70%, S-BBBB 52.5%."');
    // The reader's bar is told apart by a second colour and by its words.
    expect(svg).toContain("#ffb81c");
  });
});

interface NetworkArea {
  readonly area: string;
  readonly name: string;
  readonly withheld: boolean;
  readonly services: ReadonlyArray<{ serviceId: string; code: string; name: string }>;
}

describe("a service's benchmark (browser)", () => {
  let server: WebServer;
  let browser: Browser;
  let admin: Client;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    await runWith(server.harness.app, seedDemoNetwork);
    // The network sets how many services must take part before an area's results are shown; a
    // higher bar than the demo's makes some of its areas withheld.
    await server.harness.database.db
      .update(schema.cycles)
      .set({ minimumParticipants: MINIMUM })
      .where(eq(schema.cycles.label, "2021/22"));
    await createAccount(server.harness, { login: "admin@network.test", role: "network-admin" });
    admin = await signedIn(server.harness, "admin@network.test");
  }, JOURNEY_MS);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    "shows a service where it stands, others under their codes, withheld areas withheld",
    async () => {
      const network = (await admin.get("/api/v1/cycles/2021-22/benchmark")).body as {
        areas: ReadonlyArray<NetworkArea>;
      };
      const shown = network.areas.filter((area) => !area.withheld);
      const withheld = network.areas.filter((area) => area.withheld);
      expect(shown.length).toBeGreaterThan(0);
      expect(withheld.length).toBeGreaterThan(0);
      // A service that took part in a shown area and in a withheld one.
      const tookPart = (area: NetworkArea, id: string) =>
        area.services.some((service) => service.serviceId === id);
      const shownArea = shown[0] as NetworkArea;
      const me = shownArea.services.find((service) =>
        withheld.some((area) => tookPart(area, service.serviceId)),
      );
      if (me === undefined) throw new Error("no demo service in both kinds of area");
      const withheldArea = withheld.find((area) => tookPart(area, me.serviceId)) as NetworkArea;
      // Another service of the shown area opts in to be named.
      const named = shownArea.services.find((service) => service.serviceId !== me.serviceId);
      if (named === undefined) throw new Error("no second service");
      expect(
        (await admin.patch(`/api/v1/services/${named.serviceId}`, { namedInBenchmarks: true }))
          .status,
      ).toBe(200);
      const everyone = (await admin.get("/api/v1/services")).body as ReadonlyArray<{
        id: string;
        name: string;
      }>;
      const hidden = everyone.filter(
        (service) => service.id !== me.serviceId && service.id !== named.serviceId,
      );
      const issued = (await admin.post(`/api/v1/services/${me.serviceId}/login`)).body as {
        login: string;
        oneTimePassword: string;
      };

      const web = await openPage(browser, server.origin);
      const { page } = web;
      await firstSignIn(page, issued.login, issued.oneTimePassword);
      await page
        .getByRole("navigation", { name: "Menu" })
        .getByRole("link", { name: "Benchmark" })
        .click();
      expect(await page.title()).toBe("Benchmark 2021/22 – SeQuIn");
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
        "How you compare, 2021/22",
      );
      const overview = (await page.locator("main").textContent()) ?? "";
      expect(overview).toContain(`Your code is ${me.code}`);
      for (const other of hidden) expect(overview).not.toContain(other.name);
      const withheldRow = page.getByRole("row", { name: new RegExp(withheldArea.name) });
      await expect(withheldRow.getByText("Withheld").count()).resolves.toBe(2);
      await expect(
        page.getByRole("img", { name: /The network's scores in each area/u }).count(),
      ).resolves.toBe(1);
      await expectNoAxeViolations(page);

      // A shown area: the spread, and every other service under its code, the opted-in one named.
      await page.getByRole("link", { name: shownArea.name, exact: true }).click();
      expect(await page.title()).toBe(`${shownArea.name} benchmark 2021/22 – SeQuIn`);
      await page.getByText("Show the numbers").click();
      const rows = await page.locator("details table tbody tr td:first-child").allTextContents();
      expect(rows).toHaveLength(shownArea.services.length);
      expect(rows).toContain(`You (${me.code})`);
      expect(rows).toContain(`${named.name} (${named.code})`);
      const others = rows.filter(
        (text) => text !== `You (${me.code})` && !text.startsWith(named.name),
      );
      for (const text of others) expect(text).toMatch(/^S-[0-9A-Z]{4}$/u);
      const areaText = (await page.locator("main").textContent()) ?? "";
      for (const other of hidden) expect(areaText).not.toContain(other.name);
      // Change since last year, standard by standard, as the API computed it for this service.
      const mine = (await admin.get(`/api/v1/services/${me.serviceId}/benchmark?cycle=2021-22`))
        .body as {
        areas: ReadonlyArray<{
          area: string;
          service: {
            change: { standards: ReadonlyArray<{ standardId: string; display: string }> } | null;
          };
        }>;
      };
      const change = mine.areas.find((area) => area.area === shownArea.area)?.service.change;
      const changes = page
        .getByRole("table", { name: /Change in each standard/u })
        .locator("tbody tr");
      if (change == null) await expect(changes.count()).resolves.toBe(0);
      else {
        await expect(changes.count()).resolves.toBe(change.standards.length);
        const first = change.standards[0];
        if (first !== undefined)
          await expect(changes.first().textContent()).resolves.toContain(first.display);
      }
      await expectNoAxeViolations(page);

      // A withheld area: said so, and nothing about the others, not even their codes.
      await page.goto(
        `/portal/services/${me.serviceId}/benchmark/${withheldArea.area}?cycle=2021-22`,
      );
      const withheldText = (await page.locator("main").textContent()) ?? "";
      expect(withheldText).toContain("they are withheld");
      expect(withheldText).toContain(`at least ${MINIMUM} services`);
      await expect(page.getByText("Show the numbers").count()).resolves.toBe(0);
      for (const service of withheldArea.services)
        if (service.serviceId !== me.serviceId) expect(withheldText).not.toContain(service.code);
      await expectNoAxeViolations(page);

      // Last year, where the demo's usual minimum shows every area.
      await page.goto(`/portal/services/${me.serviceId}/benchmark`);
      await page.getByLabel("Year").selectOption("2020-21");
      await page.getByRole("button", { name: "Show this year" }).click();
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
        "How you compare, 2020/21",
      );
      await expect(page.getByRole("cell", { name: "Withheld" }).count()).resolves.toBe(0);
      await expectNoAxeViolations(page);

      // Another service's benchmark does not exist for this one; the network pages are not its.
      await page.goto(`/portal/services/${named.serviceId}/benchmark`);
      expect(await page.title()).toBe("Page not found – SeQuIn");
      await page.goto("/portal/network/");
      expect(await page.title()).toBe("You cannot do this – SeQuIn");
      await expectNoAxeViolations(page);

      expectNoProblems(web);
      await web.context.close();
    },
    JOURNEY_MS,
  );
});
