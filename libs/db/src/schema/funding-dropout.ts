import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, serial, smallint, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { Grade } from '@hyedu/domain';
import {
  AttemptResult,
  DROPOUT_OPEN_STATES,
  DROPOUT_WORKFLOW,
  DropoutGroup,
  DropoutReason,
  DropoutReturnKind,
} from '@hyedu/domain/funding';
import { schoolRef, unitRef } from './columns.ts';
import { members } from './members.ts';
import { schools } from './org.ts';

/**
 * 控辍保学台账: one row per child found out of school (疑似辍学) at a school teaching compulsory grades, with its state
 * (DROPOUT_WORKFLOW) and the days of its steps. The child's ID number is stored encrypted (bound to its blind index),
 * the blind index finding the child's open case: one open case per child (a partial unique index).
 */
export const fundingDropoutCases = pgTable(
  'funding_dropout_cases',
  {
    id: serial().primaryKey(),
    schoolId: schoolRef(),
    unitCode: unitRef(),
    name: text().notNull(),
    idIndex: varchar({ length: 64 }).notNull(),
    idCipher: text().notNull(),
    birthDate: date({ mode: 'string' }).notNull(),
    grade: text({ enum: members(Grade.options) }).notNull(),
    reason: text({ enum: members(DropoutReason.options) }).notNull(),
    group: text({ enum: members(DropoutGroup.options) }).notNull(),
    foundOn: date({ mode: 'string' }).notNull(),
    note: text(),
    status: text({ enum: members(DROPOUT_WORKFLOW.states) }).notNull(),
    confirmedOn: date({ mode: 'string' }),
    clearedReason: text(),
    returnedOn: date({ mode: 'string' }),
    homeTaughtOn: date({ mode: 'string' }),
    closedOn: date({ mode: 'string' }),
    attempts: smallint().notNull().default(0),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('funding_dropout_cases_unit_idx').on(t.unitCode, t.status, t.id),
    index('funding_dropout_cases_school_idx').on(t.schoolId, t.status),
    index('funding_dropout_cases_found_idx').on(t.foundOn, t.id),
    uniqueIndex('funding_dropout_cases_open_idx')
      .on(t.idIndex)
      .where(sql.raw(`status in (${DROPOUT_OPEN_STATES.map((s) => `'${s}'`).join(', ')})`)),
  ],
);

/** 劝返 attempts: one row per visit (date, who went, what came of it), written by the step that records it. */
export const fundingDropoutAttempts = pgTable(
  'funding_dropout_attempts',
  {
    id: serial().primaryKey(),
    caseId: integer()
      .notNull()
      .references(() => fundingDropoutCases.id),
    on: date({ mode: 'string' }).notNull(),
    persons: text().notNull(),
    result: text({ enum: members(AttemptResult.options) }).notNull(),
    note: text(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('funding_dropout_attempts_case_idx').on(t.caseId, t.on)],
);

/**
 * 控辍保学 returns: a school's monthly return (`school_month`, period '2022-10', the school) and a county's quarterly
 * review (`county_quarter`, period '2022-Q3', no school). The ledger's figures are taken when it is filed; `due_on` is
 * the domain's due day (`returnDue`), kept so the lists filter on a column.
 */
export const fundingDropoutReturns = pgTable(
  'funding_dropout_returns',
  {
    id: serial().primaryKey(),
    kind: text({ enum: members(DropoutReturnKind.options) }).notNull(),
    period: varchar({ length: 7 }).notNull(),
    unitCode: unitRef(),
    schoolId: integer().references(() => schools.id),
    dueOn: date({ mode: 'string' }).notNull(),
    filedOn: date({ mode: 'string' }).notNull(),
    openCases: integer().notNull(),
    newCases: integer().notNull(),
    returnedCases: integer().notNull(),
    schoolsFiled: integer(),
    note: text(),
    filedBy: text().notNull(),
    filedAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('funding_dropout_returns_school_idx')
      .on(t.schoolId, t.period)
      .where(sql`school_id is not null`),
    uniqueIndex('funding_dropout_returns_county_idx')
      .on(t.unitCode, t.period)
      .where(sql`school_id is null`),
    index('funding_dropout_returns_list_idx').on(t.kind, t.unitCode, t.period),
  ],
);

/** 随迁子女 figures per county-level unit and 学年: all in compulsory education, in public schools, in bought seats. */
export const fundingMigrantFigures = pgTable(
  'funding_migrant_figures',
  {
    id: serial().primaryKey(),
    unitCode: unitRef(),
    schoolYear: varchar({ length: 9 }).notNull(),
    total: integer().notNull(),
    publicSchools: integer().notNull(),
    purchased: integer().notNull(),
    note: text(),
    updatedBy: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [uniqueIndex('funding_migrant_figures_unit_year_idx').on(t.unitCode, t.schoolYear)],
);
