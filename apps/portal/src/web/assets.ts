// The pages' CSS, scripts, fonts and icons, served by the portal itself (the CSP allows only 'self').
// Every URL carries a version (nhsuk-frontend's) or a content hash (ours), so browsers may keep
// them for a year: a new release changes the URL.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";
import type { WebEnv } from "./env.ts";

const require = createRequire(import.meta.url);
const nhsukRoot = dirname(require.resolve("nhsuk-frontend/package.json"));
const nhsukDist = join(nhsukRoot, "dist", "nhsuk");
const nhsukVersion = (
  JSON.parse(readFileSync(join(nhsukRoot, "package.json"), "utf8")) as { version: string }
).version;
const staticDir = fileURLToPath(new URL("./static/", import.meta.url));
const openmojiRoot = dirname(require.resolve("openmoji/package.json"));
const openmojiVersion = (
  JSON.parse(readFileSync(join(openmojiRoot, "package.json"), "utf8")) as { version: string }
).version;

const TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

interface Asset {
  readonly body: Uint8Array;
  readonly type: string;
}

export const NHSUK_BASE = `/portal/assets/nhsuk-${nhsukVersion}`;
const OPENMOJI_BASE = `/portal/assets/openmoji-${openmojiVersion}`;
/** OpenMoji file names: upper-case hex code points joined by hyphens (as the standards data has them). */
const SYMBOL = /^[0-9A-F]{4,6}(?:-[0-9A-F]{4,6})*$/u;

const withoutSourceMap = (text: string) =>
  text.replace(/\/[*/]# sourceMappingURL=\S+( \*\/)?\s*$/u, "");

/**
 * nhsuk-frontend's CSS loads the Frutiger web font from assets.nhs.uk (licensed for NHS.UK, and
 * blocked by our CSP): those @font-face rules are dropped so the stack falls back to Arial, and its
 * icon URLs are pointed at our copy.
 */
const nhsukCss = (): string =>
  withoutSourceMap(readFileSync(join(nhsukDist, "nhsuk-frontend.min.css"), "utf8"))
    .replace(/@font-face\{[^}]*assets\.nhs\.uk[^}]*\}/gu, "")
    .replaceAll("url(/assets/images/", `url(${NHSUK_BASE}/images/`);

const buildAssets = (): { readonly files: Map<string, Asset>; readonly ownBase: string } => {
  const files = new Map<string, Asset>();
  const encoder = new TextEncoder();
  files.set(`${NHSUK_BASE}/nhsuk-frontend.min.css`, {
    body: encoder.encode(nhsukCss()),
    type: TYPES[".css"] as string,
  });
  files.set(`${NHSUK_BASE}/nhsuk-frontend.min.js`, {
    body: encoder.encode(
      withoutSourceMap(readFileSync(join(nhsukDist, "nhsuk-frontend.min.js"), "utf8")),
    ),
    type: TYPES[".js"] as string,
  });
  const imageDir = join(nhsukDist, "assets", "images");
  for (const name of readdirSync(imageDir)) {
    const type = TYPES[extname(name)];
    if (type !== undefined)
      files.set(`${NHSUK_BASE}/images/${name}`, { body: readFileSync(join(imageDir, name)), type });
  }
  const own = readdirSync(staticDir)
    .filter((name) => TYPES[extname(name)] !== undefined)
    .sort();
  const hash = createHash("sha256");
  const contents = own.map((name) => {
    const body = readFileSync(join(staticDir, name));
    hash.update(name).update(body);
    return { name, body };
  });
  const ownBase = `/portal/assets/app-${hash.digest("hex").slice(0, 12)}`;
  for (const { name, body } of contents) {
    files.set(`${ownBase}/${name}`, { body, type: TYPES[extname(name)] as string });
  }
  return { files, ownBase };
};

const assets = buildAssets();

const symbols = new Map<string, Asset | undefined>();

/** Symbols are read from the package on first use (there are thousands; pages use a few dozen). */
const openmoji = (path: string): Asset | undefined => {
  if (!path.startsWith(`${OPENMOJI_BASE}/`) || !path.endsWith(".svg")) return undefined;
  const hex = path.slice(OPENMOJI_BASE.length + 1, -".svg".length);
  if (!SYMBOL.test(hex)) return undefined;
  if (!symbols.has(hex)) {
    const file = join(openmojiRoot, "color", "svg", `${hex}.svg`);
    symbols.set(
      hex,
      existsSync(file) ? { body: readFileSync(file), type: TYPES[".svg"] as string } : undefined,
    );
  }
  return symbols.get(hex);
};

/** URLs for the layout and pages. */
export const assetUrl = {
  css: `${NHSUK_BASE}/nhsuk-frontend.min.css`,
  nhsukJs: `${NHSUK_BASE}/nhsuk-frontend.min.js`,
  favicon: `${NHSUK_BASE}/images/favicon.ico`,
  faviconSvg: `${NHSUK_BASE}/images/favicon.svg`,
  /** An OpenMoji symbol (colour SVG) by its hex code, e.g. "1F4CB". */
  symbol: (hex: string): string => `${OPENMOJI_BASE}/${hex.toUpperCase()}.svg`,
  /** One of our own files in src/web/static (portal.css, portal.js, …). */
  own: (name: string): string => {
    const url = `${assets.ownBase}/${name}`;
    if (!assets.files.has(url)) throw new Error(`no static asset ${name} in src/web/static`);
    return url;
  },
};

const IMMUTABLE = "public, max-age=31536000, immutable";

export const registerAssets = (web: Hono<WebEnv>): void => {
  web.get("/assets/*", (c) => {
    const asset = assets.files.get(c.req.path) ?? openmoji(c.req.path);
    if (asset === undefined) return c.text("Not found", 404);
    return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, {
      "content-type": asset.type,
      "cache-control": IMMUTABLE,
    });
  });
};
