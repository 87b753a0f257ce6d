import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { DivisionCode, textField, type DataScope } from '@hyedu/domain';
import {
  CaseSource,
  DEFAULT_ENFORCEMENT_DEADLINES,
  EnforcementStatus,
  HandlerLevel,
  ViolationType,
  type StageDeadline,
} from '@hyedu/domain/private-edu';
import { Page } from '../../../inputs.ts';
import { containsText } from '../../../queries.ts';
import { scoped } from '../../../scoped.ts';
import { unitInScope, unitRecordScope } from '../../funding/access.ts';

const { privateEnforcementCases: r, orgUnits } = tables;
export const TARGET = 'private_enforcement_case';
export const EVIDENCE = `${TARGET}:evidence`;
export { unitInScope };

export const EnforcementFilter = Page.extend({
  unitCode: DivisionCode.optional(),
  status: EnforcementStatus.optional(),
  violation: ViolationType.optional(),
  clueSource: CaseSource.optional(),
  handlerLevel: HandlerLevel.optional(),
  overdue: z.boolean({ message: '逾期筛选应为是或否' }).optional(),
  q: textField(40, '搜索词').optional(),
}).strict();
export type EnforcementFilter = z.infer<typeof EnforcementFilter>;

/** A case's scope: the city all, a county its own unit's cases, a school none. */
export const caseScope = (scope: DataScope) => unitRecordScope(scope, r.unitCode);

/** The due day of the current stage as SQL, built from the declared deadline table (`enforcementDue`). */
export function dueSql(table: readonly StageDeadline[] = DEFAULT_ENFORCEMENT_DEADLINES): SQL<string | null> {
  const branches = table.map(
    (d) =>
      sql`when ${inArray(r.status, [...d.states])} then ${d.from === 'clueOn' ? r.clueOn : r.filedOn} + ${sql.raw(String(Math.trunc(d.days)))}`,
  );
  return sql<string | null>`(case ${sql.join(branches, sql` `)} else null end)`;
}
/** Overdue as SQL: the due day is before `today` (`enforcementOverdue`). */
export const overdueSql = (today: string) => sql<boolean>`coalesce(${dueSql()} < ${today}::date, false)`;

/** The list's filter as SQL (the list and its export). */
export const enforcementWhere = (ctx: { scope: DataScope; today: string }, f: Omit<EnforcementFilter, 'page' | 'pageSize'>) =>
  and(
    caseScope(ctx.scope),
    f.unitCode ? eq(r.unitCode, f.unitCode) : undefined,
    f.status ? eq(r.status, f.status) : undefined,
    f.violation ? eq(r.violation, f.violation) : undefined,
    f.clueSource ? eq(r.clueSource, f.clueSource) : undefined,
    f.handlerLevel ? eq(r.handlerLevel, f.handlerLevel) : undefined,
    f.overdue === undefined ? undefined : f.overdue ? overdueSql(ctx.today) : sql`not ${overdueSql(ctx.today)}`,
    f.q
      ? or(
          containsText(r.subjectName, f.q),
          containsText(r.subjectAddress, f.q),
          containsText(r.caseNo, f.q),
          eq(r.uscc, f.q.toUpperCase()),
        )
      : undefined,
  );

/** The cases matching `where`, newest 线索 first (the list's and the export's rows). */
export const enforcementRows = (db: Db, where: SQL | undefined, today: string) =>
  db
    .select({
      id: r.id,
      unitCode: r.unitCode,
      unitName: orgUnits.name,
      handlerLevel: r.handlerLevel,
      subjectName: r.subjectName,
      subjectAddress: r.subjectAddress,
      uscc: r.uscc,
      violation: r.violation,
      covertForm: r.covertForm,
      clueSource: r.clueSource,
      clueOn: r.clueOn,
      status: r.status,
      caseNo: r.caseNo,
      filedOn: r.filedOn,
      penalties: r.penalties,
      fineFen: r.fineFen,
      closedOn: r.closedOn,
      due: sql<string | null>`${dueSql()}::text`,
      overdue: overdueSql(today),
    })
    .from(r)
    .innerJoin(orgUnits, eq(orgUnits.code, r.unitCode))
    .where(where)
    .orderBy(desc(r.clueOn), desc(r.id));

/** A case in the caller's scope, or the one NOT_FOUND (audited). */
export const visibleCase = (ctx: { db: Db; scope: DataScope }, id: number) =>
  scoped(
    TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(r)
          .where(and(eq(r.id, id), caseScope(ctx.scope)))
      )[0],
  );
