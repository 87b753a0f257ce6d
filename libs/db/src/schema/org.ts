import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, serial, smallint, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { OrgUnitKind, Ownership, SchoolLevel } from '@hyedu/domain';
import { members } from './members.ts';

/** County-level units and the city itself (domain: OrgUnit). */
export const orgUnits = pgTable('org_units', {
  code: varchar({ length: 6 }).primaryKey(),
  name: text().notNull(),
  bureauName: text().notNull(),
  kind: text({ enum: members(OrgUnitKind.options) }).notNull(),
  parentCode: varchar({ length: 6 }),
  sortOrder: smallint().notNull(),
});

/** The school registry (L3). City-direct (局直) schools have unitCode = the city's code. */
export const schools = pgTable(
  'schools',
  {
    id: serial().primaryKey(),
    code: varchar({ length: 10 }).notNull().unique(),
    name: text().notNull(),
    unitCode: varchar({ length: 6 })
      .notNull()
      .references(() => orgUnits.code),
    town: text().notNull(),
    level: text({ enum: members(SchoolLevel.options) }).notNull(),
    ownership: text({ enum: members(Ownership.options) }).notNull(),
    isBoarding: boolean().notNull(),
    isRural: boolean().notNull(),
    /** Runs school buses (校车): only such a school is asked for 校车安全 education (the domain's campaignTopicsFor). */
    runsBuses: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('schools_unit_level_idx').on(t.unitCode, t.level),
    index('schools_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    check('schools_code_format', sql`${t.code} ~ '^[0-9]{10}$'`),
  ],
);

/** Students per school, school year and grade (学年初统计). */
export const schoolEnrolment = pgTable(
  'school_enrolment',
  {
    schoolId: integer()
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    schoolYear: varchar({ length: 9 }).notNull(),
    grade: varchar({ length: 2 }).notNull(),
    students: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.schoolYear, t.grade] }), check('school_enrolment_students_nonneg', sql`${t.students} >= 0`)],
);

/**
 * A school in one 学年初 census: its ownership that year and the compulsory seats the government bought there. With
 * school_enrolment this is the multi-year enrolment base: a conversion changes later censuses, never the baseline.
 */
export const schoolCensus = pgTable(
  'school_census',
  {
    schoolId: integer()
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    schoolYear: varchar({ length: 9 }).notNull(),
    ownership: text({ enum: members(Ownership.options) }).notNull(),
    purchasedSeats: integer().notNull().default(0),
    /**
     * The school's compulsory pupils (小学 + 初中 grades) in this census — the sum of its school_enrolment rows for
     * those grades, written in the same transaction by whoever writes the census (the 学年初统计 import, the demo
     * seed), so the share's figures city-wide add up census rows rather than every grade of every school.
     */
    compulsoryPupils: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.schoolYear] }),
    index('school_census_year_idx').on(t.schoolYear, t.ownership),
    check('school_census_purchased_nonneg', sql`${t.purchasedSeats} >= 0`),
    check('school_census_pupils_nonneg', sql`${t.compulsoryPupils} >= 0`),
  ],
);

/** Teaching staff per school and school year: 编制 quota and teachers in post. */
export const schoolStaffing = pgTable(
  'school_staffing',
  {
    schoolId: integer()
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    schoolYear: varchar({ length: 9 }).notNull(),
    quota: integer().notNull(),
    teachers: integer().notNull(),
    contractTeachers: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.schoolYear] }),
    check('school_staffing_nonneg', sql`${t.quota} >= 0 and ${t.teachers} >= 0 and ${t.contractTeachers} >= 0`),
  ],
);
