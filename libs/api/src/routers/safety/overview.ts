import type { TRPCRouterRecord } from '@trpc/server';
import { eq, sql } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { SchoolFilter, UnitFilter } from '../../inputs.ts';
import { listSchools, listUnits, schoolWhere, studentsPerSchool } from '../../queries.ts';
import { readProcedure } from '../../trpc.ts';

const { schools } = tables;
const read = readProcedure('safety');

export const overviewRouter = {
  /** Schools by level and boarding status (寄宿制), city-wide or for one unit, plus the per-unit table. */
  overview: read.input(UnitFilter).query(async ({ ctx, input }) => {
    const sps = studentsPerSchool(ctx.db);
    const rows = await ctx.db
      .select({
        unitCode: schools.unitCode,
        level: schools.level,
        isBoarding: schools.isBoarding,
        schools: sql<number>`count(*)::int`,
        students: sql<number>`coalesce(sum(${sps.students}), 0)::int`,
      })
      .from(schools)
      .leftJoin(sps, eq(sps.schoolId, schools.id))
      .where(schoolWhere(ctx.scope, input))
      .groupBy(schools.unitCode, schools.level, schools.isBoarding);
    const levels = [...new Set(rows.map((r) => r.level))];
    const byLevel = levels.map((level) => {
      const mine = rows.filter((r) => r.level === level);
      return {
        level,
        schools: mine.reduce((a, r) => a + r.schools, 0),
        boarding: mine.filter((r) => r.isBoarding).reduce((a, r) => a + r.schools, 0),
        boardingStudents: mine.filter((r) => r.isBoarding).reduce((a, r) => a + r.students, 0),
      };
    });
    const units = (await listUnits(ctx.db, ctx.scope))
      .filter((u) => !input.unitCode || u.code === input.unitCode)
      .map((u) => {
        const mine = rows.filter((r) => r.unitCode === u.code);
        return {
          ...u,
          schools: mine.reduce((a, r) => a + r.schools, 0),
          boarding: mine.filter((r) => r.isBoarding).reduce((a, r) => a + r.schools, 0),
          boardingStudents: mine.filter((r) => r.isBoarding).reduce((a, r) => a + r.students, 0),
        };
      });
    return { byLevel, units };
  }),

  schools: read.input(SchoolFilter).query(({ ctx, input }) => listSchools(ctx.db, ctx.scope, input)),
} satisfies TRPCRouterRecord;
