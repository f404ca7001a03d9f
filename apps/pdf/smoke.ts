import { writeFileSync } from "node:fs";
import { loadStandards } from "@sequin/standards";
import { Effect } from "effect";
import { createRendererPool } from "./src/browser/Renderer.ts";
import {
  areaReportModel,
  areaToolModel,
  easyReadToolModel,
  networkPackModel,
  renderHtml,
} from "./src/index.ts";
import { sampleAreaReportInput, sampleNetworkPackInput } from "./src/sample.ts";

const { set } = await Effect.runPromise(loadStandards());
const docs = [
  { kind: "area-tool", model: areaToolModel(set, "involvement") },
  { kind: "easy-read-tool", model: easyReadToolModel(set, "involvement") },
  { kind: "area-report", model: areaReportModel(sampleAreaReportInput(set, "involvement")) },
  { kind: "network-pack", model: networkPackModel(sampleNetworkPackInput(set)) },
] as const;
for (const d of docs)
  writeFileSync(`/tmp/spike/${d.kind}.html`, renderHtml(d.kind, d.model as never));
const pool = await createRendererPool({});
for (const d of docs) {
  const t = performance.now();
  const pdf = await pool.render(d as never);
  console.log(d.kind, performance.now() - t, pdf.length);
  writeFileSync(`/tmp/spike/${d.kind}.pdf`, pdf);
}
console.log(pool.stats());
await pool.close();
