import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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
  AID_CHECK_WORKFLOW,
  AID_FOLLOW_UP_WORKFLOW,
  AidCategory,
  AidCheckerLevel,
  AidCheckProblem,
  AidCheckVerdict,
  AidItem,
  AidListKind,
  AidPaymentKind,
  AidStage,
  MatchOutcome,
  type AidAmounts,
  type AidListMapping,
  type AidTargetScope,
} from '@hyedu/domain/funding';
import { schoolRef, trigramIndex, unitRef } from './columns.ts';
import { members } from './members.ts';
import { schools } from './org.ts';

/**
 * 学生资助 (the aid half of the funding module). People are found by the blind index of their ID number (`id_index`),
 * the number itself stored encrypted (`id_cipher`, bound to `funding_aid:<id_index>`) with its masked form beside it
 * (first 6 + last 4) for the lists. Every record a county or school reads carries `unit_code` (and `school_id` once
 * the student is known), so scopes use indexes without joining the registry.
 */

/** The aid settings (one row; absent = the domain's defaults): the 100% target's scope and the amounts per year. */
export const fundingAidSettings = pgTable('funding_aid_settings', {
  id: smallint().primaryKey().default(1),
  target: jsonb().$type<AidTargetScope>().notNull(),
  amounts: jsonb().$type<AidAmounts>().notNull(),
  /** The lists' column mapping (absent: the domain's default headers). */
  listMapping: jsonb().$type<AidListMapping>(),
  updatedBy: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
  version: integer().notNull().default(1),
});

/** A child on one of the lists (脱贫户/监测对象, 低保, 特困, 残疾): once per list and person; the list's county. */
export const fundingAidListed = pgTable(
  'funding_aid_listed',
  {
    id: serial().primaryKey(),
    listKind: text({ enum: members(AidListKind.options) }).notNull(),
    category: text({ enum: members(AidCategory.options) }).notNull(),
    idIndex: varchar({ length: 64 }).notNull(),
    idCipher: text().notNull(),
    idMasked: varchar({ length: 18 }).notNull(),
    name: text().notNull(),
    unitCode: unitRef(),
    importedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('funding_aid_listed_person_idx').on(t.listKind, t.idIndex),
    index('funding_aid_listed_index_idx').on(t.idIndex),
    index('funding_aid_listed_unit_idx').on(t.unitCode),
  ],
);

/** The 学籍 records of listed children (an extract of the national student registry, never the whole registry). */
export const fundingAidStudents = pgTable(
  'funding_aid_students',
  {
    id: serial().primaryKey(),
    idIndex: varchar({ length: 64 }).notNull(),
    idCipher: text().notNull(),
    idMasked: varchar({ length: 18 }).notNull(),
    name: text().notNull(),
    studentNo: varchar({ length: 32 }).notNull(),
    schoolId: schoolRef(),
    unitCode: unitRef(),
    stage: text({ enum: members(AidStage.options) }).notNull(),
    grade: smallint().notNull(),
    boarding: boolean().notNull(),
    importedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('funding_aid_students_index_idx').on(t.idIndex),
    index('funding_aid_students_school_idx').on(t.schoolId),
    index('funding_aid_students_unit_idx').on(t.unitCode),
  ],
);

/**
 * The aid roll: payments per student (by the blind index, so a student paid before the extract knew them still
 * counts), item and semester. A regular payment is unique on student + item + semester (a retried request or import
 * never pays twice: ON CONFLICT DO NOTHING); a 补发 carries its reason and the request key that makes its retry
 * harmless.
 */
export const fundingAidPayments = pgTable(
  'funding_aid_payments',
  {
    id: serial().primaryKey(),
    idIndex: varchar({ length: 64 }).notNull(),
    studentId: integer().references(() => fundingAidStudents.id),
    schoolId: integer().references(() => schools.id),
    unitCode: unitRef(),
    item: text({ enum: members(AidItem.options) }).notNull(),
    semester: varchar({ length: 6 }).notNull(),
    kind: text({ enum: members(AidPaymentKind.options) }).notNull(),
    amount: integer().notNull(),
    paidOn: date({ mode: 'string' }).notNull(),
    reason: text(),
    requestKey: varchar({ length: 64 }),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('funding_aid_payments_regular_idx')
      .on(t.idIndex, t.item, t.semester)
      .where(sql`${t.kind} = 'regular'`),
    uniqueIndex('funding_aid_payments_request_idx').on(t.requestKey),
    index('funding_aid_payments_person_idx').on(t.idIndex, t.semester),
    index('funding_aid_payments_semester_idx').on(t.semester, t.unitCode, t.item),
    index('funding_aid_payments_school_idx').on(t.schoolId, t.semester),
  ],
);

/** One matching run: its semester, who ran it, how long it took and what it found. */
export const fundingAidRuns = pgTable('funding_aid_runs', {
  id: serial().primaryKey(),
  semester: varchar({ length: 6 }).notNull(),
  runBy: text().notNull(),
  runAt: timestamp({ withTimezone: true }).notNull(),
  millis: integer().notNull(),
  counts: jsonb()
    .$type<{
      listed: number;
      matched: number;
      unmatched: number;
      aided: number;
      unaided: number;
      eligible: number;
      eligibleAided: number;
    }>()
    .notNull(),
});

/**
 * The latest run's result, one row per listed person and semester: matched to a 学籍 record or not, aided or 应助未助,
 * whether the 100% target counts them. Replaced by each run; a payment turns its student's row to aided at once.
 */
export const fundingAidMatches = pgTable(
  'funding_aid_matches',
  {
    id: serial().primaryKey(),
    runId: integer()
      .notNull()
      .references(() => fundingAidRuns.id),
    semester: varchar({ length: 6 }).notNull(),
    idIndex: varchar({ length: 64 }).notNull(),
    name: text().notNull(),
    idMasked: varchar({ length: 18 }).notNull(),
    categories: text().array().notNull(),
    listKinds: text().array().notNull(),
    studentId: integer(),
    schoolId: integer(),
    unitCode: unitRef(),
    stage: text({ enum: members(AidStage.options) }),
    grade: smallint(),
    outcome: text({ enum: members(MatchOutcome.options) }).notNull(),
    inTarget: boolean().notNull(),
  },
  (t) => [
    uniqueIndex('funding_aid_matches_person_idx').on(t.semester, t.idIndex),
    index('funding_aid_matches_unit_idx').on(t.semester, t.unitCode, t.outcome, t.id),
    index('funding_aid_matches_school_idx').on(t.schoolId, t.semester, t.outcome),
    trigramIndex('funding_aid_matches_name_trgm_idx', t.name),
  ],
);

/** 应助未助 followed up until aided: one per student and semester, opened by the run, settled by the payment. */
export const fundingAidFollowUps = pgTable(
  'funding_aid_follow_ups',
  {
    id: serial().primaryKey(),
    semester: varchar({ length: 6 }).notNull(),
    idIndex: varchar({ length: 64 }).notNull(),
    studentId: integer()
      .notNull()
      .references(() => fundingAidStudents.id),
    schoolId: schoolRef(),
    unitCode: unitRef(),
    name: text().notNull(),
    idMasked: varchar({ length: 18 }).notNull(),
    categories: text().array().notNull(),
    stage: text({ enum: members(AidStage.options) }).notNull(),
    grade: smallint().notNull(),
    inTarget: boolean().notNull(),
    status: text({ enum: members(AID_FOLLOW_UP_WORKFLOW.states) }).notNull(),
    openedOn: date({ mode: 'string' }).notNull(),
    recognisedBy: text(),
    reason: text(),
    settledOn: date({ mode: 'string' }),
    updatedBy: text(),
    updatedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('funding_aid_follow_ups_person_idx').on(t.semester, t.idIndex),
    index('funding_aid_follow_ups_unit_idx').on(t.semester, t.unitCode, t.status, t.id),
    index('funding_aid_follow_ups_school_idx').on(t.schoolId, t.semester, t.status),
  ],
);

/**
 * 资助资金 per county (budget unit), semester and aid item: the city aid centre's 预算 and its 下达 to the county (amount,
 * date, 文号). 发放 is not stored: it is the aid roll's sum for the same unit, item and semester. Versioned.
 */
export const fundingAidFunds = pgTable(
  'funding_aid_funds',
  {
    id: serial().primaryKey(),
    unitCode: unitRef(),
    semester: varchar({ length: 6 }).notNull(),
    item: text({ enum: members(AidItem.options) }).notNull(),
    budget: bigint({ mode: 'number' }).notNull(),
    allocated: bigint({ mode: 'number' }).notNull().default(0),
    allocatedOn: date({ mode: 'string' }),
    documentNo: text(),
    note: text(),
    updatedBy: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [uniqueIndex('funding_aid_funds_key_idx').on(t.unitCode, t.semester, t.item)],
);

/**
 * 资助抽查: a sample of a semester's payments of a county (or one of its schools), drawn by the level in `checker_level`
 * (the city aid centre or the county). The seed and the population's size are kept with the drawn payments, so the
 * draw can be repeated (`drawSample`). The case follows `AID_CHECK_WORKFLOW`; the version guards results and steps.
 */
export const fundingAidChecks = pgTable(
  'funding_aid_checks',
  {
    id: serial().primaryKey(),
    semester: varchar({ length: 6 }).notNull(),
    unitCode: unitRef(),
    /** One school's payments, or null for the county's. */
    schoolId: integer().references(() => schools.id),
    checkerLevel: text({ enum: members(AidCheckerLevel.options) }).notNull(),
    size: smallint().notNull(),
    seed: bigint({ mode: 'number' }).notNull(),
    population: integer().notNull(),
    status: text({ enum: members(AID_CHECK_WORKFLOW.states) }).notNull(),
    rectification: text(),
    reason: text(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    closedOn: date({ mode: 'string' }),
    updatedBy: text(),
    updatedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('funding_aid_checks_unit_idx').on(t.semester, t.unitCode, t.id),
    index('funding_aid_checks_school_idx').on(t.schoolId, t.semester),
  ],
);

/** One sampled payment of a check, in the order drawn, and its result once recorded. */
export const fundingAidCheckItems = pgTable(
  'funding_aid_check_items',
  {
    id: serial().primaryKey(),
    checkId: integer()
      .notNull()
      .references(() => fundingAidChecks.id),
    paymentId: integer()
      .notNull()
      .references(() => fundingAidPayments.id),
    ord: smallint().notNull(),
    verdict: text({ enum: members(AidCheckVerdict.options) }),
    problem: text({ enum: members(AidCheckProblem.options) }),
    note: text(),
    recordedBy: text(),
    recordedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('funding_aid_check_items_payment_idx').on(t.checkId, t.paymentId),
    index('funding_aid_check_items_check_idx').on(t.checkId, t.ord),
  ],
);
