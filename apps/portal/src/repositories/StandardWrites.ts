// Writing one standard's consensus record is the portal's hottest write, so it is one SQL statement:
// check access and status, lock and read the old record, update it if the version matches, write the
// audit row when the area was already submitted — one round trip, atomic. The assessment row itself
// is not touched: concurrent writes to different standards of one area must not queue on its lock.
import { schema } from "@sequin/db";
import { eq, sql } from "drizzle-orm";
import { Effect } from "effect";
import { NotFound } from "../http/Errors.ts";
import { Db, DbHandle } from "../Services.ts";
import { publishedPairGrants, type ResponseRow } from "./Assessments.ts";
import { query } from "./query.ts";

/** What never changes about an assessment once created: cached per database. */
export interface AssessmentMeta {
  readonly id: string;
  readonly serviceId: string;
  readonly organisationId: string;
  readonly cycle: string;
  readonly area: string;
}

const MAX_CACHED = 20_000;
const metaByDatabase = new WeakMap<object, Map<string, AssessmentMeta>>();

export const assessmentMeta = (id: string) =>
  Effect.gen(function* () {
    const database = yield* Db;
    let cache = metaByDatabase.get(database);
    if (cache === undefined) {
      cache = new Map();
      metaByDatabase.set(database, cache);
    }
    const cached = cache.get(id);
    if (cached !== undefined) return cached;
    const rows = yield* query((db) =>
      db
        .select({
          id: schema.assessments.id,
          serviceId: schema.assessments.serviceId,
          organisationId: schema.assessments.organisationId,
          cycle: schema.assessments.cycle,
          area: schema.assessments.area,
        })
        .from(schema.assessments)
        .where(eq(schema.assessments.id, id)),
    );
    const row = rows[0];
    if (row === undefined) return yield* new NotFound({ resource: "assessment" });
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(id, row);
    return row;
  });

export interface StandardWrite {
  readonly assessmentId: string;
  readonly standardId: string;
  /** The service of the person writing: the owner, or the reviewer of a peer review. */
  readonly writerServiceId: string;
  readonly actorId: string | null;
  readonly expectedVersion: number;
  readonly now: Date;
  readonly reason: string | null;
  readonly values: {
    readonly viewServiceUser: number | null;
    readonly viewStaff: number | null;
    readonly viewCarer: number | null;
    readonly privateRatings: unknown;
    readonly agreed: number | null;
    readonly notApplicable: boolean;
    readonly rationale: string;
    readonly evidence: string;
  };
}

export type StandardWriteOutcome =
  | { readonly kind: "no-access" }
  | { readonly kind: "no-standard" }
  | { readonly kind: "refused"; readonly status: "submitted"; readonly before: ResponseRow }
  | { readonly kind: "stale"; readonly before: ResponseRow }
  | { readonly kind: "written"; readonly status: string; readonly after: ResponseRow };

type RawResponse = Record<string, unknown>;

const toRow = (raw: RawResponse): ResponseRow => ({
  assessmentId: raw.assessment_id as string,
  organisationId: raw.organisation_id as string,
  standardId: raw.standard_id as string,
  viewServiceUser: raw.view_service_user as number | null,
  viewStaff: raw.view_staff as number | null,
  viewCarer: raw.view_carer as number | null,
  privateRatings: raw.private_ratings ?? null,
  agreed: raw.agreed as number | null,
  notApplicable: raw.not_applicable as boolean,
  rationale: raw.rationale as string,
  evidence: raw.evidence as string,
  version: raw.version as number,
  updatedAt: new Date(raw.updated_at as string),
  updatedBy: (raw.updated_by as string | null) ?? null,
});

const json = (value: unknown) =>
  value === null || value === undefined ? null : JSON.stringify(value);

/**
 * Writes a standard in one statement. A submitted area changes only with a reason and never back to
 * "no agreed score"; such a write is refused (the caller says why), leaving everything untouched.
 */
export const writeStandard = (write: StandardWrite) =>
  Effect.gen(function* () {
    const v = write.values;
    const at = write.now.toISOString();
    const changeAllowed = sql`(t.status = 'draft' or (${write.reason}::text is not null and (${v.agreed}::smallint is not null or ${v.notApplicable}::boolean)))`;
    const statement = sql`
      with target as (
        select a.id, a.status, a.organisation_id, a.service_id
        from assessments a
        where a.id = ${write.assessmentId}::uuid
          and (a.service_id = ${write.writerServiceId}::uuid
               or (a.method = 'peer-review' and a.reviewing_service_id = ${write.writerServiceId}::uuid)
               or ${publishedPairGrants(sql`${write.writerServiceId}::uuid`, { serviceId: sql`a.service_id`, cycle: sql`a.cycle`, area: sql`a.area` })})
      ),
      before as (
        select r.* from responses r, target t
        where r.assessment_id = t.id and r.standard_id = ${write.standardId}
      ),
      updated as (
        update responses r set
          view_service_user = ${v.viewServiceUser}::smallint,
          view_staff = ${v.viewStaff}::smallint,
          view_carer = ${v.viewCarer}::smallint,
          private_ratings = ${json(v.privateRatings)}::jsonb,
          agreed = ${v.agreed}::smallint,
          not_applicable = ${v.notApplicable}::boolean,
          rationale = ${v.rationale}::text,
          evidence = ${v.evidence}::text,
          version = r.version + 1,
          updated_at = ${at}::timestamptz,
          updated_by = ${write.actorId}::uuid
        from target t, before b
        where r.assessment_id = t.id and r.standard_id = ${write.standardId}
          and r.version = ${write.expectedVersion}::integer and ${changeAllowed}
          -- No row lock: if a concurrent write committed after this statement's snapshot, the row
          -- re-checked here no longer matches the snapshot the audit row describes, so nothing is
          -- written and the caller gets a 409 instead of an audit entry with the wrong old value.
          and b.version = r.version
        returning r.*
      ),
      audit as (
        insert into audit_events (organisation_id, service_id, assessment_id, standard_id, actor_id, at, action, old_value, new_value, reason)
        select t.organisation_id, t.service_id, t.id, ${write.standardId}, ${write.actorId}::uuid, ${at}::timestamptz, 'standard-changed',
          jsonb_build_object('agreed', case when b.not_applicable then to_jsonb('na'::text) else to_jsonb(b.agreed) end, 'rationale', b.rationale, 'evidence', b.evidence),
          jsonb_build_object('agreed', case when u.not_applicable then to_jsonb('na'::text) else to_jsonb(u.agreed) end, 'rationale', u.rationale, 'evidence', u.evidence),
          ${write.reason}::text
        from target t, before b, updated u
        where t.status = 'submitted'
        returning id
      )
      select
        (select status from target) as status,
        (select row_to_json(b) from before b) as before,
        (select row_to_json(u) from updated u) as updated,
        (select count(*) from audit) as audited`;
    // Prepared: the statement is planned once per connection, not on every write.
    const rows = (yield* DbHandle.use((handle) =>
      Effect.promise(() => handle.executePrepared(statement)),
    )) as Array<{
      status: string | null;
      before: RawResponse | string | null;
      updated: RawResponse | string | null;
    }>;
    const row = rows[0];
    const parse = (value: RawResponse | string | null) =>
      typeof value === "string" ? (JSON.parse(value) as RawResponse) : value;
    const before = parse(row?.before ?? null);
    const updated = parse(row?.updated ?? null);
    if (row === undefined || row.status === null)
      return { kind: "no-access" } as StandardWriteOutcome;
    if (before === null) return { kind: "no-standard" } as StandardWriteOutcome;
    if (updated !== null)
      return { kind: "written", status: row.status, after: toRow(updated) } as StandardWriteOutcome;
    const beforeRow = toRow(before);
    if (row.status === "submitted" && beforeRow.version === write.expectedVersion) {
      return { kind: "refused", status: "submitted", before: beforeRow } as StandardWriteOutcome;
    }
    return { kind: "stale", before: beforeRow } as StandardWriteOutcome;
  });
