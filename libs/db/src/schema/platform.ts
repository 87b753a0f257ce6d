import { bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { AUDIT_RESULT_VALUES } from '@hyedu/domain';

/** The module registry: where the portal loads each department module from. */
export const modules = pgTable('modules', {
  key: text().primaryKey(),
  title: text().notNull(),
  titleEn: text().notNull(),
  basePath: text().notNull().unique(),
  remoteEntry: text().notNull(),
  version: text().notNull(),
  icon: text().notNull(),
  sortOrder: smallint().notNull(),
  enabled: boolean().notNull().default(true),
  items: integer().array().notNull().default([]),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Origins besides the platform's own that module code may be loaded from (a department's own server), kept by the
 * 系统管理员. Stored canonical (`https://host[:port]`); registry entries are checked against it and the server's
 * Content-Security-Policy allows exactly these.
 */
export const moduleOrigins = pgTable('module_origins', {
  origin: text().primaryKey(),
  note: text().notNull(),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedBy: text().notNull(),
});

export const workPlans = pgTable('work_plans', {
  year: smallint().primaryKey(),
  title: text().notNull(),
  issuer: text().notNull(),
  issuedOn: date({ mode: 'string' }).notNull(),
  recipients: text().notNull(),
  preamble: text().notNull(),
  closing: text().notNull(),
});

export const workPlanSections = pgTable(
  'work_plan_sections',
  {
    year: smallint()
      .notNull()
      .references(() => workPlans.year, { onDelete: 'cascade' }),
    no: smallint().notNull(),
    numeral: text().notNull(),
    title: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.no] })],
);

export const workPlanItems = pgTable(
  'work_plan_items',
  {
    year: smallint()
      .notNull()
      .references(() => workPlans.year, { onDelete: 'cascade' }),
    no: smallint().notNull(),
    sectionNo: smallint().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    modules: text().array().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.year, t.no] })],
);

/**
 * Audit trail: append-only (triggers refuse UPDATE, DELETE and TRUNCATE) and hash-chained: each row's
 * `hash` is an HMAC over the previous row's hash and this row's content (see audit.ts). Written in the
 * same transaction as the change it records.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    /** Who acted (the account, or 'cli:<os user>' for the command line). */
    actor: text().notNull(),
    /** Who really acted when someone acts on behalf of another; usually equal to actor. */
    realActor: text().notNull(),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text().notNull(),
    before: jsonb(),
    after: jsonb(),
    result: text({ enum: AUDIT_RESULT_VALUES }).notNull(),
    /** Where from: client IP, or 'cli'. */
    source: text().notNull(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  // A record's 「操作记录」 is looked up by its target.
  (t) => [index('audit_log_target_idx').on(t.targetType, t.targetId)],
);

/** The chain's head: one row holding the last hash, locked by each writer so the chain never forks. */
export const auditHead = pgTable('audit_head', {
  id: smallint().primaryKey(),
  lastHash: text().notNull(),
});
