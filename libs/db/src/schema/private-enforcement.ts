import { boolean, date, index, integer, pgTable, serial, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { CaseSource, CovertForm, DecisionType, ENFORCEMENT_WORKFLOW, HandlerLevel, ViolationType } from '@hyedu/domain/private-edu';
import { unitRef } from './columns.ts';
import { members } from './members.ts';
import { privateTrainingInstitutions } from './private-training.ts';

/**
 * 校外培训执法案件: one case against an off-campus training operator, named by name, address and 统一社会信用代码 (many are
 * unlicensed and in no register). `institution_id` points at the training-institution register when the operator is
 * in it (no foreign key here: the register is another part's table). The case belongs to a county (`unit_code`) and is
 * handled by the county or, once taken up, by the city (`handler_level`). Money in integer fen.
 */
export const privateEnforcementCases = pgTable(
  'private_enforcement_cases',
  {
    id: serial().primaryKey(),
    unitCode: unitRef(),
    handlerLevel: text({ enum: members(HandlerLevel.options) }).notNull(),
    institutionId: integer().references(() => privateTrainingInstitutions.id),
    subjectName: text().notNull(),
    subjectAddress: text().notNull(),
    uscc: varchar({ length: 18 }),
    violation: text({ enum: members(ViolationType.options) }).notNull(),
    covertForm: text({ enum: members(CovertForm.options) }),
    clueSource: text({ enum: members(CaseSource.options) }).notNull(),
    clueOn: date({ mode: 'string' }).notNull(),
    summary: text().notNull(),
    prepaidFrom: date({ mode: 'string' }),
    prepaidTo: date({ mode: 'string' }),
    prepaidLessons: integer(),
    prepaidAmount: integer(),
    status: text({ enum: members(ENFORCEMENT_WORKFLOW.states) }).notNull(),
    filedOn: date({ mode: 'string' }),
    caseNo: text(),
    declineReason: text(),
    notifiedOn: date({ mode: 'string' }),
    hearingRequested: boolean(),
    representation: text(),
    decidedOn: date({ mode: 'string' }),
    decisionNo: text(),
    penalties: text({ enum: members(DecisionType.options) }).array(),
    fineFen: integer(),
    confiscatedFen: integer(),
    executedOn: date({ mode: 'string' }),
    executionResult: text(),
    closedOn: date({ mode: 'string' }),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('private_enforcement_cases_unit_idx').on(t.unitCode, t.status, t.id),
    index('private_enforcement_cases_filed_idx').on(t.filedOn),
    index('private_enforcement_cases_institution_idx').on(t.institutionId),
  ],
);
