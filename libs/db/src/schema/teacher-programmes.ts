import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, serial, smallint, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { Programme, ProgrammePersonStatus } from '@hyedu/domain/teachers';
import { schoolRef, unitRef } from './columns.ts';
import { members } from './members.ts';
import { teacherStaff } from './teachers.ts';

/**
 * Teacher supply programmes (优师计划, 公费师范生, 特岗教师, 银龄讲学计划): the number planned per county, programme and
 * year, set by the city. Versioned per row; a quota never set reads as version 0.
 */
export const teacherProgrammeQuotas = pgTable(
  'teacher_programme_quotas',
  {
    id: serial().primaryKey(),
    unitCode: unitRef(),
    year: smallint().notNull(),
    programme: text({ enum: members(Programme.options) }).notNull(),
    planned: integer().notNull(),
    updatedBy: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('teacher_programme_quotas_key_idx').on(t.unitCode, t.year, t.programme),
    check('teacher_programme_quotas_planned', sql`${t.planned} >= 0`),
  ],
);

/**
 * The people of each programme and year, allocated to a county's school: the person (name, ID number encrypted beside
 * its blind index, as the registry keeps them — the same index links to their `teacher_staff` row when they are in
 * post there), the arrival, the service start and the obligation's end (`serviceEndsOn`), and an early departure with
 * its reason.
 */
export const teacherProgrammePersons = pgTable(
  'teacher_programme_persons',
  {
    id: serial().primaryKey(),
    programme: text({ enum: members(Programme.options) }).notNull(),
    year: smallint().notNull(),
    schoolId: schoolRef(),
    unitCode: unitRef(),
    staffId: integer().references(() => teacherStaff.id),
    name: text().notNull(),
    idIndex: varchar({ length: 64 }).notNull(),
    idCipher: text().notNull(),
    birthDate: date({ mode: 'string' }).notNull(),
    status: text({ enum: members(ProgrammePersonStatus.options) }).notNull(),
    arrivedOn: date({ mode: 'string' }),
    serviceStartOn: date({ mode: 'string' }),
    obligationEndsOn: date({ mode: 'string' }),
    leftOn: date({ mode: 'string' }),
    leftReason: text(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedBy: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('teacher_programme_persons_person_idx').on(t.idIndex, t.programme),
    index('teacher_programme_persons_unit_idx').on(t.unitCode, t.year, t.programme, t.status, t.id),
    index('teacher_programme_persons_end_idx').on(t.obligationEndsOn),
  ],
);

/** The programmes' settings (one row; absent → the domain's defaults): the 定向县 of the 优师计划, set by the city. */
export const teacherProgrammeSettings = pgTable('teacher_programme_settings', {
  id: smallint().primaryKey().default(1),
  targetedCounties: jsonb().$type<string[]>().notNull().default([]),
  updatedBy: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
  version: integer().notNull().default(1),
});
