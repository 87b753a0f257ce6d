import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { EXCHANGE_PLAN_WORKFLOW, ExchangeDirection, ExchangeRecordStatus, SchoolDesignation } from '@hyedu/domain/teachers';
import { schoolRef, unitRef } from './columns.ts';
import { members } from './members.ts';
import { schools } from './org.ts';
import { teacherStaff } from './teachers.ts';

/** 县管校聘 exchange plans: one per county and school year, with its review state. */
export const teacherExchangePlans = pgTable(
  'teacher_exchange_plans',
  {
    id: serial().primaryKey(),
    unitCode: unitRef(),
    schoolYear: varchar({ length: 9 }).notNull(),
    plannedCount: integer().notNull(),
    note: text(),
    status: text({ enum: members(EXCHANGE_PLAN_WORKFLOW.states) }).notNull(),
    returnReason: text(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedBy: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    submittedBy: text(),
    submittedAt: timestamp({ withTimezone: true }),
    decidedBy: text(),
    decidedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('teacher_exchange_plans_unit_year_idx').on(t.unitCode, t.schoolYear),
    index('teacher_exchange_plans_year_idx').on(t.schoolYear, t.status),
  ],
);

/**
 * One teacher's exchange in a plan: who (the staff row at the sending school), from where to where, the direction the
 * two schools give, the 骨干 flag, the start and term. `status` is the standing written with the record's last change
 * (`exchangeStatusOn`); the pages recompute it for the day.
 */
export const teacherExchangeRecords = pgTable(
  'teacher_exchange_records',
  {
    id: serial().primaryKey(),
    planId: integer()
      .notNull()
      .references(() => teacherExchangePlans.id, { onDelete: 'cascade' }),
    unitCode: unitRef(),
    schoolYear: varchar({ length: 9 }).notNull(),
    staffId: integer()
      .notNull()
      .references(() => teacherStaff.id),
    name: text().notNull(),
    schoolId: schoolRef(),
    toSchoolId: integer()
      .notNull()
      .references(() => schools.id),
    direction: text({ enum: members(ExchangeDirection.options) }).notNull(),
    backbone: boolean().notNull(),
    startOn: date({ mode: 'string' }).notNull(),
    termYears: smallint().notNull(),
    status: text({ enum: members(ExchangeRecordStatus.options) }).notNull(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    // A teacher exchanges once a school year.
    uniqueIndex('teacher_exchange_records_staff_year_idx').on(t.staffId, t.schoolYear),
    index('teacher_exchange_records_plan_idx').on(t.planId, t.id),
    index('teacher_exchange_records_unit_idx').on(t.unitCode, t.schoolYear, t.id),
    check('teacher_exchange_records_term', sql`${t.termYears} between 1 and 6`),
  ],
);

/** The county's designation of a school as 优质 or 薄弱 for a school year (no row: neither). */
export const teacherExchangeDesignations = pgTable(
  'teacher_exchange_designations',
  {
    schoolId: schoolRef(),
    schoolYear: varchar({ length: 9 }).notNull(),
    unitCode: unitRef(),
    designation: text({ enum: members(SchoolDesignation.options) }).notNull(),
    updatedBy: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.schoolYear] }),
    index('teacher_exchange_designations_unit_idx').on(t.unitCode, t.schoolYear),
  ],
);

/** The city's setting (one row; absent → `DEFAULT_EXCHANGE_YEARS`): the years at one school that make a teacher eligible. */
export const teacherExchangeSettings = pgTable('teacher_exchange_settings', {
  id: smallint().primaryKey().default(1),
  years: smallint().notNull(),
  updatedBy: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
  version: integer().notNull().default(1),
});
