import { date, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { PUHUI_WORKFLOW } from '@hyedu/domain/private-edu';
import { schoolRef, unitRef } from './columns.ts';
import { members } from './members.ts';

/**
 * 普惠性民办园认定: one case per application of a private kindergarten, with its workflow state; money in integer fen
 * (the 保教费 asked per month; on 认定 the fee cap per month and the subsidy per child and year).
 */
export const privatePuhuiRecognitions = pgTable(
  'private_puhui_recognitions',
  {
    id: serial().primaryKey(),
    schoolId: schoolRef(),
    unitCode: unitRef(),
    feeAsked: integer().notNull(),
    note: text(),
    status: text({ enum: members(PUHUI_WORKFLOW.states) }).notNull(),
    feeCap: integer(),
    subsidy: integer(),
    validFrom: date({ mode: 'string' }),
    revokedOn: date({ mode: 'string' }),
    returnReason: text(),
    refusalReason: text(),
    revocationReason: text(),
    decidedBy: text(),
    decidedAt: timestamp({ withTimezone: true }),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    submittedBy: text(),
    submittedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('private_puhui_recognitions_unit_idx').on(t.unitCode, t.status, t.id),
    index('private_puhui_recognitions_school_idx').on(t.schoolId, t.id),
  ],
);
