import type { TRPCRouterRecord } from '@trpc/server';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { pupilTeacherRatio, quotaFillRate } from '@hyedu/domain';
import { SchoolFilter } from '../../inputs.ts';
import { CURRENT_SCHOOL_YEAR, listUnits, schoolWhere, studentsPerSchool } from '../../queries.ts';
import { readProcedure } from '../../trpc.ts';
// 年度考核与教师资格定期注册
import { appraisalRouter } from './appraisal/index.ts';
import { ethicsRouter } from './ethics.ts';
// 县管校聘交流轮岗
import { exchangeRouter } from './exchange/index.ts';
import { teacherFilesRouter } from './files.ts';
// 支教与表彰
import { honoursRouter } from './honours/index.ts';
// 教师工资保障
import { payRouter } from './pay/index.ts';
// 教师补充计划
import { programmesRouter } from './programmes/index.ts';
import { registrationRouter } from './registration/index.ts';
import { teacherSettingsRouter } from './settings.ts';
import { staffRouter } from './staff.ts';
import { staffingRouter } from './staffing.ts';
import { supportRouter } from './support/index.ts';
// 教师培训与信息技术应用能力提升工程2.0
import { trainingRouter } from './training/index.ts';

const { schools, schoolStaffing, orgUnits } = tables;
const read = readProcedure('teachers');

export const teachersRouter = {
  staff: staffRouter,
  // 教师工资保障
  pay: payRouter,
  ethics: ethicsRouter,
  files: teacherFilesRouter,
  settings: teacherSettingsRouter,
  staffing: staffingRouter,
  // 教师培训与信息技术应用能力提升工程2.0
  training: trainingRouter,
  // 县管校聘交流轮岗
  exchange: exchangeRouter,
  // 年度考核与教师资格定期注册
  appraisal: appraisalRouter,
  registration: registrationRouter,
  // 教师补充计划
  programmes: programmesRouter,
  // 支教与表彰
  support: supportRouter,
  honours: honoursRouter,
  /** Staffing per unit: 编制 quota, teachers in post, contract teachers, 生师比 and 编制使用率. */
  overview: read.query(async ({ ctx }) => {
    // Figures are for CURRENT_SCHOOL_YEAR (the same year as the registry's enrolment).
    const sps = studentsPerSchool(ctx.db);
    const rows = await ctx.db
      .select({
        unitCode: schools.unitCode,
        schools: sql<number>`count(*)::int`,
        quota: sql<number>`coalesce(sum(${schoolStaffing.quota}), 0)::int`,
        teachers: sql<number>`coalesce(sum(${schoolStaffing.teachers}), 0)::int`,
        contractTeachers: sql<number>`coalesce(sum(${schoolStaffing.contractTeachers}), 0)::int`,
        students: sql<number>`coalesce(sum(${sps.students}), 0)::int`,
      })
      .from(schools)
      .leftJoin(schoolStaffing, and(eq(schoolStaffing.schoolId, schools.id), eq(schoolStaffing.schoolYear, CURRENT_SCHOOL_YEAR)))
      .leftJoin(sps, eq(sps.schoolId, schools.id))
      .where(schoolWhere(ctx.scope))
      .groupBy(schools.unitCode);
    return (await listUnits(ctx.db, ctx.scope)).map((u) => {
      const r = rows.find((x) => x.unitCode === u.code) ?? { schools: 0, quota: 0, teachers: 0, contractTeachers: 0, students: 0 };
      return {
        ...u,
        schools: r.schools,
        quota: r.quota,
        teachers: r.teachers,
        contractTeachers: r.contractTeachers,
        students: r.students,
        ratio: pupilTeacherRatio(r.students, r.teachers + r.contractTeachers),
        fillRate: quotaFillRate(r.teachers, r.quota),
      };
    });
  }),

  /** Schools with their staffing figures. */
  schools: read.input(SchoolFilter).query(async ({ ctx, input }) => {
    const sps = studentsPerSchool(ctx.db);
    const where = schoolWhere(ctx.scope, input);
    const [rows, [total]] = await Promise.all([
      ctx.db
        .select({
          id: schools.id,
          code: schools.code,
          name: schools.name,
          unitCode: schools.unitCode,
          unitName: orgUnits.name,
          unitKind: orgUnits.kind,
          level: schools.level,
          ownership: schools.ownership,
          students: sql<number>`coalesce(${sps.students}, 0)`,
          // null when the school has filed no staffing return for the year: missing data, not zero teachers.
          quota: schoolStaffing.quota,
          teachers: schoolStaffing.teachers,
          contractTeachers: schoolStaffing.contractTeachers,
        })
        .from(schools)
        .innerJoin(orgUnits, eq(orgUnits.code, schools.unitCode))
        .leftJoin(schoolStaffing, and(eq(schoolStaffing.schoolId, schools.id), eq(schoolStaffing.schoolYear, CURRENT_SCHOOL_YEAR)))
        .leftJoin(sps, eq(sps.schoolId, schools.id))
        .where(where)
        .orderBy(asc(orgUnits.sortOrder), asc(schools.code))
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(schools).where(where),
    ]);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      rows: rows.map(({ quota, teachers, contractTeachers, ...r }) => ({
        ...r,
        staff:
          quota === null || teachers === null || contractTeachers === null
            ? { quota: null, teachers: null, contractTeachers: null, ratio: null, fillRate: null }
            : {
                quota,
                teachers,
                contractTeachers,
                ratio: pupilTeacherRatio(r.students, teachers + contractTeachers),
                fillRate: quotaFillRate(teachers, quota),
              },
      })),
    };
  }),
} satisfies TRPCRouterRecord;
