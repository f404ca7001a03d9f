// The browser step: one warm Chromium, pages reused across jobs, several jobs at once, a new browser
// after `recycleAfter` documents or when it crashes, and each job isolated in its own browser context
// with scripts off and every request but data: refused.
import { availableParallelism } from "node:os";
import type { BrowserContext, Page } from "puppeteer-core";
import { type PageLayout, type PdfDocument, prepare } from "../documents.ts";
import {
  ChromiumUnavailable,
  defaultChromiumPath,
  type LaunchedBrowser,
  launchChromium,
} from "./chromium.ts";
import { pdfOptions } from "./pdfOptions.ts";

export interface RendererOptions {
  /** Chromium's executable. Default: `CHROMIUM_PATH`, else `/usr/bin/chromium`. */
  readonly chromiumPath?: string;
  /** Documents rendered at once (one page each). Default: the number of cores, 1–4. */
  readonly concurrency?: number;
  /** Documents a browser renders before it is replaced, bounding memory growth. Default 250. */
  readonly recycleAfter?: number;
  /** Longest a step of one job (loading, printing) may take, in ms. Default 30 s. */
  readonly timeoutMs?: number;
}

/** Renders documents to PDF bytes. */
export interface PdfRenderer {
  render(document: PdfDocument): Promise<Uint8Array>;
  /** Finishes the jobs already asked for, then closes the browser. */
  close(): Promise<void>;
}

/** The renderer was closed before the job was asked for. */
export class RendererClosed extends Error {
  override readonly name = "RendererClosed";
  constructor() {
    super("the PDF renderer is closed");
  }
}

/** A job failed in the browser (timeout, crash twice over, Chromium refusing the page). */
export class RenderFailed extends Error {
  override readonly name = "RenderFailed";
}

export interface RendererStats {
  readonly launches: number;
  readonly rendered: number;
  readonly failed: number;
  readonly crashes: number;
  readonly retries: number;
  readonly blockedRequests: number;
  /** Jobs printing right now (holding a page). */
  readonly printing: number;
  /** The current browser's process id, if one is running. */
  readonly browserPid: number | undefined;
}

interface Slot {
  readonly context: BrowserContext;
  readonly page: Page;
}

interface Generation {
  readonly launched: LaunchedBrowser;
  readonly idle: Array<Slot>;
  issued: number;
  active: number;
  retiring: boolean;
  crashed: boolean;
  shutdown: Promise<void> | undefined;
}

const ignore = () => {};

/**
 * Request interception for every URL whose scheme does not start with "d": all but data:, the only
 * such scheme a page can load. Chromium intercepts (and here refuses) only what matches, so the
 * inlined fonts and images load without a round trip to this process for each (puppeteer's
 * setRequestInterception pauses data: URLs too, which cost ~50% per PDF).
 */
const BLOCKED_URL_PATTERNS = [..."abcefghijklmnopqrstuvwxyz"].map((letter) => ({
  urlPattern: `${letter}*`,
}));

/** A pool of pages in one warm browser. Use {@link createRenderer}; tests use the stats. */
export class RendererPool implements PdfRenderer {
  readonly #chromiumPath: string;
  readonly #recycleAfter: number;
  readonly #timeout: number;
  #permits: number;
  readonly #waiting: Array<() => void> = [];
  #current: Promise<Generation> | undefined;
  #currentGeneration: Generation | undefined;
  readonly #live = new Set<Generation>();
  readonly #jobs = new Set<Promise<unknown>>();
  #closed = false;
  readonly #counts = {
    launches: 0,
    rendered: 0,
    failed: 0,
    crashes: 0,
    retries: 0,
    blockedRequests: 0,
  };

  constructor(options: RendererOptions = {}) {
    const whole = (value: number | undefined, fallback: number, name: string) => {
      const chosen = value ?? fallback;
      if (!Number.isInteger(chosen) || chosen < 1) {
        throw new RangeError(`${name} must be a whole number of at least 1, got ${value}`);
      }
      return chosen;
    };
    this.#chromiumPath = options.chromiumPath ?? defaultChromiumPath();
    this.#permits = whole(
      options.concurrency,
      Math.max(1, Math.min(4, availableParallelism())),
      "concurrency",
    );
    this.#recycleAfter = whole(options.recycleAfter, 250, "recycleAfter");
    this.#timeout = whole(options.timeoutMs, 30_000, "timeoutMs");
  }

  /** Launches the first browser now, so the first document is rendered warm. */
  async warm(): Promise<void> {
    this.#current ??= this.#launch();
    await this.#current;
  }

  render(document: PdfDocument): Promise<Uint8Array> {
    // The HTML is made when the job's turn comes, so queued jobs hold only their models.
    return this.#submit(() => prepare(document));
  }

  /** Prints prepared HTML (for benchmarks and tests; documents go through {@link render}). */
  renderHtml(html: string, layout: PageLayout): Promise<Uint8Array> {
    return this.#submit(() => ({ html, layout }));
  }

  #submit(prepared: () => { html: string; layout: PageLayout }): Promise<Uint8Array> {
    if (this.#closed) return Promise.reject(new RendererClosed());
    const job = this.#run(prepared);
    const tracked = job.then(ignore, ignore);
    this.#jobs.add(tracked);
    void tracked.then(() => this.#jobs.delete(tracked));
    return job;
  }

  async close(): Promise<void> {
    this.#closed = true;
    while (this.#jobs.size > 0) await Promise.all([...this.#jobs]);
    const pending = this.#current;
    this.#current = undefined;
    if (pending !== undefined) await pending.catch(ignore);
    await Promise.all([...this.#live].map((generation) => this.#shutdown(generation)));
  }

  stats(): RendererStats {
    let printing = 0;
    for (const generation of this.#live) printing += generation.active;
    return {
      ...this.#counts,
      printing,
      browserPid: this.#currentGeneration?.launched.browser.process()?.pid,
    };
  }

  async #run(prepared: () => { html: string; layout: PageLayout }): Promise<Uint8Array> {
    await this.#acquire();
    try {
      const { html, layout } = prepared();
      for (let attempt = 1; ; attempt++) {
        const generation = await this.#take();
        let slot: Slot | undefined;
        let healthy = false;
        try {
          slot = generation.idle.pop() ?? (await this.#open(generation));
          await slot.page.setContent(html, { waitUntil: "load", timeout: this.#timeout });
          const pdf = await slot.page.pdf(pdfOptions(layout, this.#timeout));
          healthy = true;
          this.#counts.rendered++;
          return pdf;
        } catch (error) {
          // The rejection can arrive before the "disconnected" event: ask the connection itself.
          if (!generation.launched.browser.connected) this.#crashed(generation);
          // A crash is not the job's fault: try once more on a new browser.
          if (generation.crashed && attempt === 1) {
            this.#counts.retries++;
            continue;
          }
          this.#counts.failed++;
          throw new RenderFailed(`the PDF could not be rendered: ${(error as Error).message}`, {
            cause: error,
          });
        } finally {
          this.#giveBack(generation, slot, healthy);
        }
      }
    } finally {
      this.#release();
    }
  }

  async #acquire(): Promise<void> {
    if (this.#permits > 0) {
      this.#permits--;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next !== undefined) next();
    else this.#permits++;
  }

  /** The browser for the next job, counting the job against its recycling budget. */
  async #take(): Promise<Generation> {
    for (let tries = 0; tries < 3; tries++) {
      this.#current ??= this.#launch();
      const current = this.#current;
      let generation: Generation;
      try {
        generation = await current;
      } catch (error) {
        if (this.#current === current) this.#current = undefined;
        throw error;
      }
      if (generation.retiring) {
        if (this.#current === current) this.#current = undefined;
        continue;
      }
      generation.issued++;
      generation.active++;
      if (generation.issued >= this.#recycleAfter) this.#retire(generation);
      return generation;
    }
    throw new ChromiumUnavailable(`Chromium at ${this.#chromiumPath} keeps closing as it starts`);
  }

  async #launch(): Promise<Generation> {
    const launched = await launchChromium(this.#chromiumPath);
    const generation: Generation = {
      launched,
      idle: [],
      issued: 0,
      active: 0,
      retiring: false,
      crashed: false,
      shutdown: undefined,
    };
    this.#counts.launches++;
    this.#live.add(generation);
    this.#currentGeneration = generation;
    launched.browser.on("disconnected", () => this.#crashed(generation));
    // Even when closing, jobs already accepted may need this browser: close() shuts it after them.
    return generation;
  }

  #crashed(generation: Generation): void {
    // Our own shutdown disconnects too; only an unexpected disconnection is a crash.
    if (generation.shutdown !== undefined || generation.crashed) return;
    generation.crashed = true;
    this.#counts.crashes++;
    this.#retire(generation);
  }

  /** Stops giving out a browser; it closes once its last job is done. The next one starts now. */
  #retire(generation: Generation): void {
    if (generation.retiring) return;
    generation.retiring = true;
    if (this.#currentGeneration === generation) {
      this.#currentGeneration = undefined;
      this.#current = undefined;
      if (!this.#closed) {
        const next = this.#launch();
        next.catch(ignore);
        this.#current = next;
      }
    }
    if (generation.active === 0) void this.#shutdown(generation);
  }

  async #open(generation: Generation): Promise<Slot> {
    const context = await generation.launched.browser.createBrowserContext();
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(this.#timeout);
      await page.setJavaScriptEnabled(false);
      const session = await page.createCDPSession();
      session.on("Fetch.requestPaused", (event: { requestId: string }) => {
        this.#counts.blockedRequests++;
        session
          .send("Fetch.failRequest", { requestId: event.requestId, errorReason: "BlockedByClient" })
          .catch(ignore);
      });
      await session.send("Fetch.enable", { patterns: BLOCKED_URL_PATTERNS });
      return { context, page };
    } catch (error) {
      await context.close().catch(ignore);
      throw error;
    }
  }

  #giveBack(generation: Generation, slot: Slot | undefined, healthy: boolean): void {
    generation.active--;
    if (slot !== undefined && !generation.retiring) {
      // A failed job's page may be stuck mid-load: throw it away; the next job opens a fresh one.
      if (healthy) generation.idle.push(slot);
      else slot.context.close().catch(ignore);
    }
    if (generation.retiring && generation.active === 0) void this.#shutdown(generation);
  }

  #shutdown(generation: Generation): Promise<void> {
    generation.shutdown ??= generation.launched.close().finally(() => {
      this.#live.delete(generation);
      if (this.#currentGeneration === generation) this.#currentGeneration = undefined;
    });
    return generation.shutdown;
  }
}

/**
 * Starts a renderer: launches Chromium now (failing here, clearly, when it is missing) and keeps it
 * warm for every document after.
 *
 * @example
 * ```ts
 * import { areaToolModel, createRenderer } from "@sequin/pdf"
 * declare const set: import("@sequin/core").Standards.StandardsSet
 * const renderer = await createRenderer()
 * try {
 *   const pdf = await renderer.render({ kind: "area-tool", model: areaToolModel(set, "technology") })
 * } finally {
 *   await renderer.close()
 * }
 * ```
 */
export const createRenderer = async (options: RendererOptions = {}): Promise<PdfRenderer> =>
  createRendererPool(options);

/** {@link createRenderer}, typed as the pool (with its stats). */
export const createRendererPool = async (options: RendererOptions = {}): Promise<RendererPool> => {
  const pool = new RendererPool(options);
  await pool.warm();
  return pool;
};
