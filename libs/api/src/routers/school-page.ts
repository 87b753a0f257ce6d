import type { TRPCRouterRecord } from '@trpc/server';
import { and, count, desc, eq, gte, max, sql } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { beijingDate, countedTerm, indicatorsMet, SchoolRef, type DataScope } from '@hyedu/domain';
import { scopeCondition } from '../queries.ts';
import { scoped } from '../scoped.ts';
import { permission, readProcedure } from '../trpc.ts';
import { loadSettings, recordScope } from './safety/access.ts';
import { overdueSql } from './safety/overdue.ts';

const { schools, orgUnits, safetyProfiles: p, safetyHazards: h, safetyIncidents: inc, safetyActivities: act } = tables;

/** A year back from a Beijing date (the rolling 365 days the safety KPIs count). */
const yearBefore = (today: string) => new Date(new Date(`${today}T00:00:00+08:00`).getTime() - 365 * 86_400_000);

/** The safety module's records of one school, as counts with the latest dates (each links to the module's list). */
async function safetySummary(db: Db, scope: DataScope, schoolId: number, today: string) {
  const since = yearBefore(today);
  const mine = (t: typeof h | typeof p | typeof inc | typeof act) => and(eq(t.schoolId, schoolId), recordScope(scope, t));
  const [[profile], hazards, [incidents], [activities], settings] = await Promise.all([
    db.select().from(p).where(mine(p)).orderBy(desc(p.term)).limit(1),
    db
      .select({
        status: h.status,
        n: count(),
        overdue: sql<number>`count(*) filter (where ${overdueSql(today)})`.mapWith(Number),
        major: sql<number>`count(*) filter (where ${h.severity} = 'major')`.mapWith(Number),
      })
      .from(h)
      .where(mine(h))
      .groupBy(h.status),
    db
      .select({
        n: count(),
        latest: max(inc.occurredAt),
        open: sql<number>`count(*) filter (where ${inc.status} <> 'closed')`.mapWith(Number),
      })
      .from(inc)
      .where(and(mine(inc), gte(inc.occurredAt, since))),
    db
      .select({ n: count(), latest: max(act.heldOn) })
      .from(act)
      .where(and(mine(act), gte(act.heldOn, beijingDate(since)))),
    loadSettings(db),
  ]);
  const [school] = await db.select({ isBoarding: schools.isBoarding }).from(schools).where(eq(schools.id, schoolId));
  const byStatus = Object.fromEntries(hazards.map((r) => [r.status, r.n])) as Partial<Record<(typeof hazards)[number]['status'], number>>;
  return {
    compliance: profile
      ? {
          term: profile.term,
          // Current as the 4个100% figures count it: in a new term's first weeks the previous term still counts.
          current: profile.term >= countedTerm(today),
          review: profile.review,
          fourth: settings.fourth,
          met: indicatorsMet({ ...profile, isBoarding: school?.isBoarding ?? false }, settings.fourth, settings.norm),
        }
      : null,
    hazards: {
      total: hazards.reduce((s, r) => s + r.n, 0),
      open: hazards.filter((r) => r.status !== 'closed').reduce((s, r) => s + r.n, 0),
      overdue: hazards.reduce((s, r) => s + r.overdue, 0),
      awaitingAcceptance: byStatus.awaiting_acceptance ?? 0,
      closed: byStatus.closed ?? 0,
    },
    incidents: {
      lastYear: incidents?.n ?? 0,
      handling: incidents?.open ?? 0,
      latest: incidents?.latest ? beijingDate(incidents.latest) : null,
    },
    activities: { lastYear: activities?.n ?? 0, latest: activities?.latest ?? null },
  };
}

export const schoolPageRouter = {
  /**
   * One school's page: who it is and, per module the caller may read, a summary of its records there (each module in
   * that module's own scope). A school outside the caller's scope answers the one not-found message.
   */
  school: readProcedure('plan')
    .input(z.object({ schoolId: SchoolRef }).strict())
    .query(async ({ ctx, input }) => {
      const school = await scoped('school', input.schoolId, async () => {
        const [row] = await ctx.db
          .select({
            id: schools.id,
            code: schools.code,
            name: schools.name,
            unitCode: schools.unitCode,
            unitName: orgUnits.name,
            unitKind: orgUnits.kind,
            level: schools.level,
            ownership: schools.ownership,
            isBoarding: schools.isBoarding,
            runsBuses: schools.runsBuses,
            town: schools.town,
          })
          .from(schools)
          .innerJoin(orgUnits, eq(orgUnits.code, schools.unitCode))
          .where(and(eq(schools.id, input.schoolId), scopeCondition(ctx.scope)));
        return row;
      });
      const safety = await permission(ctx, 'safety', 'read');
      // Other modules with a school table (read-only lists): linked when the caller may read the school there.
      const lists: ('teachers' | 'private-edu')[] = [];
      for (const area of ['teachers', 'private-edu'] as const) {
        if (area === 'private-edu' && school.ownership !== 'private') continue;
        const p = await permission(ctx, area, 'read');
        if (
          p.allowed &&
          (
            await ctx.db
              .select({ id: schools.id })
              .from(schools)
              .where(and(eq(schools.id, school.id), scopeCondition(p.scope)))
          ).length
        )
          lists.push(area);
      }
      return {
        ...school,
        unitName: school.unitKind === 'city' ? '局直' : school.unitName,
        safety: safety.allowed ? await safetySummary(ctx.db, safety.scope, school.id, ctx.today) : null,
        /** Modules whose school list holds this school (the page links to them, filtered to it). */
        lists,
      };
    }),
} satisfies TRPCRouterRecord;
