import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { RecordId, textField, type DataScope } from '@hyedu/domain';
import {
  ALL_INSPECTION_GRADES,
  approvingAuthority,
  CITY_APPROVED_LEVELS,
  INSPECTION_GRADE_SCALES,
  inspectionCase,
  InspectionInput,
  inspectionOverdue,
  InspectionStatus,
  opinionsComplete,
  INSPECTION_WORKFLOW as wf,
  type InspectionAction,
} from '@hyedu/domain/private-edu';
import { auditChange } from '../../audit-change.ts';
import { fieldError } from '../../field-error.ts';
import { recordHistory } from '../../history.ts';
import { Page } from '../../inputs.ts';
import { contains, scopeCondition } from '../../queries.ts';
import { actorLevel, recordScope, schoolInScope } from '../../record-scope.ts';
import { cityCode } from '../plan/access.ts';
import { actsAsAuthority, canWrite, opinionsOf, TARGET, visibleInspection } from './inspection-access.ts';
import { inspectionStepRouter } from './inspection-steps.ts';
import { read, write } from './procedures.ts';
import { currentSettings } from './settings.ts';

const { privateInspections: r, schools, orgUnits, departments } = tables;

export const InspectionFilter = Page.extend({
  year: InspectionInput.shape.year.optional(),
  status: InspectionStatus.optional(),
  grade: textField(20, '年检结论').optional(),
  overdue: z.boolean().optional(),
  q: textField(40, '搜索词').optional(),
}).strict();
const Id = z.object({ id: RecordId }).strict();

/** inspectionOverdue in SQL: at 整改 with the deadline passed. */
const overdueSql = (today: string) => sql<boolean>`(${r.status} = 'rectifying' and ${r.rectifyBy} < ${today})`;

/** The list's filter as SQL (the list and its export). */
export const inspectionWhere = (
  ctx: { scope: DataScope; today: string },
  input: Omit<z.infer<typeof InspectionFilter>, 'page' | 'pageSize'>,
) =>
  and(
    recordScope(ctx.scope, r),
    input.year ? eq(r.year, input.year) : undefined,
    input.status ? eq(r.status, input.status) : undefined,
    input.grade ? eq(r.grade, input.grade) : undefined,
    input.overdue === undefined ? undefined : input.overdue ? overdueSql(ctx.today) : sql`not ${overdueSql(ctx.today)}`,
    input.q ? ilike(schools.name, contains(input.q)) : undefined,
  );

/** The inspections matching `where`, latest year first (the list's and the export's rows). */
export const inspectionRows = (db: Db, where: SQL | undefined) =>
  db
    .select({
      id: r.id,
      schoolName: schools.name,
      schoolCode: schools.code,
      unitName: orgUnits.name,
      year: r.year,
      authority: r.authority,
      status: r.status,
      rectifyBy: r.rectifyBy,
      grade: r.grade,
      enrolmentStoppedYear: r.enrolmentStoppedYear,
      version: r.version,
    })
    .from(r)
    .innerJoin(schools, eq(schools.id, r.schoolId))
    .innerJoin(orgUnits, eq(orgUnits.code, r.unitCode))
    .where(where)
    .orderBy(desc(r.year), desc(r.id));

/** 民办学校年检: list, one record, the schools to open one for, create, the steps (inspection-steps.ts), the 科室's opinions, history. */
export const inspectionRouter = {
  list: read.input(InspectionFilter).query(async ({ ctx, input }) => {
    const where = inspectionWhere(ctx, input);
    const [rows, [total]] = await Promise.all([
      inspectionRows(ctx.db, where)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(r).innerJoin(schools, eq(schools.id, r.schoolId)).where(where),
    ]);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      canCreate: canWrite(ctx.identity.grants) && actorLevel(ctx.scope) !== 'school',
      grades: ALL_INSPECTION_GRADES,
      rows: rows.map((x) => ({ ...x, overdue: inspectionOverdue(x, ctx.today) })),
    };
  }),

  /** One inspection: its school, the asked 科室 and their answers, the grade scale, and the caller's steps. */
  byId: read.input(Id).query(async ({ ctx, input }) => {
    const row = await visibleInspection(ctx, input.id);
    const [[school], opinions, depts, settings] = await Promise.all([
      ctx.db
        .select({ name: schools.name, code: schools.code, level: schools.level, unitName: orgUnits.name })
        .from(schools)
        .innerJoin(orgUnits, eq(orgUnits.code, schools.unitCode))
        .where(eq(schools.id, row.schoolId)),
      opinionsOf(ctx.db, row.id),
      ctx.db.select({ key: departments.key, name: departments.name }).from(departments).orderBy(asc(departments.sortOrder)),
      currentSettings(ctx.db),
    ]);
    const level = actorLevel(ctx.scope);
    const acts = canWrite(ctx.identity.grants) && (level === 'school' || level === row.authority);
    const record = inspectionCase({ ...row, opinionsComplete: opinionsComplete(opinions) });
    // The caller's steps, offered even while what they need is missing: a step's form fills its own fields, and
    // closing 联审 early answers the workflow's refusal, which `needs` also shows beside the buttons.
    const ready = { ...record, fields: { materials: true, siteVisit: true, opinionsComplete: true } };
    const allowed = acts ? wf.allowed(ready, { level, username: ctx.identity.username }) : [];
    const needs: Partial<Record<InspectionAction, string>> = Object.fromEntries(
      allowed.flatMap((a) => {
        const missing = (wf.steps[a].needs ?? []).find((n) => n.field === 'opinionsComplete' && !record.fields.opinionsComplete);
        return missing ? [[a, missing.message]] : [];
      }),
    );
    return {
      ...row,
      createdAt: row.createdAt.toISOString(),
      submittedAt: row.submittedAt?.toISOString() ?? null,
      school: school!,
      opinions: opinions.map((x) => ({ ...x, answeredAt: x.answeredAt?.toISOString() ?? null })),
      departments: depts,
      /** The scale a conclusion is given on now. */
      grades: INSPECTION_GRADE_SCALES[settings.inspectionGradeScale],
      today: ctx.today,
      overdue: inspectionOverdue(row, ctx.today),
      allowed,
      needs,
    };
  }),

  /** Private schools the caller approves (county: its kindergartens and compulsory schools; city: 高中阶段 and 局直) without an inspection that year. */
  schools: read
    .input(z.object({ year: InspectionInput.shape.year, q: textField(40, '搜索词').optional() }).strict())
    .query(async ({ ctx, input }) => {
      const level = actorLevel(ctx.scope);
      if (level === 'school') return [];
      const city = await cityCode(ctx.db);
      const cityApproved = or(inArray(schools.level, [...CITY_APPROVED_LEVELS]), eq(schools.unitCode, city));
      return ctx.db
        .select({ id: schools.id, name: schools.name, unitName: orgUnits.name })
        .from(schools)
        .innerJoin(orgUnits, eq(orgUnits.code, schools.unitCode))
        .leftJoin(r, and(eq(r.schoolId, schools.id), eq(r.year, input.year)))
        .where(
          and(
            scopeCondition(ctx.scope),
            eq(schools.ownership, 'private'),
            level === 'city' ? cityApproved : sql`not ${cityApproved}`,
            isNull(r.id),
            input.q ? ilike(schools.name, contains(input.q)) : undefined,
          ),
        )
        .orderBy(schools.code)
        .limit(20);
    }),

  /** Opens a school's inspection for a year: by its approving authority, one per school and year. */
  create: write.input(InspectionInput).mutation(async ({ ctx, input }) => {
    const school = await schoolInScope(ctx, input.schoolId);
    if (actorLevel(ctx.scope) === 'school')
      throw new TRPCError({ code: 'FORBIDDEN', message: '年检由审批机关登记，学校在登记后提交年检材料' });
    const [registry] = await ctx.db.select({ ownership: schools.ownership }).from(schools).where(eq(schools.id, school.id));
    if (registry?.ownership !== 'private') throw fieldError('schoolId', '只能为民办学校登记年检');
    const authority = approvingAuthority(school.level, school.unitCode === (await cityCode(ctx.db)));
    actsAsAuthority(ctx.scope, authority);
    return ctx.db.transaction(async (tx) => {
      const [existing] = await tx
        .select({ id: r.id })
        .from(r)
        .where(and(eq(r.schoolId, school.id), eq(r.year, input.year)));
      if (existing) throw new TRPCError({ code: 'CONFLICT', message: `${school.name}${input.year}年度的年检已登记，不能重复登记` });
      const [row] = await tx
        .insert(r)
        .values({
          schoolId: school.id,
          unitCode: school.unitCode,
          year: input.year,
          authority,
          status: wf.initial,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
        })
        .returning({ id: r.id, version: r.version });
      await auditChange(tx, ctx, {
        action: 'privateEdu.inspection.create',
        targetType: TARGET,
        targetId: row!.id,
        after: { school: school.code, year: input.year, authority },
      });
      return row!;
    });
  }),

  ...inspectionStepRouter,

  history: read.input(Id).query(async ({ ctx, input }) => {
    await visibleInspection(ctx, input.id);
    return recordHistory(ctx.db, TARGET, input.id);
  }),
} satisfies TRPCRouterRecord;
