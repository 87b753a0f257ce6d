import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { DivisionCode, type DataScope } from '@hyedu/domain';
import { PayStatus, PayYear } from '@hyedu/domain/teachers';
import { Page } from '../../../inputs.ts';
import { unitRecordScope } from '../../funding/access.ts';

const { teacherPayReturns: r, orgUnits } = tables;

export const PayFilter = Page.extend({
  year: PayYear.optional(),
  unitCode: DivisionCode.optional(),
  status: PayStatus.optional(),
  below: z.boolean({ message: '是否低于公务员应为是或否' }).optional(),
  bonusLate: z.boolean({ message: '年终奖是否晚发应为是或否' }).optional(),
}).strict();
export type PayFilter = z.infer<typeof PayFilter>;

/** The list's filter as SQL (the list and its export). */
export const payWhere = (scope: DataScope, f: Omit<PayFilter, 'page' | 'pageSize'>): SQL | undefined =>
  and(
    unitRecordScope(scope, r.unitCode),
    f.year ? eq(r.year, f.year) : undefined,
    f.unitCode ? eq(r.unitCode, f.unitCode) : undefined,
    f.status ? eq(r.status, f.status) : undefined,
    f.below === undefined ? undefined : eq(r.below, f.below),
    f.bonusLate === undefined ? undefined : eq(r.bonusLate, f.bonusLate),
  );

/** The returns matching `where`: newest year first, then in the organisation's order. */
export const payRows = (db: Db, where: SQL | undefined) =>
  db
    .select({
      id: r.id,
      unitCode: r.unitCode,
      unitName: orgUnits.name,
      year: r.year,
      status: r.status,
      teacherAvgPay: r.teacherAvgPay,
      civilServantAvgPay: r.civilServantAvgPay,
      linkageEstablished: r.linkageEstablished,
      civilServantBonusOn: r.civilServantBonusOn,
      teacherBonusOn: r.teacherBonusOn,
      below: r.below,
      bonusLate: r.bonusLate,
      submittedAt: r.submittedAt,
      version: r.version,
    })
    .from(r)
    .innerJoin(orgUnits, eq(orgUnits.code, r.unitCode))
    .where(where)
    .orderBy(desc(r.year), asc(orgUnits.sortOrder), asc(r.id));
