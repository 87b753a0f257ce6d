import type { TRPCRouterRecord } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '@hyedu/db';
import { Term } from '@hyedu/domain';
import { listUnits } from '../../queries.ts';
import { readProcedure } from '../../trpc.ts';
import { loadSettings, recordScope } from './access.ts';
import { complianceByUnit, latestTerm } from './compliance.ts';
import { countedSql, countyLateSql, openSql, schoolLateSql } from './overdue.ts';

const { safetyHazards: h } = tables;
const read = readProcedure('safety');

export const complianceRouter = {
  /** The 4个100% by county-level unit for a term (default: the latest term reported), in display order. */
  compliance: read.input(z.object({ term: Term.optional() }).strict()).query(async ({ ctx, input }) => {
    const term = input.term ?? (await latestTerm(ctx.db, ctx.today));
    const settings = await loadSettings(ctx.db);
    const [units, rows] = await Promise.all([
      listUnits(ctx.db, ctx.scope),
      term ? complianceByUnit(ctx.db, ctx.scope, term, settings) : [],
    ]);
    return {
      term,
      fourth: settings.fourth,
      units: units.flatMap((u) => rows.filter((r) => r.unitCode === u.code).map((r) => ({ ...r, unitName: u.name }))),
    };
  }),
} satisfies TRPCRouterRecord;

export const hazardSummaryRouter = {
  /** Hazards by unit: registered, open, late at school (overdue) and late at county acceptance, 重大 open, awaiting acceptance, closed. */
  summary: read.query(async ({ ctx }) => {
    const today = ctx.today;
    const rows = await ctx.db
      .select({
        unitCode: h.unitCode,
        total: sql<number>`(count(*) filter (where ${countedSql()}))::int`,
        closed: sql<number>`(count(*) filter (where ${h.status} = 'closed'))::int`,
        open: sql<number>`(count(*) filter (where ${openSql()}))::int`,
        overdue: sql<number>`(count(*) filter (where ${schoolLateSql(today)}))::int`,
        lateAcceptance: sql<number>`(count(*) filter (where ${countyLateSql(today)}))::int`,
        majorOpen: sql<number>`(count(*) filter (where ${openSql()} and ${h.severity} = 'major'))::int`,
        awaiting: sql<number>`(count(*) filter (where ${h.status} = 'awaiting_acceptance'))::int`,
        noDeadline: sql<number>`(count(*) filter (where ${openSql()} and ${h.deadline} is null))::int`,
      })
      .from(h)
      .where(recordScope(ctx.scope, h))
      .groupBy(h.unitCode);
    const units = await listUnits(ctx.db, ctx.scope);
    const zero = { total: 0, closed: 0, open: 0, overdue: 0, lateAcceptance: 0, majorOpen: 0, awaiting: 0, noDeadline: 0 };
    return units.map((u) => ({ unitCode: u.code, unitName: u.name, ...zero, ...rows.find((r) => r.unitCode === u.code) }));
  }),
} satisfies TRPCRouterRecord;
