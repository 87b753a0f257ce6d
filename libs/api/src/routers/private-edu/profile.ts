import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, asc, count, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { authorize, DivisionCode, ExpectedVersion, SchoolLevel, SchoolRef, textField, type DataScope } from '@hyedu/domain';
import { PrivateProfileInput, profileRefusal } from '@hyedu/domain/private-edu';
import { auditChange } from '../../audit-change.ts';
import { fieldError } from '../../field-error.ts';
import { recordHistory } from '../../history.ts';
import { Page } from '../../inputs.ts';
import { contains, scopeCondition } from '../../queries.ts';
import { schoolInScope } from '../../record-scope.ts';
import { COMPULSORY_LEVELS } from './lever.ts';
import { read, write } from './procedures.ts';

const { privateProfiles: p, schools, orgUnits, schoolCensus } = tables;
const TARGET = 'private_profile';
const canWrite = (grants: Parameters<typeof authorize>[0]) => authorize(grants, { area: 'private-edu', action: 'write' }).allowed;

export const ProfileFilter = Page.extend({
  unitCode: DivisionCode.optional(),
  level: SchoolLevel.optional(),
  gcm: z.boolean({ message: '请选择是否公参民' }).optional(),
  missing: z.boolean({ message: '请选择是否只看未登记' }).optional(),
  q: textField(40, '搜索词').optional(),
}).strict();

/** The list's filter as SQL (the list and its export): the registry's private schools of the caller's scope. */
export const profileWhere = (ctx: { scope: DataScope }, input: Omit<z.infer<typeof ProfileFilter>, 'page' | 'pageSize'>) =>
  and(
    scopeCondition(ctx.scope),
    eq(schools.ownership, 'private'),
    input.unitCode ? eq(schools.unitCode, input.unitCode) : undefined,
    input.level ? eq(schools.level, input.level) : undefined,
    input.gcm === undefined ? undefined : input.gcm ? isNotNull(p.gcmType) : isNull(p.gcmType),
    input.missing ? isNull(p.schoolId) : undefined,
    input.q
      ? or(ilike(schools.name, contains(input.q)), ilike(p.sponsor, contains(input.q)), ilike(p.licenceNo, contains(input.q)))
      : undefined,
  );

/** The private schools matching `where` with their entries (null fields before registration), by school code. */
export const profileRows = (db: Db, where: SQL | undefined) =>
  db
    .select({
      schoolId: schools.id,
      code: schools.code,
      name: schools.name,
      level: schools.level,
      unitName: orgUnits.name,
      licenceNo: p.licenceNo,
      uscc: p.uscc,
      sponsor: p.sponsor,
      forProfit: p.forProfit,
      gcmType: p.gcmType,
      partyOrg: p.partyOrg,
      approvedIntake: p.approvedIntake,
      // The latest year a failing 年检 stops the school's enrolment (null: none).
      enrolmentStoppedYear: sql<
        number | null
      >`(select max(${tables.privateInspections.enrolmentStoppedYear}) from ${tables.privateInspections} where ${tables.privateInspections.schoolId} = ${schools.id})`,
    })
    .from(schools)
    .innerJoin(orgUnits, eq(orgUnits.code, schools.unitCode))
    .leftJoin(p, eq(p.schoolId, schools.id))
    .where(where)
    .orderBy(asc(schools.code));

/**
 * 民办学校登记信息: the private schools of the caller's scope (the registry's current ownership) with their entry —
 * licence, USCC, sponsor, 营利/非营利, 公参民 type, party organisation, approved intake — and its upkeep.
 */
export const profileRouter = {
  list: read.input(ProfileFilter).query(async ({ ctx, input }) => {
    const where = profileWhere(ctx, input);
    const [rows, [total]] = await Promise.all([
      profileRows(ctx.db, where)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(schools).leftJoin(p, eq(p.schoolId, schools.id)).where(where),
    ]);
    return { total: total?.n ?? 0, page: input.page, pageSize: input.pageSize, canEdit: canWrite(ctx.identity.grants), rows };
  }),

  /** One school's entry (null before it is registered), with its ownership census by census. */
  byId: read.input(z.object({ schoolId: SchoolRef }).strict()).query(async ({ ctx, input }) => {
    const school = await schoolInScope(ctx, input.schoolId);
    const [[facts], [entry], census] = await Promise.all([
      ctx.db
        .select({ name: schools.name, code: schools.code, level: schools.level, ownership: schools.ownership })
        .from(schools)
        .where(eq(schools.id, school.id)),
      ctx.db.select().from(p).where(eq(p.schoolId, school.id)),
      ctx.db
        .select({ year: schoolCensus.schoolYear, ownership: schoolCensus.ownership, purchasedSeats: schoolCensus.purchasedSeats })
        .from(schoolCensus)
        .where(eq(schoolCensus.schoolId, school.id))
        .orderBy(asc(schoolCensus.schoolYear)),
    ]);
    return {
      school: { id: school.id, unitCode: school.unitCode, ...facts! },
      entry: entry ? { ...entry, updatedAt: entry.updatedAt.toISOString() } : null,
      census,
      canEdit: canWrite(ctx.identity.grants),
    };
  }),

  /** Registers or updates a private school's entry (the version guards concurrent edits; 0 = not registered yet). */
  save: write
    .input(PrivateProfileInput.extend({ expectedVersion: ExpectedVersion.or(z.literal(0)) }).strict())
    .mutation(async ({ ctx, input }) => {
      const school = await schoolInScope(ctx, input.schoolId);
      const [facts] = await ctx.db
        .select({ ownership: schools.ownership, level: schools.level })
        .from(schools)
        .where(eq(schools.id, school.id));
      if (facts?.ownership !== 'private') throw fieldError('schoolId', '只有民办学校登记民办学校信息');
      const refusal = profileRefusal(input, (COMPULSORY_LEVELS as readonly string[]).includes(facts.level));
      if (refusal) throw fieldError(refusal.field, refusal.message);
      const { expectedVersion, ...values } = input;
      return ctx.db.transaction(async (tx) => {
        const [before] = await tx.select().from(p).where(eq(p.schoolId, school.id)).for('update');
        if ((before?.version ?? 0) !== expectedVersion)
          throw new TRPCError({ code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重新提交' });
        const row = { ...values, unitCode: school.unitCode, updatedBy: ctx.identity.username, updatedAt: ctx.now };
        const [saved] = before
          ? await tx
              .update(p)
              .set({ ...row, version: before.version + 1 })
              .where(eq(p.schoolId, school.id))
              .returning({ version: p.version })
          : await tx.insert(p).values(row).returning({ version: p.version });
        await auditChange(tx, ctx, {
          action: before ? 'privateEdu.profile.update' : 'privateEdu.profile.create',
          targetType: TARGET,
          targetId: school.id,
          before: before ? { ...before, updatedAt: before.updatedAt.toISOString() } : undefined,
          after: { school: school.code, ...values },
        });
        return { version: saved!.version };
      });
    }),

  history: read.input(z.object({ schoolId: SchoolRef }).strict()).query(async ({ ctx, input }) => {
    await schoolInScope(ctx, input.schoolId);
    return recordHistory(ctx.db, TARGET, input.schoolId);
  }),
} satisfies TRPCRouterRecord;
