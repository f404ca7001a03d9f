// A cycle's network benchmark from stored results: the core does the statistics; this file only
// loads, labels (anonymised codes unless a service opted in to be named) and shapes the answers.
import { Buddying, Cycle, Network, PeerCode, Ratio } from "@sequin/core";
import { compileStatement, schema } from "@sequin/db";
import { sql } from "drizzle-orm";
import { Effect, Exit } from "effect";
import type { NotFound } from "../../http/Errors.ts";
import { cycleResults } from "../../repositories/CycleResults.ts";
import { findCycle, normaliseCycleLabel, type StoredCycle } from "../../repositories/Cycles.ts";
import { peerCodeSalt } from "../../repositories/NetworkSettings.ts";
import { query } from "../../repositories/query.ts";
import { Db, DbHandle, Now, type StandardsData } from "../../Services.ts";

export interface CycleBenchmark {
  readonly cycle: StoredCycle;
  readonly previousCycle: string | null;
  readonly areas: ReturnType<typeof Network.benchmark>;
  readonly labels: ReadonlyMap<
    string,
    { readonly code: string; readonly name: string; readonly named: boolean }
  >;
  readonly areaNames: ReadonlyMap<string, string>;
  /** Computed once per change of results: they do not depend on how services are labelled. */
  readonly bestPractice: ReturnType<typeof Buddying.bestPractice>;
  readonly networkBuddies: ReturnType<typeof Buddying.buddyPairs>;
}

type Statistics = Omit<CycleBenchmark, "labels">;

/** Computes a cycle's statistics from the database, bypassing the cache (benchmarks time this). */
export const computeStatistics = (label: string) =>
  Effect.gen(function* () {
    const cycle = yield* findCycle(label);
    const previousLabel = Cycle.previous(cycle.label);
    const previous = yield* findCycle(previousLabel).pipe(
      Effect.map((found): StoredCycle | undefined => found),
      Effect.catchTag("NotFound", () => Effect.succeed(undefined)),
    );
    // Last cycle's results are laid out in this cycle's standards, so change is per standard id.
    // Both cycles are read at once (see cycleResults).
    const [current, before] = yield* Effect.all(
      [
        cycleResults(cycle.label, cycle.set),
        previous === undefined
          ? Effect.succeed<ReadonlyArray<Network.ServiceAssessments>>([])
          : cycleResults(previous.label, cycle.set),
      ],
      { concurrency: "unbounded" },
    );
    const areas = Network.benchmark(cycle.set, current, before, {
      minimumParticipants: cycle.minimumParticipants,
    });
    const areaNames = new Map(cycle.set.areas.map((area) => [area.slug as string, area.name]));
    const statistics: Statistics = {
      cycle,
      previousCycle: previous === undefined ? null : previous.label,
      areas,
      areaNames,
      bestPractice: Buddying.bestPractice(areas, { areaNames }),
      networkBuddies: Buddying.buddyPairs(areas, { areaNames, minShared: 2 }),
    };
    return statistics;
  });

/**
 * Results change only when a submitted area is submitted or changed, and every such change writes
 * an audit row. The audit sequence is therefore a cheap "results changed" stamp: the benchmark is
 * recomputed when it moves, not on every read. The stamp is re-read at most once a second per
 * instance, so a read costs no query at all while nothing changes.
 */
const STAMP_CHECK_MS = 1000;

interface CacheEntry {
  stamp: string;
  checkedAt: number;
  readonly statistics: Statistics;
  publicReply?: CachedReply;
  /** The statistics with services labelled, valid while the services' names and opt-ins stay put. */
  labelled?: Labelled;
}

export interface CachedReply {
  /** Encoded once: reads repeat far more often than results change. */
  readonly body: Uint8Array;
  readonly etag: string;
}

const utf8 = new TextEncoder();

/** A serialised answer, ready to be sent again and again. */
export const cachedReply = (text: string, etagOf: (text: string) => string): CachedReply => ({
  body: utf8.encode(text),
  etag: etagOf(text),
});

interface Labelled {
  readonly fingerprint: string;
  readonly benchmark: CycleBenchmark;
  /** Each service's serialised view: reads repeat far more often than results change. */
  readonly serviceReplies: Map<string, CachedReply>;
}

const cacheByDatabase = new WeakMap<object, Map<string, CacheEntry>>();

/** Changes whenever a service is added, renamed, or opts in or out of being named. */
const servicesDigest = compileStatement(
  sql`select md5(coalesce(string_agg(id::text || ':' || named_in_benchmarks::text || ':' || name, E'\n' order by id), '')) as digest from services`,
);

const resultsStamp = DbHandle.use((handle) =>
  Effect.promise(() =>
    handle.executePrepared(
      sql`select last_value::text || ':' || is_called::text as stamp from audit_events_id_seq`,
    ),
  ),
).pipe(Effect.map((rows) => String(rows[0]?.stamp ?? "")));

const cacheFor = (database: object): Map<string, CacheEntry> => {
  let cache = cacheByDatabase.get(database);
  if (cache === undefined) {
    cache = new Map();
    cacheByDatabase.set(database, cache);
  }
  return cache;
};

/**
 * Recomputes a cycle's statistics now, whatever the cache holds, and caches them (the recompute
 * job: after a standards or data correction an admin can rebuild every cycle and watch it happen).
 */
export const refreshCycleStatistics = (label: string) =>
  Effect.gen(function* () {
    const cache = cacheFor(yield* Db);
    const key = normaliseCycleLabel(label);
    const stamp = yield* resultsStamp;
    const statistics = yield* computeStatistics(key);
    cache.set(key, { stamp, checkedAt: (yield* Now)().getTime(), statistics });
    return statistics;
  });

/** The cycle's statistics from the cache, recomputed only when results changed. */
export const cycleStatistics = (label: string) =>
  Effect.gen(function* () {
    const database = yield* Db;
    const cache = cacheFor(database);
    const key = normaliseCycleLabel(label);
    // An unknown cycle is a 404 before any caching (findCycle caches what exists).
    yield* findCycle(key);
    const now = (yield* Now)().getTime();

    const entry = cache.get(key);
    if (entry !== undefined && now - entry.checkedAt < STAMP_CHECK_MS) return entry;
    const stamp = yield* resultsStamp;
    if (entry !== undefined && entry.stamp === stamp) {
      entry.checkedAt = now;
      return entry;
    }
    // Requests that arrive while a recompute runs wait for it instead of starting their own.
    const flightKey = `${key}@${stamp}`;
    let inFlight = inFlightByDatabase.get(database);
    if (inFlight === undefined) {
      inFlight = new Map();
      inFlightByDatabase.set(database, inFlight);
    }
    const flights = inFlight;
    let flight = inFlight.get(flightKey);
    if (flight === undefined) {
      const context = yield* Effect.context<Db | StandardsData>();
      flight = Effect.runPromiseExit(
        computeStatistics(key).pipe(Effect.provideContext(context)),
      ).finally(() => flights.delete(flightKey));
      flights.set(flightKey, flight);
    }
    const exit = yield* Effect.promise(() => flight);
    if (Exit.isFailure(exit)) return yield* Effect.failCause(exit.cause);
    const statistics = exit.value;
    const fresh: CacheEntry = { stamp, checkedAt: now, statistics };
    cache.set(key, fresh);
    return fresh;
  });

const inFlightByDatabase = new WeakMap<
  object,
  Map<string, Promise<Exit.Exit<Statistics, NotFound>>>
>();

/**
 * Statistics plus how each service is shown. Names and opt-ins change without any audit row, so
 * every call asks the database for a digest of them (one row, whatever the size of the network);
 * the services themselves, their labels (salted codes for every service) and the per-service
 * answers are read and rebuilt only when that digest differs from last time.
 */
const labelledBenchmark = (label: string) =>
  Effect.gen(function* () {
    const entry = yield* cycleStatistics(label);
    const salt = yield* peerCodeSalt;
    const digest = yield* DbHandle.use((handle) =>
      Effect.promise(() => handle.executePrepared(servicesDigest.bind({}))),
    ).pipe(Effect.map((rows) => String(rows[0]?.digest ?? "")));
    const fingerprint = `${salt}\n${digest}`;
    if (entry.labelled?.fingerprint === fingerprint) return entry.labelled;
    const services = yield* query((db) =>
      db
        .select({
          id: schema.services.id,
          name: schema.services.name,
          named: schema.services.namedInBenchmarks,
        })
        .from(schema.services),
    );
    const codes = PeerCode.codesFor(
      salt,
      services.map((service) => service.id),
    );
    const labelled: Labelled = {
      fingerprint,
      serviceReplies: new Map(),
      benchmark: {
        ...entry.statistics,
        labels: new Map(
          services.map((service) => [
            service.id,
            { code: codes.get(service.id) as string, name: service.name, named: service.named },
          ]),
        ),
      },
    };
    entry.labelled = labelled;
    return labelled;
  });

/** Statistics plus how each service is shown (names change when a service opts in or out). */
export const computeCycleBenchmark = (label: string) =>
  labelledBenchmark(label).pipe(Effect.map((labelled) => labelled.benchmark));

/** One service's view, serialised with its ETag, cached until results or labels change. */
export const serviceReply = (label: string, serviceId: string, etagOf: (text: string) => string) =>
  Effect.gen(function* () {
    const labelled = yield* labelledBenchmark(label);
    const cached = labelled.serviceReplies.get(serviceId);
    if (cached !== undefined) return cached;
    const text = JSON.stringify(serviceView(labelled.benchmark, serviceId));
    const fresh = cachedReply(text, etagOf);
    labelled.serviceReplies.set(serviceId, fresh);
    return fresh;
  });

const round1 = (value: number) => Math.round(value * 10) / 10;

/** How a service is shown to someone else: its name if it opted in, its code otherwise. */
const labelFor = (benchmark: CycleBenchmark, serviceId: string, reveal: boolean) => {
  const label = benchmark.labels.get(serviceId);
  if (label === undefined) return { code: "S-????", name: null };
  return { code: label.code, name: reveal || label.named ? label.name : null };
};

const distributionView = (area: CycleBenchmark["areas"][number]) =>
  area.withheld
    ? null
    : {
        participants: area.distribution.participants,
        min: round1(area.distribution.min),
        q1: round1(area.distribution.q1),
        median: round1(area.distribution.median),
        q3: round1(area.distribution.q3),
        max: round1(area.distribution.max),
      };

const standingView = (standing: CycleBenchmark["areas"][number]["services"][number]) => ({
  percent: round1(standing.percent),
  percentile: standing.percentile === undefined ? null : round1(standing.percentile),
  bestPractice: standing.bestPractice,
  focus: standing.focus,
  change:
    standing.change === undefined
      ? null
      : {
          area: round1(standing.change.area),
          standards: standing.change.standards.map((standard) => ({
            standardId: standard.standardId,
            change: Ratio.toNumber(standard.change),
            display: `${standard.change.numerator > 0 ? "+" : ""}${Ratio.format(standard.change, 1)}`,
          })),
        },
});

/** One service's view: its standing in every area, anonymised peers, buddies and best practice. */
export const serviceView = (benchmark: CycleBenchmark, serviceId: string) => {
  const areas = benchmark.areas.map((area) => {
    const own = area.services.find((standing) => standing.serviceId === serviceId);
    return {
      area: area.area,
      name: benchmark.areaNames.get(area.area) ?? area.area,
      participants: area.withheld ? area.participants : area.distribution.participants,
      withheld: area.withheld,
      distribution: distributionView(area),
      service: own === undefined ? null : standingView(own),
      // Withheld means withheld: no peer scores either, or they could be rebuilt.
      peers: area.withheld
        ? []
        : area.services
            .filter((standing) => standing.serviceId !== serviceId)
            .map((standing) => ({
              ...labelFor(benchmark, standing.serviceId, false),
              percent: round1(standing.percent),
            }))
            .sort((a, b) => b.percent - a.percent),
    };
  });
  const options = { areaNames: benchmark.areaNames };
  const buddies = Buddying.buddyPairs(benchmark.areas, {
    ...options,
    minShared: 1,
    only: serviceId,
  })
    .slice(0, 5)
    .map((pair) => ({
      with: labelFor(
        benchmark,
        pair.services[0] === serviceId ? pair.services[1] : pair.services[0],
        false,
      ),
      sharedWeakAreas: pair.sharedWeakAreas.map((shared) => shared.area),
      reason: pair.reason,
    }));
  const best = benchmark.bestPractice.find((suggestion) => suggestion.serviceId === serviceId);
  return {
    cycle: benchmark.cycle.label,
    previousCycle: benchmark.previousCycle,
    minimumParticipants: benchmark.cycle.minimumParticipants,
    you: labelFor(benchmark, serviceId, true),
    areas,
    buddies,
    bestPractice:
      best === undefined
        ? null
        : {
            area: best.area,
            percent: round1(best.percent),
            learnFrom: best.learnFrom.map((leader) => ({
              ...labelFor(benchmark, leader.serviceId, false),
              percent: round1(leader.percent),
              reason: leader.reason,
            })),
          },
  };
};

/** The network admins' view: every service, named. */
export const networkView = (benchmark: CycleBenchmark) => ({
  cycle: benchmark.cycle.label,
  previousCycle: benchmark.previousCycle,
  minimumParticipants: benchmark.cycle.minimumParticipants,
  areas: benchmark.areas.map((area) => ({
    area: area.area,
    name: benchmark.areaNames.get(area.area) ?? area.area,
    withheld: area.withheld,
    distribution: distributionView(area),
    services: area.services
      .map((standing) => ({
        serviceId: standing.serviceId,
        ...labelFor(benchmark, standing.serviceId, true),
        ...standingView(standing),
      }))
      .sort((a, b) => b.percent - a.percent),
  })),
  buddies: benchmark.networkBuddies.map((pair) => ({
    services: pair.services.map((id) => labelFor(benchmark, id, true)),
    reason: pair.reason,
  })),
});

/** What anyone may see: per area, participants and the distribution, or that it is withheld. */
export const publicView = (benchmark: Statistics) => ({
  cycle: benchmark.cycle.label,
  minimumParticipants: benchmark.cycle.minimumParticipants,
  areas: benchmark.areas.map((area) => ({
    area: area.area,
    name: benchmark.areaNames.get(area.area) ?? area.area,
    participants: area.withheld ? area.participants : area.distribution.participants,
    withheld: area.withheld,
    distribution: distributionView(area),
  })),
});
