import { sql } from 'drizzle-orm';
import {
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
import { AppraisalResult, EthicsResult, RegistrationOutcome } from '@hyedu/domain/teachers';
import { schoolRef, unitRef } from './columns.ts';
import { members } from './members.ts';
import { teacherStaff } from './teachers.ts';

/**
 * 年度考核 and 师德考核: one row per person (the ID number's blind index, as the staff registry keys them) and year, at
 * the school that appraised them (its staff row, school and unit). A transfer keeps the person's earlier years.
 */
export const teacherAppraisals = pgTable(
  'teacher_appraisals',
  {
    id: serial().primaryKey(),
    staffId: integer()
      .notNull()
      .references(() => teacherStaff.id),
    idIndex: varchar({ length: 64 }).notNull(),
    schoolId: schoolRef(),
    unitCode: unitRef(),
    year: smallint().notNull(),
    result: text({ enum: members(AppraisalResult.options) }).notNull(),
    ethics: text({ enum: members(EthicsResult.options) }).notNull(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('teacher_appraisals_person_year_idx').on(t.idIndex, t.year),
    // The list pages by unit, year and id (keyset) and filters by school.
    index('teacher_appraisals_unit_idx').on(t.unitCode, t.year.desc().nullsFirst(), t.id),
    index('teacher_appraisals_school_idx').on(t.schoolId, t.year),
    // The list filtered by either result (不合格 is one row in a thousand), in the list's order.
    index('teacher_appraisals_result_idx').on(t.result, t.unitCode, t.year.desc().nullsFirst(), t.id),
    index('teacher_appraisals_ethics_idx').on(t.ethics, t.unitCode, t.year.desc().nullsFirst(), t.id),
    check('teacher_appraisals_year', sql`${t.year} between 2000 and 2100`),
  ],
);

/**
 * The appraisals counted per county, year and both results (a rollup kept by `countAppraisals` in every transaction
 * that writes appraisals): the list's total over the city's 400,000 rows, or a county's, is a sum of a few hundred rows.
 */
export const teacherAppraisalCounts = pgTable(
  'teacher_appraisal_counts',
  {
    unitCode: unitRef(),
    year: smallint().notNull(),
    result: text({ enum: members(AppraisalResult.options) }).notNull(),
    ethics: text({ enum: members(EthicsResult.options) }).notNull(),
    n: integer().notNull(),
  },
  // No check that n ≥ 0: an upsert's proposed row (a correction's −1) is checked before it meets the row it updates.
  (t) => [primaryKey({ columns: [t.unitCode, t.year, t.result, t.ethics] })],
);

/**
 * 教师资格定期注册: one row per person — the base (the certificate's date or the last registration), its due date
 * (`validUntil`, base + the period in force when it was decided), the latest decision and the 培训学时 the last
 * application declared. Each decision moves the version; the audit keeps the history.
 */
export const teacherRegistrations = pgTable(
  'teacher_registrations',
  {
    id: serial().primaryKey(),
    idIndex: varchar({ length: 64 }).notNull(),
    staffId: integer()
      .notNull()
      .references(() => teacherStaff.id),
    registeredOn: date({ mode: 'string' }).notNull(),
    validUntil: date({ mode: 'string' }).notNull(),
    outcome: text({ enum: members(RegistrationOutcome.options) }).notNull(),
    decidedOn: date({ mode: 'string' }),
    hours: integer(),
    updatedBy: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [uniqueIndex('teacher_registrations_person_idx').on(t.idIndex), index('teacher_registrations_due_idx').on(t.validUntil)],
);

/** The registration rules in force (one row; absent → `DEFAULT_REGISTRATION_RULES`): set by the city 科室, audited. */
export const teacherRegistrationRules = pgTable('teacher_registration_rules', {
  id: smallint().primaryKey().default(1),
  periodYears: smallint().notNull(),
  minHours: integer().notNull(),
  dueSoonDays: smallint().notNull(),
  updatedBy: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
  version: integer().notNull().default(1),
});
