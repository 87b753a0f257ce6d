import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  MILESTONES,
  ProjectKind,
  SeatArea,
  SeatSector,
  SPENDING_WORKFLOW,
  type ShortfallFlag,
  type SpendingStage,
} from '@hyedu/domain/funding';
import { unitRef } from './columns.ts';
import { members } from './members.ts';
import { schools } from './org.ts';

/**
 * The funding module's settings (one row; absent = the domain's defaults): which budget units the “两个只增不减” check
 * covers (the 12 县市区, 高新区 and 市本级 where they have budgets).
 */
export const fundingSettings = pgTable('funding_settings', {
  id: smallint().primaryKey().default(1),
  checkedUnits: jsonb().$type<string[]>().notNull(),
  updatedBy: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
  version: integer().notNull().default(1),
});

/**
 * A budget unit's spending return for one 决算 year: its 一般公共预算教育支出 in fen (bigint: a county spends more than
 * 2³¹ fen), optionally by stage, the pupils it reported (only used for a year the enrolment base has no census of),
 * and its review state.
 */
export const fundingSpendingReturns = pgTable(
  'funding_spending_returns',
  {
    id: serial().primaryKey(),
    unitCode: unitRef(),
    fiscalYear: smallint().notNull(),
    budgetSpending: bigint({ mode: 'number' }).notNull(),
    byStage: jsonb().$type<Partial<Record<SpendingStage, number>>>().notNull().default({}),
    reportedPupils: integer(),
    note: text(),
    status: text({ enum: members(SPENDING_WORKFLOW.states) }).notNull(),
    returnReason: text(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    submittedBy: text(),
    submittedAt: timestamp({ withTimezone: true }),
    reviewedBy: text(),
    reviewedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('funding_spending_returns_unit_year_idx').on(t.unitCode, t.fiscalYear),
    index('funding_spending_returns_year_idx').on(t.fiscalYear, t.status),
  ],
);

/** The allocation of the seat target: places per unit, sector and area for one plan year (the 科室 enters it). */
export const fundingSeatAllocations = pgTable(
  'funding_seat_allocations',
  {
    year: smallint().notNull(),
    unitCode: unitRef(),
    sector: text({ enum: members(SeatSector.options) }).notNull(),
    area: text({ enum: members(SeatArea.options) }).notNull(),
    seats: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.unitCode, t.sector, t.area] })],
);

/** Who set a year's allocation last, and its version (0 = none yet). */
export const fundingAllocationVersions = pgTable('funding_allocation_versions', {
  year: smallint().primaryKey(),
  version: integer().notNull(),
  updatedBy: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
});

/**
 * A seat-construction or capital project. Besides its facts it carries what lists and totals filter on, kept in the
 * transaction that records a milestone: the last milestone reached (`stage`), the date it went into use and the places
 * it delivered, and the planned date of the next milestone not reached (`next_due`: late when before today).
 * A project the work priorities name carries the name's key (`named_key`).
 */
export const fundingSeatProjects = pgTable(
  'funding_seat_projects',
  {
    id: serial().primaryKey(),
    unitCode: unitRef(),
    schoolId: integer().references(() => schools.id),
    name: text().notNull(),
    kind: text({ enum: members(ProjectKind.options) }).notNull(),
    sector: text({ enum: members(SeatSector.options) }).notNull(),
    area: text({ enum: members(SeatArea.options) }).notNull(),
    plannedSeats: integer().notNull(),
    investment: bigint({ mode: 'number' }).notNull(),
    flags: jsonb().$type<ShortfallFlag[]>().notNull().default([]),
    namedKey: text(),
    itemNo: smallint().notNull().default(9),
    note: text(),
    stage: text({ enum: members(MILESTONES) }),
    nextDue: date({ mode: 'string' }),
    inUseOn: date({ mode: 'string' }),
    deliveredSeats: integer(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('funding_seat_projects_unit_idx').on(t.unitCode, t.id),
    index('funding_seat_projects_in_use_idx').on(t.inUseOn),
    uniqueIndex('funding_seat_projects_named_idx').on(t.namedKey),
  ],
);

/** A project's milestones: the planned date and, once reached, the actual date, who recorded it and a note. */
export const fundingProjectMilestones = pgTable(
  'funding_project_milestones',
  {
    projectId: integer()
      .notNull()
      .references(() => fundingSeatProjects.id),
    milestone: text({ enum: members(MILESTONES) }).notNull(),
    plannedOn: date({ mode: 'string' }).notNull(),
    reachedOn: date({ mode: 'string' }),
    note: text(),
    recordedBy: text(),
    recordedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.milestone] })],
);
