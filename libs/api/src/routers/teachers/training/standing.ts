import type { TRPCRouterRecord } from '@trpc/server';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { DivisionCode, SchoolRef, textField, type DataScope } from '@hyedu/domain';
import { IT_CAPABILITY_RULE, itWindowStart } from '@hyedu/domain/teachers';
import { Page } from '../../../inputs.ts';
import { containsText } from '../../../queries.ts';
import { recordScope } from '../../../record-scope.ts';
import { read } from './access.ts';
import { itHoursOf, itShort } from './query.ts';

const { teacherStaff: st, schools, orgUnits } = tables;

export const StandingFilter = Page.extend({
  unitCode: DivisionCode.optional(),
  schoolId: SchoolRef.optional(),
  short: z.boolean({ message: '是否仅显示未达标应为是或否' }).optional(),
  q: textField(20, '姓名').optional(),
}).strict();
export type StandingFilter = z.infer<typeof StandingFilter>;

/**
 * The teachers (专任教师 in post) of the caller's schools with their IT 2.0 hours in the window ending today; with
 * `short`, only those below the rule's hours.
 */
export function standingQuery(db: Db, scope: DataScope, f: Omit<StandingFilter, 'page' | 'pageSize'>, today: string) {
  const where = and(
    isNull(st.leftOn),
    eq(st.post, 'teacher'),
    recordScope(scope, st),
    f.unitCode ? eq(st.unitCode, f.unitCode) : undefined,
    f.schoolId ? eq(st.schoolId, f.schoolId) : undefined,
    f.q ? containsText(st.name, f.q) : undefined,
    // 仅显示未达标 reads the staff rows' rollup (`teacher_staff_it_idx`); the hours are summed for the page's rows alone.
    f.short ? itShort(today) : undefined,
  );
  return {
    rows: () =>
      db
        .select({
          staffId: st.id,
          name: st.name,
          schoolId: st.schoolId,
          schoolName: schools.name,
          unitName: orgUnits.name,
          employment: st.status,
          subject: st.subject,
          hours: itHoursOf(st.idIndex, today),
        })
        .from(st)
        .innerJoin(schools, eq(schools.id, st.schoolId))
        .innerJoin(orgUnits, eq(orgUnits.code, st.unitCode))
        .where(where)
        .orderBy(asc(st.unitCode), asc(st.schoolId), asc(st.id)),
    count: () =>
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(st)
        .where(where),
  };
}

const shortOf = (hours: number) => Math.max(0, IT_CAPABILITY_RULE.hours - hours);

/** 信息技术应用能力提升工程2.0 standing: each teacher's hours in the window and how many hours short. */
export const trainingStandingRouter = {
  list: read.input(StandingFilter).query(async ({ ctx, input }) => {
    const q = standingQuery(ctx.db, ctx.scope, input, ctx.today);
    const [rows, [total]] = await Promise.all([
      q
        .rows()
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      q.count(),
    ]);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      rule: { ...IT_CAPABILITY_RULE, from: itWindowStart(ctx.today), to: ctx.today },
      rows: rows.map((x) => ({ ...x, short: shortOf(x.hours), met: shortOf(x.hours) === 0 })),
    };
  }),
} satisfies TRPCRouterRecord;

export { shortOf };
