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
import { TrainingTier } from '@hyedu/domain/teachers';
import { schoolRef, unitRef } from './columns.ts';
import { members } from './members.ts';
import { orgUnits, schools } from './org.ts';
import { teacherStaff } from './teachers.ts';

/**
 * Training projects (国培/省培/市培 by the city 科室, 县培 by a county, 校本 by a school): the owner is `unitCode` (the
 * city's code for the city's tiers, the county's, or the school's county with `schoolId` for 校本).
 */
export const teacherTrainingProjects = pgTable(
  'teacher_training_projects',
  {
    id: serial().primaryKey(),
    tier: text({ enum: members(TrainingTier.options) }).notNull(),
    name: text().notNull(),
    code: text(),
    year: smallint().notNull(),
    organiser: text().notNull(),
    plannedHours: integer().notNull(),
    itCapability: boolean().notNull(),
    plannedParticipants: integer(),
    unitCode: varchar({ length: 6 })
      .notNull()
      .references(() => orgUnits.code),
    schoolId: integer().references(() => schools.id),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('teacher_training_projects_year_idx').on(t.year, t.tier, t.id),
    index('teacher_training_projects_unit_idx').on(t.unitCode, t.id),
    check('teacher_training_projects_hours', sql`${t.plannedHours} between 1 and 500`),
  ],
);

/**
 * A person's training record: the staff row it was entered for (`staffId`, at `schoolId`), the person's blind index
 * (hours follow the person across transfers), the project, hours earned, completed or not, and the day.
 */
export const teacherTrainingRecords = pgTable(
  'teacher_training_records',
  {
    id: serial().primaryKey(),
    projectId: integer()
      .notNull()
      .references(() => teacherTrainingProjects.id),
    staffId: integer()
      .notNull()
      .references(() => teacherStaff.id),
    idIndex: varchar({ length: 64 }).notNull(),
    schoolId: schoolRef(),
    unitCode: unitRef(),
    hours: integer().notNull(),
    completed: boolean().notNull(),
    recordedOn: date({ mode: 'string' }).notNull(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    // One record per person and project.
    uniqueIndex('teacher_training_records_person_idx').on(t.idIndex, t.projectId),
    // The list (newest first per county and school) and the KPIs per unit.
    index('teacher_training_records_unit_idx').on(t.unitCode, t.schoolId, t.id),
    index('teacher_training_records_project_idx').on(t.projectId),
    index('teacher_training_records_staff_idx').on(t.staffId),
    check('teacher_training_records_hours', sql`${t.hours} between 0 and 500`),
  ],
);

/**
 * The records counted per project and county (participants, of whom completed): a rollup `recountTraining` rebuilds for
 * the projects a transaction wrote, under the projects' row locks. The project list's figures, the records list's total
 * over the city's 190,000 records and the completion KPI read it.
 */
export const teacherTrainingCounts = pgTable(
  'teacher_training_counts',
  {
    projectId: integer()
      .notNull()
      .references(() => teacherTrainingProjects.id),
    unitCode: unitRef(),
    participants: integer().notNull(),
    completed: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.unitCode] })],
);
