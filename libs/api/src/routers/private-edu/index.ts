import type { TRPCRouterRecord } from '@trpc/server';
import { and, eq, like, or, sql } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { Grade, isWithinCap, privateCompulsoryShare, type EnrolmentCount } from '@hyedu/domain';
import { HENGYANG_TARGETS_2022 } from '@hyedu/domain/hengyang';
import { SchoolFilter } from '../../inputs.ts';
import { CURRENT_SCHOOL_YEAR, listSchools, listUnits, schoolWhere } from '../../queries.ts';
import { readProcedure } from '../../trpc.ts';
import { conversionRouter } from './conversion.ts';
import { leverRouter } from './lever.ts';

const { schools, schoolEnrolment } = tables;
const read = readProcedure('private-edu');

export const privateEduRouter = {
  levers: leverRouter,
  conversions: conversionRouter,
  /** 民办义务教育在校生占比 per unit and 市域, against the seed's ≤5% cap. */
  overview: read.query(async ({ ctx }) => {
    const rows = await ctx.db
      .select({
        unitCode: schools.unitCode,
        ownership: schools.ownership,
        grade: schoolEnrolment.grade,
        students: sql<number>`sum(${schoolEnrolment.students})::int`,
      })
      .from(schoolEnrolment)
      .innerJoin(schools, eq(schools.id, schoolEnrolment.schoolId))
      .where(
        and(
          eq(schoolEnrolment.schoolYear, CURRENT_SCHOOL_YEAR),
          schoolWhere(ctx.scope),
          or(like(schoolEnrolment.grade, 'P%'), like(schoolEnrolment.grade, 'J%')),
        ),
      )
      .groupBy(schools.unitCode, schools.ownership, schoolEnrolment.grade);
    const privateSchools = await ctx.db
      .select({ unitCode: schools.unitCode, n: sql<number>`count(*)::int` })
      .from(schools)
      .where(schoolWhere(ctx.scope, { ownership: 'private' }))
      .groupBy(schools.unitCode);
    const counts = (list: typeof rows): EnrolmentCount[] =>
      list.map((r) => ({ grade: Grade.parse(r.grade), ownership: r.ownership, students: r.students }));
    const cap = HENGYANG_TARGETS_2022.privateCompulsoryShareCap;
    const city = privateCompulsoryShare(counts(rows));
    const units = (await listUnits(ctx.db, ctx.scope)).map((u) => {
      const share = privateCompulsoryShare(counts(rows.filter((r) => r.unitCode === u.code)));
      return {
        ...u,
        ...share,
        withinCap: isWithinCap(share.share, cap),
        privateSchools: privateSchools.find((p) => p.unitCode === u.code)?.n ?? 0,
      };
    });
    return { cap, schoolYear: CURRENT_SCHOOL_YEAR, city: { ...city, withinCap: isWithinCap(city.share, cap) }, units };
  }),

  /** 民办 schools and their enrolment. */
  schools: read.input(SchoolFilter).query(({ ctx, input }) => listSchools(ctx.db, ctx.scope, { ...input, ownership: 'private' })),
} satisfies TRPCRouterRecord;
