import type { TRPCRouterRecord } from '@trpc/server';
import { and, eq, sql } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { CURRENT_SCHOOL_YEAR, listUnits, schoolWhere } from '../../queries.ts';
import { readProcedure } from '../../trpc.ts';
// 学生资助
import { aidRouter } from './aid/index.ts';
import { allocationRouter } from './allocation.ts';
// 控辍保学与随迁子女
import { dropoutRouter, migrantRouter } from './dropout/index.ts';
import { namedRouter } from './named.ts';
import { projectsRouter } from './projects.ts';
import { fundingSettingsRouter } from './settings.ts';
import { spendingFilesRouter } from './spending-files.ts';
import { spendingRouter } from './spending.ts';

const { schools, schoolEnrolment } = tables;
const read = readProcedure('funding');
const STAGES = ['K', 'P', 'J', 'S', 'V', 'X'] as const;
type Stage = (typeof STAGES)[number];

export const fundingRouter = {
  // 学生资助: the lists, the matching run, 应助未助 and its follow-up, payments and 补发
  aid: aidRouter,
  named: namedRouter,
  /** 教育经费决算填报 and “两个只增不减”. */
  spending: { ...spendingRouter, ...spendingFilesRouter },
  /** The module's settings (the units the rule checks). */
  settings: fundingSettingsRouter,
  projects: projectsRouter,
  allocation: allocationRouter,
  // 控辍保学与随迁子女
  dropout: dropoutRouter,
  migrant: migrantRouter,
  /** Enrolment by unit and stage (幼儿园/小学/初中/高中/中职/特教): the base of per-student spending. */
  enrolmentByUnit: read.query(async ({ ctx }) => {
    const rows = await ctx.db
      .select({
        unitCode: schools.unitCode,
        stage: sql<string>`left(${schoolEnrolment.grade}, 1)`,
        ownership: schools.ownership,
        students: sql<number>`sum(${schoolEnrolment.students})::int`,
      })
      .from(schoolEnrolment)
      .innerJoin(schools, eq(schools.id, schoolEnrolment.schoolId))
      .where(and(eq(schoolEnrolment.schoolYear, CURRENT_SCHOOL_YEAR), schoolWhere(ctx.scope)))
      .groupBy(schools.unitCode, sql`left(${schoolEnrolment.grade}, 1)`, schools.ownership);
    const units = (await listUnits(ctx.db, ctx.scope)).map((u) => {
      const mine = rows.filter((r) => r.unitCode === u.code);
      const byStage = Object.fromEntries(
        STAGES.map((s) => [s, mine.filter((r) => r.stage === s).reduce((a, r) => a + r.students, 0)]),
      ) as Record<Stage, number>;
      return {
        ...u,
        byStage,
        total: mine.reduce((a, r) => a + r.students, 0),
        publicStudents: mine.filter((r) => r.ownership === 'public').reduce((a, r) => a + r.students, 0),
      };
    });
    return { schoolYear: CURRENT_SCHOOL_YEAR, stages: STAGES, units };
  }),
} satisfies TRPCRouterRecord;
