import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, serial, text, timestamp, unique, varchar } from 'drizzle-orm/pg-core';
import { KindergartenTerm } from '@hyedu/domain/private-edu';
import { schoolRef, unitRef } from './columns.ts';
import { members } from './members.ts';

/**
 * 学前三年毛入园率's denominator: a county's resident population aged 3–5 in one school year, entered by its bureau (or
 * the city), versioned against concurrent edits.
 */
export const privatePreschoolPopulations = pgTable(
  'private_preschool_populations',
  {
    unitCode: unitRef(),
    schoolYear: varchar({ length: 9 }).notNull(),
    population: integer().notNull(),
    updatedBy: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.schoolYear] }), check('private_preschool_populations_positive', sql`${t.population} > 0`)],
);

/** 保教费收费记录: the monthly 保教费 a private kindergarten charged in one term, in fen. */
export const privateKindergartenFees = pgTable(
  'private_kindergarten_fees',
  {
    id: serial().primaryKey(),
    schoolId: schoolRef(),
    unitCode: unitRef(),
    schoolYear: varchar({ length: 9 }).notNull(),
    term: text({ enum: members(KindergartenTerm.options) }).notNull(),
    feeCharged: integer().notNull(),
    note: text(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedBy: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    unique('private_kindergarten_fees_term_key').on(t.schoolId, t.schoolYear, t.term),
    index('private_kindergarten_fees_unit_idx').on(t.unitCode, t.schoolYear, t.id),
    check('private_kindergarten_fees_positive', sql`${t.feeCharged} > 0`),
  ],
);
