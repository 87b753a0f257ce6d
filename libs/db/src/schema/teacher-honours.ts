import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, serial, smallint, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { HonourLevel, NOMINATION_WORKFLOW } from '@hyedu/domain/teachers';
import { schoolRef, unitRef } from './columns.ts';
import { members } from './members.ts';
import { teacherEntries, teacherStaff } from './teachers.ts';

/** 表彰评选: an honour round the city opens — name, year, level — with each county's quota of nominations. */
export const teacherHonourRounds = pgTable(
  'teacher_honour_rounds',
  {
    id: serial().primaryKey(),
    name: text().notNull(),
    year: smallint().notNull(),
    level: text({ enum: members(HonourLevel.options) }).notNull(),
    /** Nominations each unit (county, or the city for 局直 schools) may make, by unit code. */
    quotas: jsonb().$type<Record<string, number>>().notNull(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [index('teacher_honour_rounds_year_idx').on(t.year, t.id)],
);

/**
 * 表彰推荐: a teacher in post put up for a round by their county (`NOMINATION_WORKFLOW`); the admitted entry through the
 * gate (`teacher_entries`, kind `nomination`). One nomination per person and round (a withdrawn one aside).
 */
export const teacherNominations = pgTable(
  'teacher_nominations',
  {
    id: serial().primaryKey(),
    roundId: integer()
      .notNull()
      .references(() => teacherHonourRounds.id),
    staffId: integer()
      .notNull()
      .references(() => teacherStaff.id),
    schoolId: schoolRef(),
    unitCode: unitRef(),
    idIndex: varchar({ length: 64 }).notNull(),
    name: text().notNull(),
    deeds: text().notNull(),
    status: text({ enum: members(NOMINATION_WORKFLOW.states) }).notNull(),
    reason: text(),
    entryId: integer().references(() => teacherEntries.id),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    decidedBy: text(),
    decidedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('teacher_nominations_round_idx').on(t.roundId, t.unitCode, t.status),
    index('teacher_nominations_unit_idx').on(t.unitCode, t.id),
    uniqueIndex('teacher_nominations_person_idx')
      .on(t.roundId, t.idIndex)
      .where(sql`${t.status} <> 'withdrawn'`),
    check('teacher_nominations_deeds', sql`length(${t.deeds}) > 0`),
  ],
);
