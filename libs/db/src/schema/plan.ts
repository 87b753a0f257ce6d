import {
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  unique,
  varchar,
} from 'drizzle-orm/pg-core';
import { ProgressStatus, REPORT_REVIEW } from '@hyedu/domain';
import { members } from './members.ts';
import { orgUnits } from './org.ts';
import { workPlans } from './platform.ts';

/** The city bureau's departments (科室): configurable, since the real list is not public. */
export const departments = pgTable('departments', {
  key: text().primaryKey(),
  name: text().notNull(),
  /** The module the department runs, if any. */
  module: text(),
  sortOrder: smallint().notNull(),
  version: integer().notNull().default(1),
});

/** A plan item's tasks: lead and co-owning 科室, the county units that carry it out (empty: city level only). */
export const planTasks = pgTable(
  'plan_tasks',
  {
    id: serial().primaryKey(),
    year: smallint()
      .notNull()
      .references(() => workPlans.year, { onDelete: 'cascade' }),
    code: text().notNull(),
    itemNo: smallint().notNull(),
    title: text().notNull(),
    lead: text()
      .notNull()
      .references(() => departments.key),
    coOwners: text().array().notNull().default([]),
    units: varchar({ length: 6 }).array().notNull().default([]),
    kpis: text().array().notNull().default([]),
    version: integer().notNull().default(1),
  },
  (t) => [unique('plan_tasks_year_code').on(t.year, t.code), index('plan_tasks_year_item_idx').on(t.year, t.itemNo)],
);

export const planMilestones = pgTable(
  'plan_milestones',
  {
    id: serial().primaryKey(),
    taskId: integer()
      .notNull()
      .references(() => planTasks.id, { onDelete: 'cascade' }),
    seq: smallint().notNull(),
    title: text().notNull(),
    due: date({ mode: 'string' }).notNull(),
    doneOn: date({ mode: 'string' }),
    doneBy: text(),
    version: integer().notNull().default(1),
  },
  (t) => [index('plan_milestones_task_idx').on(t.taskId), index('plan_milestones_due_idx').on(t.due)],
);

/**
 * Progress reports: one per task, reporting unit and month. The lead 科室's own (city-level) report carries the
 * city's code as its unit. Review: submitted → reviewed, or returned with a reason and submitted again.
 */
export const progressReports = pgTable(
  'progress_reports',
  {
    id: serial().primaryKey(),
    taskId: integer()
      .notNull()
      .references(() => planTasks.id, { onDelete: 'cascade' }),
    unitCode: varchar({ length: 6 })
      .notNull()
      .references(() => orgUnits.code),
    period: varchar({ length: 7 }).notNull(),
    status: text({ enum: members(ProgressStatus.options) }).notNull(),
    narrative: text().notNull(),
    figures: jsonb().notNull().default([]),
    review: text({ enum: members(REPORT_REVIEW.states) }).notNull(),
    returnReason: text(),
    submittedBy: text().notNull(),
    submittedAt: timestamp({ withTimezone: true }).notNull(),
    reviewedBy: text(),
    reviewedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [
    unique('progress_reports_task_unit_period').on(t.taskId, t.unitCode, t.period),
    index('progress_reports_review_idx').on(t.review),
  ],
);

/** Leadership instructions (批示) on a plan item; the item's lead 科室 acknowledge them. */
export const planInstructions = pgTable(
  'plan_instructions',
  {
    id: serial().primaryKey(),
    year: smallint()
      .notNull()
      .references(() => workPlans.year, { onDelete: 'cascade' }),
    itemNo: smallint().notNull(),
    text: text().notNull(),
    author: text().notNull(),
    authorName: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('plan_instructions_item_idx').on(t.year, t.itemNo)],
);

export const instructionAcks = pgTable(
  'instruction_acks',
  {
    instructionId: integer()
      .notNull()
      .references(() => planInstructions.id, { onDelete: 'cascade' }),
    dept: text()
      .notNull()
      .references(() => departments.key),
    ackBy: text().notNull(),
    ackAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.instructionId, t.dept] })],
);

/**
 * KPI values as they were on a day (the dashboard's trend): one row per KPI, day and unit (the city's code for the
 * city total). Taken by the server once a day from the modules' records; never typed in.
 */
export const kpiSnapshots = pgTable(
  'kpi_snapshots',
  {
    kpiId: text().notNull(),
    takenOn: date({ mode: 'string' }).notNull(),
    unitCode: varchar({ length: 6 }).notNull(),
    num: doublePrecision().notNull(),
    den: doublePrecision(),
  },
  (t) => [primaryKey({ columns: [t.kpiId, t.takenOn, t.unitCode] })],
);

/**
 * Targets the 办公室 sets for a county-level unit per KPI and plan year (the seed's targets are 市域 ones); a county
 * without a row is judged against the city's target. Ratios are stored as fractions (0.95), counts as whole numbers,
 * money as integer fen — the domain's countyTargetRefusal checks the value against its KPI before it is written.
 */
export const kpiCountyTargets = pgTable(
  'kpi_county_targets',
  {
    kpiId: text().notNull(),
    unitCode: varchar({ length: 6 })
      .notNull()
      .references(() => orgUnits.code),
    year: smallint().notNull(),
    target: doublePrecision().notNull(),
    setBy: text().notNull(),
    setAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.kpiId, t.unitCode, t.year] }), index('kpi_county_targets_year_idx').on(t.year)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Evidence files attached to records (a progress report's 附件, a hazard's photos). The whole content is checked for
 * its type before it is stored (@hyedu/files); `checked` says so (rows stored before that check have false and are
 * only ever downloaded, never shown in a page). A file is only ever sent to someone who may see its record.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: serial().primaryKey(),
    ownerType: text().notNull(),
    ownerId: integer().notNull(),
    fileName: text().notNull(),
    mime: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    content: bytea().notNull(),
    checked: boolean().notNull().default(false),
    uploadedBy: text().notNull(),
    uploadedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('attachments_owner_idx').on(t.ownerType, t.ownerId)],
);
