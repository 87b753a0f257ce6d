import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, serial, smallint, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { SupportStage } from '@hyedu/domain/teachers';
import { schoolRef, unitRef } from './columns.ts';
import { members } from './members.ts';
import { teacherEntries, teacherStaff } from './teachers.ts';

/**
 * 支教需求: a receiving school's stated need — school year, subject, 学段, how many teachers, for which period. Its fill
 * is counted from the dispatches (`teacher_support_dispatches`).
 */
export const teacherSupportNeeds = pgTable(
  'teacher_support_needs',
  {
    id: serial().primaryKey(),
    schoolId: schoolRef(),
    unitCode: unitRef(),
    schoolYear: varchar({ length: 9 }).notNull(),
    subject: text().notNull(),
    schoolStage: text({ enum: members(SupportStage.options) }).notNull(),
    needed: smallint().notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    note: text(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedBy: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('teacher_support_needs_unit_idx').on(t.unitCode, t.schoolYear, t.id),
    check('teacher_support_needs_needed', sql`${t.needed} between 1 and 50`),
    check('teacher_support_needs_period', sql`${t.endsOn} > ${t.startsOn}`),
  ],
);

/**
 * 支教派遣: a teacher in post (the staff row at their own school, which they keep) sent to a need for a period; the
 * admitted entry through the gate (`teacher_entries`, kind `support`) holds the 准入查询. `unitCode` is the receiving
 * school's (the county that sees the need sees its dispatches).
 */
export const teacherSupportDispatches = pgTable(
  'teacher_support_dispatches',
  {
    id: serial().primaryKey(),
    needId: integer()
      .notNull()
      .references(() => teacherSupportNeeds.id),
    staffId: integer()
      .notNull()
      .references(() => teacherStaff.id),
    fromSchoolId: schoolRef(),
    fromUnitCode: unitRef(),
    schoolId: schoolRef(),
    unitCode: unitRef(),
    idIndex: varchar({ length: 64 }).notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    entryId: integer().references(() => teacherEntries.id),
    note: text(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('teacher_support_dispatches_need_idx').on(t.needId),
    index('teacher_support_dispatches_unit_idx').on(t.unitCode, t.id),
    index('teacher_support_dispatches_person_idx').on(t.idIndex),
    check('teacher_support_dispatches_period', sql`${t.endsOn} > ${t.startsOn}`),
  ],
);
