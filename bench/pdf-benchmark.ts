// The PDF renderer printing an area report (the sample service, 10 standards, 3 wards, a network
// chart of 24 services) 200 times three ways:
//   naive — launch Chromium for every PDF, print, close;
//   warm  — the renderer (@sequin/pdf): one warm browser, pages reused, model → HTML → PDF;
//   floor — one page of one browser printing the same prepared HTML with page.pdf(), nothing else.
// Targets: warm within 1.3× of the floor, and at least 5× faster than naive. Then 1,000 renders on
// the warm renderer with several at once, printing memory at the start and every 200 (flat = no leak).
// Prints its figures; asserts nothing about time. BENCH_PDF_RUNS changes 200 (e.g. for a quick look).
import { readdirSync, readFileSync } from "node:fs";
import {
  areaReportModel,
  createRendererPool,
  defaultChromiumPath,
  type PdfDocument,
  renderHtml,
} from "@sequin/pdf";
import { launchChromium } from "@sequin/pdf/browser/chromium";
import { pdfOptions } from "@sequin/pdf/browser/pdfOptions";
import { sampleAreaReportInput } from "@sequin/pdf/sample";
import { loadStandards } from "@sequin/standards";
import { Effect } from "effect";

const RUNS = Number(process.env.BENCH_PDF_RUNS ?? 200);
const MEMORY_RUNS = 5 * RUNS;
const TIMEOUT = 60_000;

const { set } = await Effect.runPromise(loadStandards());
const document: PdfDocument = {
  kind: "area-report",
  model: areaReportModel(sampleAreaReportInput(set, "involvement")),
};
const html = renderHtml("area-report", document.model);
const layout = { footer: document.model.meta.footer, footerPt: 8 };
const options = pdfOptions(layout, TIMEOUT);

interface Figures {
  readonly label: string;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly perSecond: number;
}

const percentile = (sorted: ReadonlyArray<number>, p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;

/** Times `runs` sequential calls of `work` after `warmup` unmeasured ones. */
const timed = async (
  label: string,
  runs: number,
  work: () => Promise<unknown>,
  warmup = 5,
): Promise<Figures> => {
  for (let index = 0; index < warmup; index++) await work();
  const times: Array<number> = [];
  const started = performance.now();
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  return {
    label,
    medianMs: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    perSecond: (1000 * runs) / total,
  };
};

const row = (figures: Figures) =>
  `  ${figures.label.padEnd(34)} ${figures.medianMs.toFixed(1).padStart(8)} ms ${figures.p95Ms.toFixed(1).padStart(8)} ms ${figures.perSecond.toFixed(2).padStart(8)}/s`;

/**
 * Memory of a process and all its descendants, in MB (Linux /proc): proportional set size, so pages
 * Chromium's processes share are counted once, not once per process.
 */
const treePssMb = (root: number | undefined): number | undefined => {
  if (root === undefined) return undefined;
  try {
    const parent = new Map<number, number>();
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/u.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
      } catch {
        // The process ended while we looked.
      }
    }
    const inTree = (pid: number): boolean => {
      for (let current: number | undefined = pid; current !== undefined && current > 1; ) {
        if (current === root) return true;
        current = parent.get(current);
      }
      return false;
    };
    let kb = 0;
    for (const pid of parent.keys()) {
      if (!inTree(pid)) continue;
      try {
        const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
        kb += Number(/^Pss:\s+(\d+)/mu.exec(rollup)?.[1] ?? 0);
      } catch {
        // Gone.
      }
    }
    return kb / 1024;
  } catch {
    return undefined;
  }
};

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

console.log(
  `PDF benchmark: area report "${document.model.meta.title}", ${Math.round(html.length / 1024)} kB of HTML, ${RUNS} PDFs each way (Chromium ${defaultChromiumPath()})`,
);
console.log(
  `  ${"".padEnd(34)} ${"median".padStart(11)} ${"p95".padStart(11)} ${"PDFs/s".padStart(10)}`,
);

// Floor: one browser, one page, the prepared HTML, page.pdf(); nothing else.
const floorBrowser = await launchChromium(defaultChromiumPath());
let floor: Figures;
try {
  const page = await floorBrowser.browser.newPage();
  floor = await timed("floor (one page, page.pdf)", RUNS, async () => {
    await page.setContent(html, { waitUntil: "load", timeout: TIMEOUT });
    await page.pdf(options);
  });
} finally {
  await floorBrowser.close();
}
console.log(row(floor));

// Warm renderer, one document at a time: the same work plus the model → HTML step, the pool,
// request blocking and job isolation.
const sequential = await createRendererPool({ concurrency: 1, recycleAfter: 10 * RUNS });
let warm: Figures;
try {
  warm = await timed("warm renderer (one at a time)", RUNS, () => sequential.render(document));
} finally {
  await sequential.close();
}
console.log(row(warm));

// Naive: a browser per PDF.
const naive = await timed(
  "naive (launch a browser per PDF)",
  RUNS,
  async () => {
    const launched = await launchChromium(defaultChromiumPath());
    try {
      const page = await launched.browser.newPage();
      await page.setContent(html, { waitUntil: "load", timeout: TIMEOUT });
      await page.pdf(options);
    } finally {
      await launched.close();
    }
  },
  1,
);
console.log(row(naive));

console.log(
  `  warm ÷ floor: ${(warm.medianMs / floor.medianMs).toFixed(2)}× median, ${(floor.perSecond / warm.perSecond).toFixed(2)}× throughput (target ≤ 1.3×)`,
);
console.log(
  `  naive ÷ warm: ${(naive.medianMs / warm.medianMs).toFixed(1)}× median, ${(warm.perSecond / naive.perSecond).toFixed(1)}× throughput (target ≥ 5×)`,
);

// 1,000 renders, several at once, with the default settings (recycling included).
const pool = await createRendererPool();
try {
  const memory = () => {
    const usage = process.memoryUsage();
    const chromium = treePssMb(pool.stats().browserPid);
    return `Node RSS ${mb(usage.rss)}, heap ${mb(usage.heapUsed)}, Chromium PSS ${chromium === undefined ? "n/a (between browsers)" : `${chromium.toFixed(1)} MB`}`;
  };
  console.log(`Memory over ${MEMORY_RUNS} renders (default concurrency and recycling):`);
  console.log(`  start: ${memory()}`);
  const started = performance.now();
  const batch = 200;
  for (let done = 0; done < MEMORY_RUNS; ) {
    const size = Math.min(batch, MEMORY_RUNS - done);
    await Promise.all(Array.from({ length: size }, () => pool.render(document)));
    done += size;
    const stats = pool.stats();
    console.log(
      `  after ${String(done).padStart(4)}: ${memory()} (browsers launched: ${stats.launches})`,
    );
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `  ${MEMORY_RUNS} PDFs in ${seconds.toFixed(1)} s: ${(MEMORY_RUNS / seconds).toFixed(2)} PDFs/s with several at once (${(MEMORY_RUNS / seconds / floor.perSecond).toFixed(2)}× the floor's one-page rate)`,
  );
} finally {
  await pool.close();
}
