import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, asc, count, eq, ilike, inArray } from 'drizzle-orm';
import { type z } from 'zod';
import { tables } from '@hyedu/db';
import { DivisionCode, textField } from '@hyedu/domain';
import { DesignationInput, EXCHANGE_LEVELS, ExchangeYear, ExchangeYearsInput, SchoolDesignation } from '@hyedu/domain/teachers';
import { auditChange } from '../../../audit-change.ts';
import type { AuthedContext } from '../../../context.ts';
import { fieldError } from '../../../field-error.ts';
import { Page } from '../../../inputs.ts';
import { contains } from '../../../queries.ts';
import { actorLevel, schoolInScope } from '../../../record-scope.ts';
import { conflict } from '../../../workflow-step.ts';
import { read, write } from './procedures.ts';
import { exchangeYears, unitScope } from './query.ts';

const { teacherExchangeDesignations: dg, teacherExchangeSettings: es, schools, orgUnits } = tables;
export const DESIGNATION_TARGET = 'teacher_exchange_designation';
type Ctx = Pick<AuthedContext, 'db' | 'scope'>;

export const DesignationFilter = Page.extend({
  schoolYear: ExchangeYear,
  unitCode: DivisionCode.optional(),
  designation: SchoolDesignation.optional(),
  q: textField(40, '学校名称').optional(),
}).strict();
type Filter = Omit<z.infer<typeof DesignationFilter>, 'page' | 'pageSize'>;

const schoolsWhere = (ctx: Ctx, f: Filter) =>
  and(
    unitScope(ctx.scope, schools.unitCode),
    eq(schools.ownership, 'public'),
    inArray(schools.level, [...EXCHANGE_LEVELS]),
    f.unitCode ? eq(schools.unitCode, f.unitCode) : undefined,
    f.designation ? eq(dg.designation, f.designation) : undefined,
    f.q ? ilike(schools.name, contains(f.q)) : undefined,
  );

/** The public 义务教育 schools of the caller's counties with their designation for the year (the list and its export). */
export const designationRows = (ctx: Ctx, f: Filter) =>
  ctx.db
    .select({
      schoolId: schools.id,
      code: schools.code,
      name: schools.name,
      unitCode: schools.unitCode,
      unitName: orgUnits.name,
      isRural: schools.isRural,
      designation: dg.designation,
    })
    .from(schools)
    .innerJoin(orgUnits, eq(orgUnits.code, schools.unitCode))
    .leftJoin(dg, and(eq(dg.schoolId, schools.id), eq(dg.schoolYear, f.schoolYear)))
    .where(schoolsWhere(ctx, f))
    .orderBy(asc(orgUnits.sortOrder), asc(schools.code));

/** 优质/薄弱 designations per school year (a county marks its schools) and the eligibility years (the city's setting). */
export const exchangeDesignationsRouter = {
  list: read.input(DesignationFilter).query(async ({ ctx, input }) => {
    const where = schoolsWhere(ctx, input);
    const [rows, [total]] = await Promise.all([
      designationRows(ctx, input)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db
        .select({ n: count() })
        .from(schools)
        .leftJoin(dg, and(eq(dg.schoolId, schools.id), eq(dg.schoolYear, input.schoolYear)))
        .where(where),
    ]);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      canEdit: actorLevel(ctx.scope) === 'county',
      rows,
    };
  }),

  /** A county marks one of its public 义务教育 schools 优质 or 薄弱 for a school year (null: neither). */
  set: write.input(DesignationInput).mutation(async ({ ctx, input }) => {
    const school = await schoolInScope(ctx, input.schoolId);
    if (actorLevel(ctx.scope) !== 'county') throw new TRPCError({ code: 'FORBIDDEN', message: '优质学校和薄弱学校由县市区教育局认定' });
    const [own] = await ctx.db.select({ ownership: schools.ownership }).from(schools).where(eq(schools.id, school.id));
    if (own?.ownership !== 'public' || !EXCHANGE_LEVELS.includes(school.level))
      throw fieldError('schoolId', '只有公办义务教育学校参加认定');
    return ctx.db.transaction(async (tx) => {
      const [before] = await tx
        .select({ designation: dg.designation })
        .from(dg)
        .where(and(eq(dg.schoolId, school.id), eq(dg.schoolYear, input.schoolYear)))
        .for('update');
      if (input.designation === null) await tx.delete(dg).where(and(eq(dg.schoolId, school.id), eq(dg.schoolYear, input.schoolYear)));
      else
        await tx
          .insert(dg)
          .values({
            schoolId: school.id,
            schoolYear: input.schoolYear,
            unitCode: school.unitCode,
            designation: input.designation,
            updatedBy: ctx.identity.username,
            updatedAt: ctx.now,
          })
          .onConflictDoUpdate({
            target: [dg.schoolId, dg.schoolYear],
            set: { designation: input.designation, updatedBy: ctx.identity.username, updatedAt: ctx.now },
          });
      await auditChange(tx, ctx, {
        action: 'teachers.exchange.designate',
        targetType: 'school',
        targetId: school.id,
        before: { schoolYear: input.schoolYear, designation: before?.designation ?? null },
        after: { schoolYear: input.schoolYear, designation: input.designation },
      });
      return { schoolId: school.id, designation: input.designation };
    });
  }),

  /** The years at one school that make a teacher eligible. */
  years: read.query(async ({ ctx }) => ({ ...(await exchangeYears(ctx.db)), canEdit: actorLevel(ctx.scope) === 'city' })),

  /** The city sets the eligibility years; a stale version is a CONFLICT. */
  saveYears: write.input(ExchangeYearsInput).mutation(async ({ ctx, input }) => {
    if (actorLevel(ctx.scope) !== 'city') throw new TRPCError({ code: 'FORBIDDEN', message: '交流条件任教年限由市教育局设置' });
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx.select().from(es).where(eq(es.id, 1)).for('update');
      if ((row?.version ?? 0) !== input.expectedVersion) throw conflict();
      const values = { years: input.exchangeYears, updatedBy: ctx.identity.username, updatedAt: ctx.now, version: (row?.version ?? 0) + 1 };
      const [saved] = row
        ? await tx.update(es).set(values).where(eq(es.id, 1)).returning({ years: es.years, version: es.version })
        : await tx
            .insert(es)
            .values({ id: 1, ...values })
            .onConflictDoNothing()
            .returning({ years: es.years, version: es.version });
      if (!saved) throw conflict();
      await auditChange(tx, ctx, {
        action: 'teachers.exchange.saveYears',
        targetType: 'teacher_exchange_settings',
        targetId: 1,
        before: { years: row?.years ?? null },
        after: { years: input.exchangeYears },
      });
      return saved;
    });
  }),
} satisfies TRPCRouterRecord;
