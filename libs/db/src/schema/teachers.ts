import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import {
  AdmissionResult,
  CertificateAction,
  ClueSource,
  EntryKind,
  ETHICS_WORKFLOW,
  Handling,
  PostCategory,
  ReviewOutcome,
  Sex,
  StaffingStatus,
} from '@hyedu/domain/teachers';
import { schoolRef, trigramIndex, unitRef } from './columns.ts';
import { members } from './members.ts';
import { schools } from './org.ts';

/**
 * The staff registry (教职员工): one row per person and school they work at. The person is keyed by the blind index of
 * the ID number (`idIndex`, the key the 公参民 placement records use); the number itself is stored encrypted. A person
 * is in post at one school at a time (`leftOn` null); a transfer ends the row and opens one at the new school.
 */
export const teacherStaff = pgTable(
  'teacher_staff',
  {
    id: serial().primaryKey(),
    schoolId: schoolRef(),
    unitCode: unitRef(),
    name: text().notNull(),
    idIndex: varchar({ length: 64 }).notNull(),
    idCipher: text().notNull(),
    birthDate: date({ mode: 'string' }).notNull(),
    sex: text({ enum: members(Sex.options) }).notNull(),
    status: text({ enum: members(StaffingStatus.options) }).notNull(),
    post: text({ enum: members(PostCategory.options) }).notNull(),
    title: text(),
    certificateNo: text(),
    subject: text(),
    joinedOn: date({ mode: 'string' }).notNull(),
    leftOn: date({ mode: 'string' }),
    nationalId: text(),
    /**
     * The person's 信息技术2.0 standing, kept by `refreshItStanding` in every transaction that writes their training
     * records or opens a staff row for them (a rollup, not a fact: not audited, no version): the last day on which the
     * IT 2.0 hours on record reach the rule (null: they never do), and the latest IT 2.0 record's day.
     */
    itMetUntil: date({ mode: 'string' }),
    itLastOn: date({ mode: 'string' }),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('teacher_staff_in_post_idx')
      .on(t.idIndex)
      .where(sql`${t.leftOn} is null`),
    // The lists and KPIs read staff in post only: ordered by unit and school, and (after a VACUUM has marked the pages
    // all-visible) counted and filtered by 用工性质, 岗位, name and 入职日期 (县管校聘 eligibility) from the index alone.
    index('teacher_staff_unit_idx')
      .on(t.unitCode, t.schoolId, t.id, t.status, t.post, t.name, t.joinedOn)
      .where(sql`${t.leftOn} is null`),
    index('teacher_staff_school_idx').on(t.schoolId, t.id),
    // 信息技术2.0 仅未达标 and its count: the teachers in post short of the hours, found from the rollup alone.
    index('teacher_staff_it_idx')
      .on(t.itMetUntil, t.unitCode, t.schoolId)
      .where(sql`${t.leftOn} is null and ${t.post} = 'teacher'`),
    index('teacher_staff_it_last_idx')
      .on(t.itLastOn)
      .where(sql`${t.leftOn} is null and ${t.post} = 'teacher'`),
    trigramIndex('teacher_staff_name_trgm_idx', t.name),
  ],
);

/**
 * Every entry of a person into a school — a hire or a transfer — with the 准入查询 made for it and the gate's outcome:
 * admitted entries point at the staff row they opened; refused ones keep the reason code and the person (the audit
 * says who tried).
 */
export const teacherEntries = pgTable(
  'teacher_entries',
  {
    id: serial().primaryKey(),
    kind: text({ enum: members(EntryKind.options) }).notNull(),
    idIndex: varchar({ length: 64 }).notNull(),
    staffId: integer().references(() => teacherStaff.id),
    fromSchoolId: integer().references(() => schools.id),
    schoolId: schoolRef(),
    unitCode: unitRef(),
    entersOn: date({ mode: 'string' }).notNull(),
    queriedOn: date({ mode: 'string' }),
    queryResult: text({ enum: members(AdmissionResult.options) }),
    refusal: text(),
    /**
     * A refused entry's person as the form or file gave them (an admitted entry's person is its staff row): the name
     * and the ID number encrypted like the registry's (`teacher_staff:<blind index>`), so the entries export names them.
     */
    name: text(),
    idCipher: text(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('teacher_entries_unit_idx').on(t.unitCode, t.id),
    index('teacher_entries_person_idx').on(t.idIndex),
    // The 准入查询 coverage KPI looks up each in-post person's entry.
    index('teacher_entries_staff_idx').on(t.staffId),
  ],
);

/** 师德失范 cases: the person (blind index, encrypted number, name at the time), the school, the clause, and each step's record. */
export const teacherEthicsCases = pgTable(
  'teacher_ethics_cases',
  {
    id: serial().primaryKey(),
    schoolId: schoolRef(),
    unitCode: unitRef(),
    staffId: integer().references(() => teacherStaff.id),
    name: text().notNull(),
    idIndex: varchar({ length: 64 }).notNull(),
    idCipher: text().notNull(),
    privateSchool: boolean().notNull(),
    clause: smallint().notNull(),
    source: text({ enum: members(ClueSource.options) }).notNull(),
    clue: text().notNull(),
    findings: text(),
    notifiedOn: date({ mode: 'string' }),
    defence: text(),
    hearing: boolean(),
    handling: text({ enum: members(Handling.options) }),
    effectiveOn: date({ mode: 'string' }),
    sanctionEndsOn: date({ mode: 'string' }),
    certificate: text({ enum: members(CertificateAction.options) }),
    decisionText: text(),
    appealReason: text(),
    reviewReason: text(),
    reviewOutcome: text({ enum: members(ReviewOutcome.options) }),
    dismissReason: text(),
    status: text({ enum: members(ETHICS_WORKFLOW.states) }).notNull(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    closedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('teacher_ethics_cases_unit_idx').on(t.unitCode, t.status, t.id),
    index('teacher_ethics_cases_person_idx').on(t.idIndex),
    check('teacher_ethics_cases_clause', sql`${t.clause} between 1 and 10`),
  ],
);

/**
 * The 黑名单: who (blind index and name), from when, until when (null: permanent), the case that put them there and the
 * county it was decided in. The gate reads every county's entries.
 */
export const teacherBlacklist = pgTable(
  'teacher_blacklist',
  {
    id: serial().primaryKey(),
    idIndex: varchar({ length: 64 }).notNull(),
    name: text().notNull(),
    caseId: integer()
      .notNull()
      .references(() => teacherEthicsCases.id),
    unitCode: unitRef(),
    fromDate: date({ mode: 'string' }).notNull(),
    untilDate: date({ mode: 'string' }),
    liftedOn: date({ mode: 'string' }),
    liftReason: text(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('teacher_blacklist_person_idx').on(t.idIndex), uniqueIndex('teacher_blacklist_case_idx').on(t.caseId)],
);

/**
 * The module's settings (one row; absent → the domain's defaults): the staffing standard, and the column mapping of the 全国教师管理信息系统 import —
 * per field the header texts of the national export, the fields left out taking `DEFAULT_IMPORT_MAPPING`. The city
 * 科室 sets it; every change is audited.
 */
export const teacherSettings = pgTable('teacher_settings', {
  id: smallint().primaryKey().default(1),
  importMapping: jsonb().$type<Partial<Record<string, string[]>>>().notNull().default({}),
  /** The city's staffing standard (students per member of staff per stage); a stage absent keeps the domain's default. */
  staffingStandard: jsonb().$type<Partial<Record<'primary' | 'junior' | 'senior', number>>>().notNull().default({}),
  updatedBy: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
  version: integer().notNull().default(1),
});
