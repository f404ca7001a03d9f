// The SeQuIn database. Every tenant-owned row carries its provider organisation's id, so a query can
// always be scoped to one tenant and a missing scope is visible in review.
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  createdAt: createdAt(),
});

export const services = pgTable(
  "services",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    /** Opt-in: named in other services' benchmarks instead of an anonymised code. */
    namedInBenchmarks: boolean("named_in_benchmarks").notNull().default(false),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("services_name_unique").on(table.name),
    index("services_organisation").on(table.organisationId),
  ],
);

/** The tenant columns of every row a service owns: its organisation and the service itself. */
const ownedByService = () => ({
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id),
  serviceId: uuid("service_id")
    .notNull()
    .references(() => services.id),
});

export const wards = pgTable(
  "wards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...ownedByService(),
    name: text("name").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("wards_service_name_unique").on(table.serviceId, table.name)],
);

/** Roles: network admins run the network; the rest belong to one service. */
export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Lower-cased login name: an email address, or a service login's name. */
    login: text("login").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role", {
      enum: ["network-admin", "service-login", "service-lead", "staff", "service-user-rep"],
    }).notNull(),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    serviceId: uuid("service_id").references(() => services.id),
    passwordHash: text("password_hash").notNull(),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("accounts_login_unique").on(table.login),
    index("accounts_service").on(table.serviceId),
  ],
);

/** Sessions live here so portal instances are stateless and can run side by side. */
export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie value: a database leak does not leak live sessions. */
    idHash: text("id_hash").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    csrfToken: text("csrf_token").notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("sessions_account").on(table.accountId)],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...ownedByService(),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => accounts.id),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [index("api_tokens_service").on(table.serviceId)],
);

/** Failed logins per key ("account:<login>" or "address:<ip>") in the current window. */
export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});

/** A standards set version, stored whole so a cycle's standards never change under it. */
export const standardsSets = pgTable("standards_sets", {
  version: text("version").primaryKey(),
  content: jsonb("content").notNull(),
  loadedAt: createdAt(),
});

export const cycles = pgTable("cycles", {
  label: text("label").primaryKey(),
  standardsVersion: text("standards_version")
    .notNull()
    .references(() => standardsSets.version),
  schedule: jsonb("schedule").notNull(),
  minimumParticipants: integer("minimum_participants").notNull().default(5),
  createdAt: createdAt(),
});

/** A quarterly schedule's areas of the service's own choice. */
export const areaChoices = pgTable(
  "area_choices",
  {
    ...ownedByService(),
    cycle: text("cycle")
      .notNull()
      .references(() => cycles.label),
    area: text("area").notNull(),
  },
  (table) => [primaryKey({ columns: [table.serviceId, table.cycle, table.area] })],
);

export const assessments = pgTable(
  "assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...ownedByService(),
    /** Set for a ward's own assessment; null for the whole service. */
    wardId: uuid("ward_id").references(() => wards.id),
    cycle: text("cycle")
      .notNull()
      .references(() => cycles.label),
    area: text("area").notNull(),
    method: text("method", { enum: ["self-assessment", "involvement-group", "peer-review"] }),
    reviewingServiceId: uuid("reviewing_service_id").references(() => services.id),
    attendanceServiceUsers: integer("attendance_service_users").notNull().default(0),
    attendanceStaff: integer("attendance_staff").notNull().default(0),
    attendanceCarers: integer("attendance_carers").notNull().default(0),
    status: text("status", { enum: ["draft", "submitted"] })
      .notNull()
      .default("draft"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: uuid("submitted_by").references(() => accounts.id),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("assessments_service_level_unique")
      .on(table.serviceId, table.cycle, table.area)
      .where(sql`${table.wardId} is null`),
    uniqueIndex("assessments_ward_level_unique")
      .on(table.wardId, table.cycle, table.area)
      .where(sql`${table.wardId} is not null`),
    index("assessments_cycle_area").on(table.cycle, table.area),
  ],
);

export const responses = pgTable(
  "responses",
  {
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    standardId: text("standard_id").notNull(),
    viewServiceUser: smallint("view_service_user"),
    viewStaff: smallint("view_staff"),
    viewCarer: smallint("view_carer"),
    /** Anonymous individual ratings per group: { serviceUser: number[], staff: number[], carer?: number[] }. */
    privateRatings: jsonb("private_ratings"),
    /** The agreed score; null with `notApplicable` false means not agreed yet. */
    agreed: smallint("agreed"),
    notApplicable: boolean("not_applicable").notNull().default(false),
    rationale: text("rationale").notNull().default(""),
    evidence: text("evidence").notNull().default(""),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => accounts.id),
  },
  (table) => [primaryKey({ columns: [table.assessmentId, table.standardId] })],
);

/**
 * Who changed what after submission (and submissions themselves): never updated, never deleted.
 * No foreign keys on purpose: every concurrent write to an area would otherwise take a share lock on
 * the same organisation, service and assessment rows, and the log must outlive anything it names.
 * Its writer (one statement that joins the assessment it audits) guarantees the ids are real.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).notNull(),
    organisationId: uuid("organisation_id").notNull(),
    serviceId: uuid("service_id").notNull(),
    assessmentId: uuid("assessment_id").notNull(),
    standardId: text("standard_id"),
    actorId: uuid("actor_id"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    action: text("action").notNull(),
    oldValue: jsonb("old_value"),
    newValue: jsonb("new_value"),
    reason: text("reason"),
  },
  // Read by assessment, in order: one index serves as the key and the lookup, because every extra
  // index is one more write on the hottest insert.
  (table) => [primaryKey({ columns: [table.assessmentId, table.id] })],
);

export const uploads = pgTable(
  "uploads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...ownedByService(),
    cycle: text("cycle")
      .notNull()
      .references(() => cycles.label),
    area: text("area").notNull(),
    filename: text("filename").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => accounts.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("uploads_service_cycle_area").on(table.serviceId, table.cycle, table.area)],
);

export const actions = pgTable(
  "actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...ownedByService(),
    cycle: text("cycle")
      .notNull()
      .references(() => cycles.label),
    standardId: text("standard_id").notNull(),
    what: text("what").notNull(),
    owner: text("owner").notNull(),
    due: date("due", { mode: "string" }).notNull(),
    status: text("status", { enum: ["not-started", "in-progress", "done", "dropped"] })
      .notNull()
      .default("not-started"),
    outcome: text("outcome"),
    carriedFrom: text("carried_from"),
    /** The action this one was carried over from: unique, so carrying over twice copies nothing twice. */
    carriedFromActionId: uuid("carried_from_action_id").references((): AnyPgColumn => actions.id),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("actions_service_cycle").on(table.serviceId, table.cycle),
    uniqueIndex("actions_carried_from_action_unique").on(table.carriedFromActionId),
  ],
);

export const actionNotes = pgTable("action_notes", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  actionId: uuid("action_id")
    .notNull()
    .references(() => actions.id, { onDelete: "cascade" }),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id),
  on: date("on", { mode: "string" }).notNull(),
  text: text("text").notNull(),
  createdAt: createdAt(),
});

/**
 * Calendar feeds: a secret URL a calendar app polls for a service's deadlines. Only the token's
 * SHA-256 is kept, so a database leak does not leak working feed URLs.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...ownedByService(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [index("calendar_feeds_service").on(table.serviceId)],
);

/** Network-wide settings that every instance must share (e.g. the peer-code salt). */
export const networkSettings = pgTable("network_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  createdAt: createdAt(),
});

/**
 * A peer-review round for a cycle: generated by the core's pairing, adjusted by network admins while
 * a draft, then published. Publishing is what grants reviewers access.
 */
export const peerReviewRounds = pgTable(
  "peer_review_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cycle: text("cycle")
      .notNull()
      .references(() => cycles.label),
    status: text("status", { enum: ["draft", "published"] })
      .notNull()
      .default("draft"),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: createdAt(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (table) => [
    index("peer_review_rounds_cycle").on(table.cycle),
    // At most one published round per cycle, whatever the application does.
    uniqueIndex("peer_review_rounds_one_published")
      .on(table.cycle)
      .where(sql`${table.status} = 'published'`),
  ],
);

/**
 * One reciprocal pair in a round: each service reviews the other's assessment of `area`.
 * Services are stored in a fixed order (a < b) so that a pair cannot appear twice.
 */
export const peerReviewPairs = pgTable(
  "peer_review_pairs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => peerReviewRounds.id, { onDelete: "cascade" }),
    serviceA: uuid("service_a")
      .notNull()
      .references(() => services.id),
    serviceB: uuid("service_b")
      .notNull()
      .references(() => services.id),
    area: text("area").notNull(),
  },
  (table) => [
    uniqueIndex("peer_review_pairs_unique").on(table.roundId, table.serviceA, table.serviceB),
    index("peer_review_pairs_service_a").on(table.serviceA),
    index("peer_review_pairs_service_b").on(table.serviceB),
  ],
);

/**
 * Background jobs (recompute a network, build a network pack). Any portal instance may claim a queued
 * job (`FOR UPDATE SKIP LOCKED`); a running job whose lease has lapsed is claimed again, so a crashed
 * instance's work is not lost.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").notNull(),
    status: text("status", { enum: ["queued", "running", "succeeded", "failed"] })
      .notNull()
      .default("queued"),
    done: integer("done").notNull().default(0),
    total: integer("total").notNull().default(0),
    message: text("message").notNull().default(""),
    result: jsonb("result"),
    /** A file the job produced (e.g. the network pack PDF), downloaded once it has succeeded. */
    artifact: bytea("artifact"),
    artifactType: text("artifact_type"),
    artifactName: text("artifact_name"),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    leaseOwner: text("lease_owner"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: createdAt(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [index("jobs_status_created").on(table.status, table.createdAt)],
);
