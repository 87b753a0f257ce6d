import {
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
import { FIVE_ITEMS_WORKFLOW, FiveItemsTerm, type FiveItemsGradeRow } from '@hyedu/domain/private-edu';
import { schoolRef, unitRef } from './columns.ts';
import { members } from './members.ts';

/**
 * 五项管理 returns: one per school and term (作业、睡眠、手机、读物、体质 and 课后服务), with its review state. The per-grade
 * figures sit in `grades`; `compliant` and `breaches` are the judgement made with the county's 下班时间 when the return
 * was last saved or stepped (the list filters and the KPI read them).
 */
export const privateFiveItemsReturns = pgTable(
  'private_five_items_returns',
  {
    id: serial().primaryKey(),
    schoolId: schoolRef(),
    unitCode: unitRef(),
    term: text({ enum: members(FiveItemsTerm.options) }).notNull(),
    status: text({ enum: members(FIVE_ITEMS_WORKFLOW.states) }).notNull(),
    grades: jsonb().$type<FiveItemsGradeRow[]>().notNull(),
    phoneManaged: boolean().notNull(),
    phoneWrittenRequest: boolean().notNull(),
    readingReviewed: boolean().notNull(),
    afterSchoolCovered: integer().notNull(),
    afterSchoolWilling: integer().notNull(),
    afterSchoolEnd: varchar({ length: 5 }).notNull(),
    note: text(),
    compliant: boolean().notNull(),
    breaches: smallint().notNull(),
    returnReason: text(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedBy: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    submittedBy: text(),
    submittedAt: timestamp({ withTimezone: true }),
    decidedBy: text(),
    decidedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('private_five_items_returns_school_term_idx').on(t.schoolId, t.term),
    index('private_five_items_returns_unit_idx').on(t.unitCode, t.term, t.status, t.id),
  ],
);

/** 下班时间 per county; the row of the city's code is the default for counties without their own. */
export const privateFiveItemsWorkEnd = pgTable('private_five_items_work_end', {
  unitCode: unitRef().primaryKey(),
  workEnd: varchar({ length: 5 }).notNull(),
  updatedBy: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
  version: integer().notNull().default(1),
});

/** A term's due date, when the city sets one other than the bureau's default. */
export const privateFiveItemsDue = pgTable('private_five_items_due', {
  term: text({ enum: members(FiveItemsTerm.options) }).primaryKey(),
  due: date({ mode: 'string' }).notNull(),
  updatedBy: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
  version: integer().notNull().default(1),
});
