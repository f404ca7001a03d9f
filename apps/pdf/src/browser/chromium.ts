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
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      browser.close().catch(() => {}),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, 5_000);
      }),
    ]);
    clearTimeout(timer);
    if (child !== null && child.exitCode === null && child.signalCode === null)
      child.kill("SIGKILL");
    await rm(profileDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
  };
  return { browser, close };
};
