import type { TRPCRouterRecord } from '@trpc/server';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '@hyedu/db';
import { targetFor } from '@hyedu/domain';
import { HENGYANG_KPIS_2022 } from '@hyedu/domain/hengyang';
import { capStatus, leverCensus, projectedCounts, SchoolYear, shareOf, type ShareCounts } from '@hyedu/domain/private-edu';
import { SchoolFilter } from '../../inputs.ts';
import { countyTargets, yearOf } from '../../kpi/targets.ts';
import { listSchools, listUnits, schoolWhere } from '../../queries.ts';
import { inspectionFilesRouter, licenceFilesRouter, puhuiFilesRouter } from './case-exports.ts';
import { censusRouter } from './census-files.ts';
import { censusCounts, censusYears, countingRule, leverForecasts, type LeverForecast } from './census.ts';
import { conversionRouter } from './conversion.ts';
// 校外培训执法案件
import { enforcementRouter } from './enforcement/index.ts';
import { feesRouter } from './fees.ts';
import { conversionFilesRouter, leverFilesRouter, profileFilesRouter } from './files.ts';
import { fiveItemsRouter } from './five-items/index.ts';
import { inspectionRouter } from './inspection.ts';
import { leverRouter } from './lever.ts';
import { licenceRouter } from './licence.ts';
import { preschoolRouter } from './preschool.ts';
import { read } from './procedures.ts';
import { profileRouter } from './profile.ts';
import { puhuiRouter } from './puhui.ts';
import { settingsRouter } from './settings.ts';
import { trainingRouter } from './training/index.ts';

const { schools, schoolCensus } = tables;

const sumCounts = (all: Iterable<ShareCounts>): ShareCounts => {
  const out = { privateStudents: 0, totalStudents: 0 };
  for (const c of all) {
    out.privateStudents += c.privateStudents;
    out.totalStudents += c.totalStudents;
  }
  return out;
};

export const privateEduRouter = {
  puhui: { ...puhuiRouter, ...puhuiFilesRouter },
  preschool: preschoolRouter,
  fees: feesRouter,
  licences: { ...licenceRouter, ...licenceFilesRouter },
  inspections: { ...inspectionRouter, ...inspectionFilesRouter },
  levers: { ...leverRouter, ...leverFilesRouter },
  profiles: { ...profileRouter, ...profileFilesRouter },
  settings: settingsRouter,
  census: censusRouter,
  conversions: { ...conversionRouter, ...conversionFilesRouter },
  // 校外培训执法案件
  enforcement: enforcementRouter,
  // 校外培训机构
  training: trainingRouter,
  // 五项管理
  fiveItems: fiveItemsRouter,
  /**
   * 民办义务教育在校生占比 of one census (default the latest) per unit and 市域, each against its cap (the share KPI's
   * county target, else the seed's ≤5%), with the shares projected after the levers that census does not show yet
   * (done ones alone, and done with planned), and the city's share at every census on record.
   */
  overview: read.input(z.object({ year: SchoolYear.optional() }).strict().optional()).query(async ({ ctx, input }) => {
    const [years, rule, county, units] = await Promise.all([
      censusYears(ctx.db),
      countingRule(ctx.db),
      countyTargets(ctx.db, yearOf(ctx.today), ctx.now),
      listUnits(ctx.db, ctx.scope),
    ]);
    const latest = years.at(-1) ?? null;
    const year = input?.year && years.includes(input.year) ? input.year : latest;
    const def = HENGYANG_KPIS_2022.find((k) => k.id === 'private.compulsory-share')!;
    if (year === null) return { cap: def.target, rule, years, schoolYear: null, latest, trend: [], city: null, units: [] };
    const [all, levers, privateSchools] = await Promise.all([
      censusCounts(ctx.db, ctx.scope, rule),
      leverForecasts(ctx.db, ctx.scope, year, rule),
      ctx.db
        .select({ unitCode: schools.unitCode, n: sql<number>`count(*)::int` })
        .from(schoolCensus)
        .innerJoin(schools, eq(schools.id, schoolCensus.schoolId))
        .where(and(eq(schoolCensus.schoolYear, year), eq(schoolCensus.ownership, 'private'), schoolWhere(ctx.scope)))
        .groupBy(schools.unitCode),
    ]);
    const counts = all.get(year) ?? new Map<string, ShareCounts>();
    const trend = years.map((y) => ({ year: y, ...sumCounts((all.get(y) ?? new Map<string, ShareCounts>()).values()) }));
    const judge = (c: ShareCounts, cap: number, forecast: LeverForecast[]) => {
      const p = projectedCounts(c, year, forecast);
      const share = shareOf(c);
      return {
        ...c,
        share,
        cap,
        status: capStatus(share, cap),
        doneShare: p.doneShare,
        projectedShare: p.projectedShare,
        projectedStatus: capStatus(p.projectedShare, cap),
        plannedLevers: forecast.filter((l) => leverCensus(l)! > year).length,
      };
    };
    return {
      cap: def.target,
      rule,
      years,
      schoolYear: year,
      latest,
      trend: trend.map((t) => ({ ...t, share: shareOf(t) })),
      city: judge(sumCounts(counts.values()), def.target, levers),
      units: units.map((u) => ({
        ...u,
        ...judge(
          counts.get(u.code) ?? { privateStudents: 0, totalStudents: 0 },
          targetFor(def, u.code, county).target,
          levers.filter((l) => l.unitCode === u.code),
        ),
        privateSchools: privateSchools.find((p) => p.unitCode === u.code)?.n ?? 0,
      })),
    };
  }),

  /** 民办 schools and their enrolment. */
  schools: read.input(SchoolFilter).query(({ ctx, input }) => listSchools(ctx.db, ctx.scope, { ...input, ownership: 'private' })),
} satisfies TRPCRouterRecord;
