// Launching Chromium for printing: headless, no sandbox (it runs as a service's own user or in CI as
// root), nothing that reaches the network, a fresh profile per browser.
import { constants } from "node:fs";
import { access, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";

/** Chromium's path: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export const defaultChromiumPath = (): string => process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS: ReadonlyArray<string> = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
  "--font-render-hinting=none",
  // Belt and braces: requests are already refused in each page, and names resolve nowhere.
  "--host-resolver-rules=MAP * ~NOTFOUND",
];

/** Chromium is missing or will not start. */
export class ChromiumUnavailable extends Error {
  override readonly name = "ChromiumUnavailable";
}

export interface LaunchedBrowser {
  readonly browser: Browser;
  /** Closes the browser (killing it if it does not close in time) and removes its profile. */
  readonly close: () => Promise<void>;
}

/** Waits for `promise`, or `ms` at most. */
const within = async (ms: number, promise: Promise<unknown>): Promise<void> => {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    promise,
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
};

/** Launches a headless Chromium on a fresh temporary profile. */
export const launchChromium = async (executablePath: string): Promise<LaunchedBrowser> => {
  try {
    await access(executablePath, constants.X_OK);
  } catch {
    throw new ChromiumUnavailable(
      `Chromium was not found at ${executablePath}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH`,
    );
  }
  const profileDir = await mkdtemp(join(tmpdir(), "sequin-pdf-"));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      pipe: true,
      userDataDir: profileDir,
      args: [...CHROMIUM_ARGS],
      timeout: 30_000,
      // The renderer owns shutdown; per-launch signal handlers would pile up across restarts. With a
      // pipe, Chromium exits by itself when this process goes.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    await rm(profileDir, { recursive: true, force: true }).catch(() => {});
    throw new ChromiumUnavailable(
      `Chromium at ${executablePath} did not start: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const close = async () => {
    const child = browser.process();
    const running = child !== null && child.exitCode === null && child.signalCode === null;
    const exited = running
      ? new Promise<void>((resolve) => child.once("exit", () => resolve()))
      : Promise.resolve();
    await within(
      5_000,
      browser.close().catch(() => {}),
    );
    // Chromium leads its own process group (puppeteer starts it detached): end any helper left
    // behind, e.g. after the browser itself crashed, so none writes into the profile as it goes.
    if (child?.pid !== undefined) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // The group has already gone.
      }
    }
    await within(5_000, exited);
    await rm(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch(
      () => {},
    );
  };
  return { browser, close };
};
