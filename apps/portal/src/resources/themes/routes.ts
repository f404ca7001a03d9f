// Best-practice themes: what the network leads saw working in each area this cycle, in their own
// words. Printed in the network pack for the annual forum; anonymised by whoever writes them.
import { schema } from "@sequin/db";
import { like } from "drizzle-orm";
import { Effect, Schema } from "effect";
import { ok, type Router } from "../../http/Api.ts";
import { areaOfSet, findCycle, type StoredCycle } from "../../repositories/Cycles.ts";
import { query } from "../../repositories/query.ts";
import { requireAdmin } from "../network/routes.ts";

const TAG = "Best practice";

const Trimmed = (max: number) =>
  Schema.Trimmed.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(max)));

export const Theme = Schema.Struct({
  title: Trimmed(160),
  detail: Schema.optionalKey(Trimmed(1200)),
});
export type Theme = typeof Theme.Type;

const Themes = Schema.Array(Theme).pipe(Schema.check(Schema.isMaxLength(20)));
const PutThemes = Schema.Struct({ themes: Themes });
const AreaThemes = Schema.Struct({ area: Schema.String, name: Schema.String, themes: Themes });
const CycleThemes = Schema.Struct({ cycle: Schema.String, areas: Schema.Array(AreaThemes) });

const keyPrefix = (cycle: StoredCycle) => `best-practice-themes/${cycle.label}/`;

/** Every area's themes for a cycle, in the standards set's order (areas without any: empty). */
export const cycleThemes = (cycle: StoredCycle) =>
  Effect.gen(function* () {
    const rows = yield* query((db) =>
      db
        .select()
        .from(schema.networkSettings)
        .where(like(schema.networkSettings.key, `${keyPrefix(cycle)}%`)),
    );
    const stored = new Map(
      rows.map((row) => [
        row.key.slice(keyPrefix(cycle).length),
        Schema.decodeUnknownSync(Themes)(JSON.parse(row.value)),
      ]),
    );
    return {
      cycle: cycle.label,
      areas: cycle.set.areas.map((area) => ({
        area: area.slug as string,
        name: area.name,
        themes: stored.get(area.slug) ?? [],
      })),
    };
  });

export const registerThemeRoutes = (router: Router): void => {
  router.add({
    method: "get",
    path: "/api/v1/cycles/:cycle/themes",
    summary: "Each area's best-practice themes for a cycle (printed in the network pack)",
    tag: TAG,
    access: "signed-in",
    response: CycleThemes,
    handler: ({ params }) =>
      Effect.gen(function* () {
        const cycle = yield* findCycle(params.cycle ?? "");
        return ok(yield* cycleThemes(cycle));
      }),
  });

  router.add({
    method: "put",
    path: "/api/v1/cycles/:cycle/areas/:area/themes",
    summary: "Replace an area's best-practice themes for a cycle (network admins)",
    tag: TAG,
    access: "signed-in",
    body: PutThemes,
    response: AreaThemes,
    handler: ({ principal, params, body }) =>
      Effect.gen(function* () {
        yield* requireAdmin(principal);
        const cycle = yield* findCycle(params.cycle ?? "");
        const area = yield* areaOfSet(cycle.set, params.area ?? "", "path.area");
        const key = `${keyPrefix(cycle)}${area.slug}`;
        const value = JSON.stringify(body.themes);
        yield* query((db) =>
          db
            .insert(schema.networkSettings)
            .values({ key, value })
            .onConflictDoUpdate({ target: schema.networkSettings.key, set: { value } }),
        );
        return ok({ area: area.slug, name: area.name, themes: body.themes });
      }),
  });
};
