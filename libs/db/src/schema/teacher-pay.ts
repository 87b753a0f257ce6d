import { boolean, date, index, integer, jsonb, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { PAY_RECTIFICATION_WORKFLOW, PAY_RETURN_WORKFLOW, type PayFindingKind } from '@hyedu/domain/teachers';
import { unitRef } from './columns.ts';
import { members } from './members.ts';

/**
 * 教师工资保障 returns: one per county-level unit and year — the average annual pay of its 义务教育 teachers and of its
 * civil servants (fen), the teachers' components, the 联动机制, and the days the 年终一次性奖励 was paid to each — with
 * its review state. `below` and `bonusLate` are the domain's rules applied when the figures were last saved (the
 * comparison's filters and the KPI read them).
 */
export const teacherPayReturns = pgTable(
  'teacher_pay_returns',
  {
    id: serial().primaryKey(),
    unitCode: unitRef(),
    year: smallint().notNull(),
    status: text({ enum: members(PAY_RETURN_WORKFLOW.states) }).notNull(),
    teacherAvgPay: integer().notNull(),
    civilServantAvgPay: integer().notNull(),
    teacherBasePay: integer(),
    teacherPerformancePay: integer(),
    teacherBonus: integer(),
    linkageEstablished: boolean().notNull(),
    linkageDocument: text(),
    civilServantBonusOn: date({ mode: 'string' }),
    teacherBonusOn: date({ mode: 'string' }),
    note: text(),
    below: boolean().notNull(),
    bonusLate: boolean().notNull(),
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
    uniqueIndex('teacher_pay_returns_unit_year_idx').on(t.unitCode, t.year),
    index('teacher_pay_returns_year_idx').on(t.year, t.status),
  ],
);

/** 督查整改 cases: the city opens one for a county and year found below the benchmark or late with the bonus. */
export const teacherPayRectifications = pgTable(
  'teacher_pay_rectifications',
  {
    id: serial().primaryKey(),
    unitCode: unitRef(),
    year: smallint().notNull(),
    status: text({ enum: members(PAY_RECTIFICATION_WORKFLOW.states) }).notNull(),
    findingKinds: jsonb().$type<PayFindingKind[]>().notNull(),
    findingText: text().notNull(),
    deadline: date({ mode: 'string' }).notNull(),
    measures: text(),
    returnReason: text(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    reportedBy: text(),
    reportedAt: timestamp({ withTimezone: true }),
    closedBy: text(),
    closedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [index('teacher_pay_rectifications_unit_idx').on(t.unitCode, t.year, t.status, t.id)],
);
