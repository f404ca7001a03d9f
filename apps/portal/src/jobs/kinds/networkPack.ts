// Builds a cycle's network pack (the anonymised results and best-practice themes for the annual
// forum) as a PDF, kept with the job for download.
import { Effect, Schema } from "effect";
import { findCycle } from "../../repositories/Cycles.ts";
import { networkPackInput } from "../../resources/reports/networkPackInput.ts";
import { print } from "../../resources/reports/routes.ts";
import { JobFailed, type JobHandler } from "../Worker.ts";

export const NETWORK_PACK = "network-pack";

const Payload = Schema.Struct({ cycle: Schema.String });

export const networkPack: JobHandler = (payload, progress) =>
  Effect.gen(function* () {
    const decoded = Schema.decodeUnknownOption(Payload)(payload);
    if (decoded._tag === "None")
      return yield* new JobFailed({ message: "The job's payload names no cycle." });
    const cycle = yield* findCycle(decoded.value.cycle).pipe(
      Effect.catchTag("NotFound", () =>
        Effect.fail(new JobFailed({ message: `There is no cycle ${decoded.value.cycle}.` })),
      ),
    );
    yield* progress.report(0, 2, "Gathering the network's results");
    const input = yield* networkPackInput(cycle).pipe(
      Effect.catchTag("NotFound", () =>
        Effect.fail(new JobFailed({ message: `The results of ${cycle.label} are not there.` })),
      ),
    );
    yield* progress.report(1, 2, "Printing the pack");
    const bytes = yield* print("network-pack", input);
    const file = `SeQuIn network pack ${cycle.label.replace("/", "-")}.pdf`;
    return {
      result: {
        cycle: cycle.label,
        areas: input.areas.length,
        withheldAreas: input.areas.filter((area) => area.benchmark.withheld).length,
        bytes: bytes.byteLength,
      },
      artifact: { bytes, type: "application/pdf", name: file },
    };
  });
