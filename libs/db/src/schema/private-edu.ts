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
import { OpinionVerdict } from '@hyedu/domain';
import {
  CONVERSION_WORKFLOW,
  DEFAULT_INSPECTION_GRADE_SCALE,
  GcmDisposal,
  GcmType,
  INSPECTION_WORKFLOW,
  InspectionAuthority,
  InspectionGradeScale,
  LEVER_WORKFLOW,
  LeverKind,
  LICENCE_WORKFLOW,
  LicenceCategory,
  LicenceKind,
  PartyOrg,
  Placement,
  PurchasedSeatsCountAs,
  StaffStatus,
} from '@hyedu/domain/private-edu';
import { schoolRef, unitRef } from './columns.ts';
import { members } from './members.ts';
import { orgUnits, schools } from './org.ts';

/** The private-education module (seed items 5 and 10; docs/domain/private-education.md). */

/** The city's counting rule and per-county caps of the private share (one settings row; absent → the domain's defaults). */
export const privateSettings = pgTable('private_settings', {
  id: smallint().primaryKey().default(1),
  purchasedSeatsCountAs: text({ enum: members(PurchasedSeatsCountAs.options) }).notNull(),
  /** The 年检 grade scale in use (a grade already given keeps its meaning: its enrolment stop is on the record). */
  inspectionGradeScale: text({ enum: members(InspectionGradeScale.options) })
    .notNull()
    .default(DEFAULT_INSPECTION_GRADE_SCALE),
  updatedBy: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
  version: integer().notNull().default(1),
});

/**
 * Per county and census: the pupils to move out of the private count by then, counted from the end-2020 census (调减
 * 台账的年度目标). The cap on the share itself is the dashboard's county target of the share KPI (kpi_county_targets).
 */
export const privateCountyTargets = pgTable(
  'private_county_targets',
  {
    unitCode: varchar({ length: 6 })
      .notNull()
      .references(() => orgUnits.code),
    schoolYear: varchar({ length: 9 }).notNull(),
    targetCut: integer().notNull(),
    updatedBy: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.schoolYear] }), check('private_county_targets_cut_nonneg', sql`${t.targetCut} >= 0`)],
);

/** A private school's registry entry (民办学校登记信息), beside its row in the school registry. */
export const privateProfiles = pgTable('private_profiles', {
  schoolId: integer()
    .primaryKey()
    .references(() => schools.id),
  unitCode: unitRef(),
  licenceNo: text().notNull(),
  uscc: varchar({ length: 18 }).notNull(),
  sponsor: text().notNull(),
  forProfit: boolean().notNull(),
  gcmType: text({ enum: members(GcmType.options) }),
  partyOrg: text({ enum: members(PartyOrg.options) }).notNull(),
  approvedIntake: integer().notNull(),
  updatedBy: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
  version: integer().notNull().default(1),
});

/** A lever that lowers the private share at one school (调减台账). */
export const privateLevers = pgTable(
  'private_levers',
  {
    id: serial().primaryKey(),
    schoolId: schoolRef(),
    unitCode: unitRef(),
    kind: text({ enum: members(LeverKind.options) }).notNull(),
    plannedYear: varchar({ length: 9 }).notNull(),
    /** Pupils affected, for the partial levers (购买学位, 压减); null for whole-school ones. */
    students: integer(),
    status: text({ enum: members(LEVER_WORKFLOW.states) }).notNull(),
    doneOn: date({ mode: 'string' }),
    note: text(),
    dropReason: text(),
    /** Set when the lever is a conversion case's disposal (written by the case, not by hand). */
    conversionId: integer(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('private_levers_unit_idx').on(t.unitCode, t.status, t.id),
    index('private_levers_school_idx').on(t.schoolId),
    uniqueIndex('private_levers_conversion_idx').on(t.conversionId),
    check('private_levers_students_pos', sql`${t.students} is null or ${t.students} > 0`),
  ],
);

/** A 公参民 conversion case: one per school. */
export const privateConversions = pgTable(
  'private_conversions',
  {
    id: serial().primaryKey(),
    schoolId: schoolRef().unique(),
    unitCode: unitRef(),
    type: text({ enum: members(GcmType.options) }).notNull(),
    publicPartner: text().notNull(),
    disposal: text({ enum: members(GcmDisposal.options) }),
    plan: text(),
    status: text({ enum: members(CONVERSION_WORKFLOW.states) }).notNull(),
    returnReason: text(),
    assetsOn: date({ mode: 'string' }),
    renameOn: date({ mode: 'string' }),
    legalPersonOn: date({ mode: 'string' }),
    studentsOn: date({ mode: 'string' }),
    completedOn: date({ mode: 'string' }),
    acceptedOn: date({ mode: 'string' }),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    submittedBy: text(),
    submittedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [index('private_conversions_unit_idx').on(t.unitCode, t.status, t.id)],
);

/**
 * A teacher affected by a conversion and their placement (教师安置). The person is keyed by the blind index of the ID
 * number (which the teacher registry will adopt); the number itself is stored encrypted.
 */
export const privateConversionTeachers = pgTable(
  'private_conversion_teachers',
  {
    id: serial().primaryKey(),
    caseId: integer()
      .notNull()
      .references(() => privateConversions.id),
    name: text().notNull(),
    idIndex: varchar({ length: 64 }).notNull(),
    idCipher: text().notNull(),
    staffStatus: text({ enum: members(StaffStatus.options) }).notNull(),
    placement: text({ enum: members(Placement.options) }),
    placedOn: date({ mode: 'string' }),
    placedAt: text(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('private_conversion_teachers_person_idx').on(t.caseId, t.idIndex),
    index('private_conversion_teachers_id_idx').on(t.idIndex),
  ],
);

/**
 * 民办学校年检: one per school and year, run by the school's approving authority (`authority`, fixed at creation from
 * the school's level). A failing grade records the year whose enrolment it stops (`enrolmentStoppedYear`).
 */
export const privateInspections = pgTable(
  'private_inspections',
  {
    id: serial().primaryKey(),
    schoolId: schoolRef(),
    unitCode: unitRef(),
    year: smallint().notNull(),
    authority: text({ enum: members(InspectionAuthority.options) }).notNull(),
    status: text({ enum: members(INSPECTION_WORKFLOW.states) }).notNull(),
    materials: text(),
    siteVisit: text(),
    notice: text(),
    rectifyBy: date({ mode: 'string' }),
    report: text(),
    grade: text(),
    conclusion: text(),
    enrolmentStoppedYear: smallint(),
    publishedOn: date({ mode: 'string' }),
    returnReason: text(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    submittedBy: text(),
    submittedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('private_inspections_school_year_idx').on(t.schoolId, t.year),
    index('private_inspections_unit_idx').on(t.unitCode, t.status, t.id),
  ],
);

/** A 科室 asked for its 联审 opinion on an inspection, and its answer (同意/有意见 with a text) once given. */
export const privateInspectionOpinions = pgTable(
  'private_inspection_opinions',
  {
    inspectionId: integer()
      .notNull()
      .references(() => privateInspections.id),
    dept: text().notNull(),
    verdict: text({ enum: members(OpinionVerdict.options) }),
    comment: text(),
    answeredBy: text(),
    answeredAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.inspectionId, t.dept] }), index('private_inspection_opinions_dept_idx').on(t.dept, t.inspectionId)],
);

/** 办学许可事项: a school's 设立/变更/延续/注销 case, decided by its approving authority (fixed when the case is opened). */
export const privateLicenceCases = pgTable(
  'private_licence_cases',
  {
    id: serial().primaryKey(),
    schoolId: schoolRef(),
    unitCode: unitRef(),
    kind: text({ enum: members(LicenceKind.options) }).notNull(),
    registration: text({ enum: members(LicenceCategory.options) }).notNull(),
    authority: text({ enum: members(InspectionAuthority.options) }).notNull(),
    licenceNo: text(),
    alteration: text(),
    note: text(),
    validUntil: date({ mode: 'string' }),
    status: text({ enum: members(LICENCE_WORKFLOW.states) }).notNull(),
    returnReason: text(),
    refusalReason: text(),
    decidedBy: text(),
    decidedAt: timestamp({ withTimezone: true }),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    submittedBy: text(),
    submittedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('private_licence_cases_unit_idx').on(t.unitCode, t.status, t.id),
    index('private_licence_cases_school_idx').on(t.schoolId, t.id),
  ],
);
