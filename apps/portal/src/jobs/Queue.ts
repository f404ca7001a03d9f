// The job queue in the database: every portal instance may enqueue, and any one of them claims a
// job with `FOR UPDATE SKIP LOCKED`, so several instances share the work without a broker. A claim
// is a lease: the running instance extends it with every progress report, and a job whose lease
// lapsed (its instance died) is claimed again, up to MAX_ATTEMPTS.
import { schema } from "@sequin/db";
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import { Effect } from "effect";
import { query } from "../repositories/query.ts";

export const LEASE_SECONDS = 30;
export const MAX_ATTEMPTS = 3;

export type JobRow = typeof schema.jobs.$inferSelect;

export interface Artifact {
  readonly bytes: Uint8Array;
  readonly type: string;
  readonly name: string;
}

const lease = sql`now() + make_interval(secs => ${LEASE_SECONDS})`;

/** Adds a job to the queue. */
export const enqueue = (kind: string, payload: unknown, createdBy: string | null) =>
  query((db) => db.insert(schema.jobs).values({ kind, payload, createdBy }).returning()).pipe(
    Effect.map((rows) => rows[0] as JobRow),
  );

/**
 * Claims the oldest claimable job for `owner`, or nothing. Jobs that have used up their attempts
 * are failed first, so a job that crashes its instance every time cannot loop forever.
 */
export const claim = (owner: string) =>
  query(async (db) => {
    await db
      .update(schema.jobs)
      .set({
        status: "failed",
        error: `stopped after ${MAX_ATTEMPTS} attempts (the instance running it stopped answering)`,
        finishedAt: sql`now()`,
        leaseOwner: null,
        leaseUntil: null,
      })
      .where(
        and(
          eq(schema.jobs.status, "running"),
          lt(schema.jobs.leaseUntil, sql`now()`),
          sql`${schema.jobs.attempts} >= ${MAX_ATTEMPTS}`,
        ),
      );
    const claimable = sql`(
      select ${schema.jobs.id} from ${schema.jobs}
      where ${or(
        eq(schema.jobs.status, "queued"),
        and(eq(schema.jobs.status, "running"), lt(schema.jobs.leaseUntil, sql`now()`)),
      )}
      order by ${schema.jobs.createdAt}
      limit 1
      for update skip locked
    )`;
    const rows = await db
      .update(schema.jobs)
      .set({
        status: "running",
        leaseOwner: owner,
        leaseUntil: lease,
        attempts: sql`${schema.jobs.attempts} + 1`,
        startedAt: sql`coalesce(${schema.jobs.startedAt}, now())`,
      })
      .where(eq(schema.jobs.id, claimable))
      .returning();
    return rows[0];
  });

/**
 * Records progress and extends the lease. False when this owner no longer holds the job (its lease
 * lapsed and another instance took it over): the caller must stop.
 */
export const reportProgress = (
  id: string,
  owner: string,
  progress: { readonly done: number; readonly total: number; readonly message: string },
) =>
  query((db) =>
    db
      .update(schema.jobs)
      .set({ ...progress, leaseUntil: lease })
      .where(
        and(
          eq(schema.jobs.id, id),
          eq(schema.jobs.leaseOwner, owner),
          eq(schema.jobs.status, "running"),
        ),
      )
      .returning({ id: schema.jobs.id }),
  ).pipe(Effect.map((rows) => rows.length === 1));

/** Marks a job done, with its result and optional file; ignored if the lease was lost. */
export const succeed = (id: string, owner: string, result: unknown, artifact?: Artifact) =>
  query((db) =>
    db
      .update(schema.jobs)
      .set({
        status: "succeeded",
        result,
        done: sql`${schema.jobs.total}`,
        message: "Finished",
        artifact: artifact?.bytes ?? null,
        artifactType: artifact?.type ?? null,
        artifactName: artifact?.name ?? null,
        finishedAt: sql`now()`,
        leaseOwner: null,
        leaseUntil: null,
      })
      .where(and(eq(schema.jobs.id, id), eq(schema.jobs.leaseOwner, owner))),
  );

/** Marks a job failed with a message a network admin can act on. */
export const fail = (id: string, owner: string, error: string) =>
  query((db) =>
    db
      .update(schema.jobs)
      .set({
        status: "failed",
        error,
        finishedAt: sql`now()`,
        leaseOwner: null,
        leaseUntil: null,
      })
      .where(and(eq(schema.jobs.id, id), eq(schema.jobs.leaseOwner, owner))),
  );

/** Every column but the artifact's bytes (progress is polled often; the file can be megabytes). */
const summaryColumns = {
  id: schema.jobs.id,
  kind: schema.jobs.kind,
  payload: schema.jobs.payload,
  status: schema.jobs.status,
  done: schema.jobs.done,
  total: schema.jobs.total,
  message: schema.jobs.message,
  result: schema.jobs.result,
  error: schema.jobs.error,
  attempts: schema.jobs.attempts,
  artifactType: schema.jobs.artifactType,
  artifactName: schema.jobs.artifactName,
  createdBy: schema.jobs.createdBy,
  createdAt: schema.jobs.createdAt,
  startedAt: schema.jobs.startedAt,
  finishedAt: schema.jobs.finishedAt,
};

export type JobSummary = Awaited<ReturnType<typeof selectSummary>>[number];
const selectSummary = (db: Parameters<Parameters<typeof query>[0]>[0], id: string) =>
  db.select(summaryColumns).from(schema.jobs).where(eq(schema.jobs.id, id));

export const findJob = (id: string) =>
  query((db) => selectSummary(db, id)).pipe(Effect.map((rows) => rows[0]));

export const recentJobs = (limit: number) =>
  query((db) =>
    db.select(summaryColumns).from(schema.jobs).orderBy(desc(schema.jobs.createdAt)).limit(limit),
  );

export const jobArtifact = (id: string) =>
  query((db) =>
    db
      .select({
        status: schema.jobs.status,
        artifact: schema.jobs.artifact,
        type: schema.jobs.artifactType,
        name: schema.jobs.artifactName,
      })
      .from(schema.jobs)
      .where(eq(schema.jobs.id, id)),
  ).pipe(Effect.map((rows) => rows[0]));
