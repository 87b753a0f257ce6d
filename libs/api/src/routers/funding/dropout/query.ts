import { and, asc, desc, eq, ilike, inArray, isNotNull, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { DivisionCode, RecordId, textField, type DataScope } from '@hyedu/domain';
import { DROPOUT_COUNTED_STATES, DropoutGroup, DropoutReason, DropoutStatus } from '@hyedu/domain/funding';
import { Page } from '../../../inputs.ts';
import { contains } from '../../../queries.ts';
import { caseScope } from './access.ts';

const { fundingDropoutCases: c, schools, orgUnits } = tables;

/** Which ledger: 疑似辍学台账 (unverified), 辍学学生台账 (every confirmed dropout), or the dropouts open now (the KPI's). */
export const DropoutLedger = z.enum(['suspected', 'dropout', 'open'], { message: '台账类型无效' });
export type DropoutLedger = z.infer<typeof DropoutLedger>;

export const DropoutFilter = Page.extend({
  unitCode: DivisionCode.optional(),
  schoolId: RecordId.optional(),
  ledger: DropoutLedger.optional(),
  status: DropoutStatus.optional(),
  reason: DropoutReason.optional(),
  group: DropoutGroup.optional(),
  q: textField(40, '搜索词').optional(),
}).strict();
export type DropoutFilter = z.infer<typeof DropoutFilter>;

const LEDGER: Record<DropoutLedger, SQL> = {
  suspected: eq(c.status, 'suspected'),
  dropout: isNotNull(c.confirmedOn),
  open: inArray(c.status, [...DROPOUT_COUNTED_STATES]),
};

/** The list's filter as SQL (the list and its export). A name is searched only by who sees names. */
export function dropoutWhere(scope: DataScope, f: Omit<DropoutFilter, 'page' | 'pageSize'>, names: boolean): SQL | undefined {
  return and(
    caseScope(scope),
    f.unitCode ? eq(c.unitCode, f.unitCode) : undefined,
    f.schoolId ? eq(c.schoolId, f.schoolId) : undefined,
    f.ledger ? LEDGER[f.ledger] : undefined,
    f.status ? eq(c.status, f.status) : undefined,
    f.reason ? eq(c.reason, f.reason) : undefined,
    f.group ? eq(c.group, f.group) : undefined,
    f.q ? or(ilike(schools.name, contains(f.q)), names ? ilike(c.name, contains(f.q)) : undefined) : undefined,
  );
}

/** The cases matching `where`: latest found first. */
export const dropoutRows = (db: Db, where: SQL | undefined) =>
  db
    .select({
      id: c.id,
      schoolId: c.schoolId,
      schoolName: schools.name,
      unitCode: c.unitCode,
      unitName: orgUnits.name,
      name: c.name,
      idCipher: c.idCipher,
      idIndex: c.idIndex,
      birthDate: c.birthDate,
      grade: c.grade,
      reason: c.reason,
      group: c.group,
      foundOn: c.foundOn,
      status: c.status,
      confirmedOn: c.confirmedOn,
      returnedOn: c.returnedOn,
      homeTaughtOn: c.homeTaughtOn,
      closedOn: c.closedOn,
      attempts: c.attempts,
      version: c.version,
    })
    .from(c)
    .innerJoin(schools, eq(schools.id, c.schoolId))
    .innerJoin(orgUnits, eq(orgUnits.code, c.unitCode))
    .where(where)
    .orderBy(desc(c.foundOn), desc(c.id), asc(orgUnits.sortOrder));
