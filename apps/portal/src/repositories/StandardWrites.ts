// Writing one standard's consensus record is the portal's hottest write, so a successful write is one
// SQL statement: check access and status, update the record if the version matches, and write the
// audit row (old and new values) when the area was already submitted — one round trip, atomic. Only
// a write that changed nothing pays a second read, to say why. The assessment row itself is not
// touched: concurrent writes to different standards of one area must not queue on its lock.
import { compileStatement, schema } from "@sequin/db";
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
  updatedAt: raw.updated_at instanceof Date ? raw.updated_at : new Date(raw.updated_at as string),
  updatedBy: (raw.updated_by as string | null) ?? null,
});

const json = (value: unknown) =>
  value === null || value === undefined ? null : JSON.stringify(value);

const value = (name: keyof StandardWriteValues) => sql.placeholder(name);

interface StandardWriteValues {
  readonly assessmentId: string;
  readonly writerServiceId: string;
  readonly standardId: string;
  readonly viewServiceUser: number | null;
  readonly viewStaff: number | null;
  readonly viewCarer: number | null;
  readonly privateRatings: string | null;
  readonly agreed: number | null;
  readonly notApplicable: boolean;
  readonly rationale: string;
  readonly evidence: string;
  readonly at: string;
  readonly actorId: string | null;
  readonly expectedVersion: number;
  readonly reason: string | null;
}

const accessibleAssessment = sql`
  select a.id, a.status, a.organisation_id, a.service_id
  from assessments a
  where a.id = ${value("assessmentId")}::uuid
    and (a.service_id = ${value("writerServiceId")}::uuid
         or (a.method = 'peer-review' and a.reviewing_service_id = ${value("writerServiceId")}::uuid)
         or ${publishedPairGrants(sql`${value("writerServiceId")}::uuid`, { serviceId: sql`a.service_id`, cycle: sql`a.cycle`, area: sql`a.area` })})`;

const RECORD_COLUMNS = [
  "assessment_id",
  "organisation_id",
  "standard_id",
  "view_service_user",
  "view_staff",
  "view_carer",
  "private_ratings",
  "agreed",
  "not_applicable",
  "rationale",
  "evidence",
  "version",
  "updated_at",
  "updated_by",
];
const recordColumns = (alias: string) =>
  sql.raw(RECORD_COLUMNS.map((column) => `${alias}.${column}`).join(", "));

// Compiled once: building this statement with drizzle on every write cost more CPU than running it.
const writeStatement = compileStatement(sql`
  with target as (${accessibleAssessment}),
  updated as (
    update responses r set
      view_service_user = ${value("viewServiceUser")}::smallint,
      view_staff = ${value("viewStaff")}::smallint,
      view_carer = ${value("viewCarer")}::smallint,
      private_ratings = ${value("privateRatings")}::jsonb,
      agreed = ${value("agreed")}::smallint,
      not_applicable = ${value("notApplicable")}::boolean,
      rationale = ${value("rationale")}::text,
      evidence = ${value("evidence")}::text,
      version = r.version + 1,
      updated_at = ${value("at")}::timestamptz,
      updated_by = ${value("actorId")}::uuid
    -- "old" is the record as this statement's snapshot saw it: the audit row's old value.
    from target t, responses old
    where r.assessment_id = ${value("assessmentId")}::uuid and r.standard_id = ${value("standardId")}
      and t.id = r.assessment_id
      and old.assessment_id = r.assessment_id and old.standard_id = r.standard_id
      and r.version = ${value("expectedVersion")}::integer
      -- A submitted area changes only with a reason, and never back to "no agreed score".
      and (t.status = 'draft' or (${value("reason")}::text is not null and (${value("agreed")}::smallint is not null or ${value("notApplicable")}::boolean)))
      -- No row lock: if a concurrent write committed after the snapshot, the row re-checked here no
      -- longer matches "old", so nothing is written and the caller gets a 409 instead of an audit
      -- entry with the wrong old value.
      and old.version = r.version
    returning ${recordColumns("r")}, t.status as assessment_status,
      t.organisation_id as assessment_organisation_id, t.service_id as assessment_service_id,
      case when old.not_applicable then to_jsonb('na'::text) else to_jsonb(old.agreed) end as old_agreed,
      old.rationale as old_rationale, old.evidence as old_evidence
  ),
  audit as (
    insert into audit_events (organisation_id, service_id, assessment_id, standard_id, actor_id, at, action, old_value, new_value, reason)
    select u.assessment_organisation_id, u.assessment_service_id, u.assessment_id, u.standard_id,
      ${value("actorId")}::uuid, ${value("at")}::timestamptz, 'standard-changed',
      jsonb_build_object('agreed', u.old_agreed, 'rationale', u.old_rationale, 'evidence', u.old_evidence),
      jsonb_build_object('agreed', case when u.not_applicable then to_jsonb('na'::text) else to_jsonb(u.agreed) end, 'rationale', u.rationale, 'evidence', u.evidence),
      ${value("reason")}::text
    from updated u
    where u.assessment_status = 'submitted'
    returning id
  )
  -- A data-modifying CTE runs whether or not it is read: the audit row needs no reference here.
  select ${recordColumns("u")}, u.assessment_status
  from updated u`);

type ExplainValues = Pick<StandardWriteValues, "assessmentId" | "writerServiceId" | "standardId">;

/** Why a write changed nothing: the assessment out of reach, no such standard, or its record now. */
const explainStatement = compileStatement(sql`
  select t.status, ${recordColumns("r")}
  from (${accessibleAssessment}) t
  left join responses r on r.assessment_id = t.id and r.standard_id = ${sql.placeholder("standardId" satisfies keyof ExplainValues)}`);

/**
 * Writes a standard in one statement. A submitted area changes only with a reason and never back to
 * "no agreed score"; such a write is refused (the caller says why), leaving everything untouched.
 */
export const writeStandard = (write: StandardWrite) =>
  Effect.gen(function* () {
    const v = write.values;
    const statement = writeStatement.bind({
      assessmentId: write.assessmentId,
      writerServiceId: write.writerServiceId,
      standardId: write.standardId,
      viewServiceUser: v.viewServiceUser,
      viewStaff: v.viewStaff,
      viewCarer: v.viewCarer,
      privateRatings: json(v.privateRatings),
      agreed: v.agreed,
      notApplicable: v.notApplicable,
      rationale: v.rationale,
      evidence: v.evidence,
      at: write.now.toISOString(),
      actorId: write.actorId,
      expectedVersion: write.expectedVersion,
      reason: write.reason,
    } satisfies StandardWriteValues);
    // Prepared: each statement is planned once per connection, not on every write.
    const written = yield* DbHandle.use((handle) =>
      Effect.promise(() => handle.executePrepared(statement)),
    );
    const after = written[0];
    if (after !== undefined)
      return {
        kind: "written",
        status: after.assessment_status as string,
        after: toRow(after),
      } as StandardWriteOutcome;
    const explained = yield* DbHandle.use((handle) =>
      Effect.promise(() =>
        handle.executePrepared(
          explainStatement.bind({
            assessmentId: write.assessmentId,
            writerServiceId: write.writerServiceId,
            standardId: write.standardId,
          } satisfies ExplainValues),
        ),
      ),
    );
    const current = explained[0];
    if (current === undefined) return { kind: "no-access" } as StandardWriteOutcome;
    if (current.assessment_id === null) return { kind: "no-standard" } as StandardWriteOutcome;
    const before = toRow(current);
    const changeAllowed =
      current.status === "draft" ||
      (write.reason !== null && (v.agreed !== null || v.notApplicable));
    if (!changeAllowed && before.version === write.expectedVersion)
      return { kind: "refused", status: "submitted", before } as StandardWriteOutcome;
    return { kind: "stale", before } as StandardWriteOutcome;
  });
