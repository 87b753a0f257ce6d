import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, asc, count, desc, eq, gte, ilike, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { ActivityInput, beijingDate, coverageSince, SafetyTopic, type DataScope } from '@hyedu/domain';
import { auditChange } from '../../audit-change.ts';
import { afterKey, nextCursor, readCursor, type KeyPart } from '../../keyset.ts';
import { memoWithKpi } from '../../kpi/rollup.ts';
import { contains, scopeCondition } from '../../queries.ts';
import { listProcedure, readProcedure, writeProcedure } from '../../trpc.ts';
import { recordScope, schoolInScope } from './access.ts';
import { coversCampaignSql } from './campaign.ts';
import { ActivityFilter } from './inputs.ts';

const { safetyActivities: a, schools, orgUnits } = tables;
const read = readProcedure('safety');
const list = listProcedure('safety');
const write = writeProcedure('safety');

export function activityWhere(scope: DataScope, f: Partial<ActivityFilter>): SQL | undefined {
  const pattern = f.q ? contains(f.q) : undefined;
  return and(
    recordScope(scope, a),
    f.unitCode ? eq(a.unitCode, f.unitCode) : undefined,
    f.schoolId ? eq(a.schoolId, f.schoolId) : undefined,
    f.topic ? eq(a.topic, f.topic) : undefined,
    pattern ? or(ilike(schools.name, pattern), ilike(a.title, pattern)) : undefined,
  );
}

export const activityColumns = {
  id: a.id,
  schoolId: a.schoolId,
  schoolName: schools.name,
  unitCode: a.unitCode,
  unitName: orgUnits.name,
  topic: a.topic,
  heldOn: a.heldOn,
  title: a.title,
  participants: a.participants,
  note: a.note,
  createdBy: a.createdBy,
};
/** The list's order, newest first: also the key a long list pages by. */
const ACTIVITY_KEY: KeyPart[] = [
  { column: a.heldOn, desc: true, kind: 'string' },
  { column: a.id, desc: true, kind: 'number' },
];
export const activityRows = (db: Db, where: SQL | undefined) =>
  db
    .select(activityColumns)
    .from(a)
    .innerJoin(schools, eq(schools.id, a.schoolId))
    .innerJoin(orgUnits, eq(orgUnits.code, a.unitCode))
    .where(where)
    .orderBy(desc(a.heldOn), desc(a.id));

/**
 * Coverage per unit and topic over the rolling year: schools that held at least one activity of the topic (校车安全:
 * among the schools that run buses, `withBuses`), and schools that held every campaign topic that applies to them
 * (the dashboard's 专项安全教育学校覆盖率: 校车 only where the school runs buses), against the unit's schools.
 */
export async function coverageByUnit(db: Db, scope: DataScope, today: string) {
  const since = coverageSince(today);
  const perSchool = db
    .select({ schoolId: a.schoolId, topics: sql<string[]>`array_agg(distinct ${a.topic})`.as('topics') })
    .from(a)
    // The caller's scope here too, not only on the schools: a county's figures read its own activities (and, where the
    // table is partitioned by county, its own partition).
    .where(and(recordScope(scope, a), gte(a.heldOn, since), sql`${a.heldOn} <= ${today}`))
    .groupBy(a.schoolId)
    .as('per_school');
  const rows = await db
    .select({
      unitCode: schools.unitCode,
      schools: sql<number>`count(*)::int`,
      covered: sql<number>`(count(*) filter (where ${coversCampaignSql(perSchool.topics)}))::int`,
      // 校车安全 applies only to schools that run buses: its count is over those schools.
      withBuses: sql<number>`(count(*) filter (where ${schools.runsBuses}))::int`,
      byTopic: sql<Record<string, number>>`json_build_object(${sql.join(
        SafetyTopic.options.map(
          (t) =>
            sql`${t}::text, (count(*) filter (where ${sql.raw(`'${t}'`)} = any(${perSchool.topics})${t === 'school_bus' ? sql` and ${schools.runsBuses}` : sql``}))::int`,
        ),
        sql`, `,
      )})`,
    })
    .from(schools)
    .leftJoin(perSchool, eq(perSchool.schoolId, schools.id))
    .where(scopeCondition(scope))
    .groupBy(schools.unitCode);
  return { since, rows };
}

/**
 * Coverage as a scope sees it, memoised with the campaign-coverage KPI (so recording an activity drops it with the
 * KPI, on every instance): the city's and each county's computed at most once a minute, and under a stream of
 * records at most every `RECOMPUTE_GAP_MS`, each from its own activities (a county's from its own partition). A
 * school's is one school's rows, computed each time.
 */
export function scopedCoverage(db: Db, scope: DataScope, today: string, now = new Date()): ReturnType<typeof coverageByUnit> {
  if (scope.kind !== 'all' && scope.kind !== 'units') return coverageByUnit(db, scope, today);
  const who = scope.kind === 'all' ? 'all' : [...scope.unitCodes].sort().join(',');
  return memoWithKpi(db, 'safety.campaign-coverage', `${who}:${today}`, now, () => coverageByUnit(db, scope, today));
}

export const activitiesRouter = {
  /** One page of activities in the caller's scope. */
  list: list.input(ActivityFilter).query(async ({ ctx, input }) => {
    const where = activityWhere(ctx.scope, input);
    const after = readCursor(input.after, ACTIVITY_KEY);
    const [rows, [total]] = await Promise.all([
      after
        ? activityRows(ctx.db, and(where, afterKey(ACTIVITY_KEY, after))).limit(input.pageSize)
        : activityRows(ctx.db, where)
            .limit(input.pageSize)
            .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(a).innerJoin(schools, eq(schools.id, a.schoolId)).where(where),
    ]);
    const next = nextCursor(rows, input.pageSize, (r) => [r.heldOn, r.id]);
    return { total: total?.n ?? 0, page: input.page, pageSize: input.pageSize, rows, next };
  }),

  /** Coverage per county-level unit and topic over the last 365 days. */
  coverage: read.query(async ({ ctx }) => {
    const today = ctx.today;
    const { since, rows } = await scopedCoverage(ctx.db, ctx.scope, today);
    const units = await ctx.db.select({ code: orgUnits.code, name: orgUnits.name }).from(orgUnits).orderBy(asc(orgUnits.sortOrder));
    return {
      since,
      until: today,
      rows: units.flatMap((u) => rows.filter((r) => r.unitCode === u.code).map((r) => ({ ...r, unitName: u.name }))),
    };
  }),

  /**
   * Records an activity a school held (the school itself, or its county). An activity feeds the campaign coverage
   * only: the other safety KPIs are not recomputed after one is recorded.
   */
  create: write
    .meta({ moves: ['safety.campaign-coverage'] })
    .input(ActivityInput)
    .mutation(async ({ ctx, input }) => {
      const school = await schoolInScope(ctx, input.schoolId);
      if (input.heldOn > beijingDate(ctx.now)) throw new TRPCError({ code: 'BAD_REQUEST', message: '活动日期不能晚于今天' });
      const who = ctx.identity.username;
      const row = await ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(a)
          .values({ ...input, note: input.note || null, unitCode: school.unitCode, createdBy: who, createdAt: ctx.now })
          .returning({ id: a.id });
        await auditChange(tx, ctx, {
          action: 'safety.addActivity',
          targetType: 'safety_activity',
          targetId: String(row!.id),
          after: { school: school.code, ...input },
        });
        return row!;
      });
      return row;
    }),
} satisfies TRPCRouterRecord;

export const ActivityTopic = z.object({ topic: SafetyTopic });
