import { bigserial, boolean, date, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';

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
 * Audit trail. Every mutation writes one row in the same transaction.
 * (Append-only triggers and the hash chain come with the identity work.)
 */
export const auditLog = pgTable('audit_log', {
  id: bigserial({ mode: 'number' }).primaryKey(),
  at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  actor: text().notNull(),
  action: text().notNull(),
  targetType: text().notNull(),
  targetId: text().notNull(),
  before: jsonb(),
  after: jsonb(),
  result: text({ enum: ['ok', 'denied', 'error'] }).notNull(),
  source: text().notNull(),
});
