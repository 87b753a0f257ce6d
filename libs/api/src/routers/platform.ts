import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { ModuleManifest, PlanYear } from '@hyedu/domain';
import { importProgress } from '../imports/progress.ts';
import { ImportUpload, SchoolFilter } from '../inputs.ts';
import { listSchools, listUnits, schoolWhere, studentsPerSchool } from '../queries.ts';
import { publicProcedure, readProcedure, sessionProcedure } from '../trpc.ts';

const { modules, schools, workPlans, workPlanSections, workPlanItems } = tables;
const read = readProcedure('platform');

/** The enabled modules of the registry, in menu order: the portal registers its remotes from this list. */
export async function enabledModules(db: Db) {
  const rows = await db
    .select({
      key: modules.key,
      title: modules.title,
      titleEn: modules.titleEn,
      basePath: modules.basePath,
      remoteEntry: modules.remoteEntry,
      version: modules.version,
      icon: modules.icon,
      sortOrder: modules.sortOrder,
      enabled: modules.enabled,
      items: modules.items,
    })
    .from(modules)
    .where(eq(modules.enabled, true))
    .orderBy(asc(modules.sortOrder));
  // The registry is data an administrator edits: validate it on the way out, too.
  return rows.map((r) => ModuleManifest.parse(r));
}

export const platformRouter = {
  /** Which database engine serves this instance. */
  health: publicProcedure.query(({ ctx }) => ({ ok: true as const, engine: ctx.engine })),

  /** The module registry: the portal registers its remotes from this list. */
  modules: read.query(({ ctx }) => enabledModules(ctx.db)),

  units: read.query(({ ctx }) => listUnits(ctx.db, ctx.scope)),

  planYears: read.query(
    async ({ ctx }) => await ctx.db.select({ year: workPlans.year, title: workPlans.title }).from(workPlans).orderBy(asc(workPlans.year)),
  ),

  /** One year's work plan: sections with their numbered items. */
  workPlan: read.input(z.object({ year: PlanYear }).strict()).query(async ({ ctx, input }) => {
    const [plan] = await ctx.db.select().from(workPlans).where(eq(workPlans.year, input.year));
    if (!plan) throw new TRPCError({ code: 'NOT_FOUND', message: `没有 ${input.year} 年的工作要点` });
    const [sections, items] = await Promise.all([
      ctx.db.select().from(workPlanSections).where(eq(workPlanSections.year, input.year)).orderBy(asc(workPlanSections.no)),
      ctx.db.select().from(workPlanItems).where(eq(workPlanItems.year, input.year)).orderBy(asc(workPlanItems.no)),
    ]);
    return {
      ...plan,
      sections: sections.map((s) => ({
        no: s.no,
        numeral: s.numeral,
        title: s.title,
        items: items.filter((i) => i.sectionNo === s.no).map((i) => ({ no: i.no, title: i.title, body: i.body, modules: i.modules })),
      })),
    };
  }),

  /** The school registry by county-level unit: schools by level and ownership, and students. */
  registryByUnit: read.query(async ({ ctx }) => {
    const sps = studentsPerSchool(ctx.db);
    const rows = await ctx.db
      .select({
        unitCode: schools.unitCode,
        level: schools.level,
        ownership: schools.ownership,
        schools: sql<number>`count(*)::int`,
        students: sql<number>`coalesce(sum(${sps.students}), 0)::int`,
      })
      .from(schools)
      .leftJoin(sps, eq(sps.schoolId, schools.id))
      .where(schoolWhere(ctx.scope))
      .groupBy(schools.unitCode, schools.level, schools.ownership);
    const units = await listUnits(ctx.db, ctx.scope);
    return units.map((u) => {
      const mine = rows.filter((r) => r.unitCode === u.code);
      const sum = (pick: (r: (typeof rows)[number]) => number, pred: (r: (typeof rows)[number]) => boolean = () => true) =>
        mine.filter(pred).reduce((a, r) => a + pick(r), 0);
      return {
        ...u,
        schools: sum((r) => r.schools),
        privateSchools: sum(
          (r) => r.schools,
          (r) => r.ownership === 'private',
        ),
        students: sum((r) => r.students),
        byLevel: Object.fromEntries(
          [...new Set(mine.map((r) => r.level))].map((level) => [
            level,
            sum(
              (r) => r.schools,
              (r) => r.level === level,
            ),
          ]),
        ),
      };
    });
  }),

  schools: read.input(SchoolFilter).query(({ ctx, input }) => listSchools(ctx.db, ctx.scope, input)),

  /** How far one of the caller's own imports has come (the import dialog polls it while the import call runs). */
  importProgress: sessionProcedure()
    .input(z.object({ key: ImportUpload.shape.progressKey.unwrap() }).strict())
    .query(({ ctx, input }) => importProgress(ctx.identity.username, input.key)),
} satisfies TRPCRouterRecord;
