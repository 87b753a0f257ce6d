import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, desc, eq, ilike, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '@hyedu/db';
import { textField } from '@hyedu/domain';
import {
  FEE_RECORDERS,
  feeOverCap,
  feeRecordRefusal,
  feeYearsOn,
  KindergartenFeeInput,
  KindergartenFeeUpdate,
  KindergartenTerm,
  puhuiCapsAt,
  SchoolYear,
  termStart,
} from '@hyedu/domain/private-edu';
import { auditChange } from '../../audit-change.ts';
import type { AuthedContext } from '../../context.ts';
import { fieldError } from '../../field-error.ts';
import { Page } from '../../inputs.ts';
import { contains, scopeCondition } from '../../queries.ts';
import { actorLevel, recordScope, schoolInScope } from '../../record-scope.ts';
import { scoped } from '../../scoped.ts';
import { conflict } from '../../workflow-step.ts';
import { canWrite } from './inspection-access.ts';
import { read, write } from './procedures.ts';

const { privateKindergartenFees: f, privatePuhuiRecognitions: pr, schools, orgUnits } = tables;
const TARGET = 'private_kindergarten_fee';

export const FeeFilter = Page.extend({
  schoolYear: SchoolYear.optional(),
  term: KindergartenTerm.optional(),
  overCap: z.boolean().optional(),
  q: textField(40, '搜索词').optional(),
}).strict();

/** Whether the caller records fees: the kindergarten or its county, with the module's write grant (the city reads). */
const records = (ctx: Pick<AuthedContext, 'identity' | 'scope'>) =>
  canWrite(ctx.identity.grants) && (FEE_RECORDERS as readonly string[]).includes(actorLevel(ctx.scope));
const mustRecord = (ctx: Pick<AuthedContext, 'identity' | 'scope'>) => {
  if (!records(ctx)) throw new TRPCError({ code: 'FORBIDDEN', message: '保教费收费记录由幼儿园或县市区教育局登记' });
};

/**
 * 保教费收费记录: the monthly 保教费 a private kindergarten charged per term; each judged against the fee cap of the 普惠
 * recognition in force on the term's first day (`puhuiCapsAt`, `feeOverCap`), so a later revocation or recognition
 * is reflected at once.
 */
export const feesRouter = {
  list: read.input(FeeFilter).query(async ({ ctx, input }) => {
    const rows = await ctx.db
      .select({
        id: f.id,
        schoolId: f.schoolId,
        schoolName: schools.name,
        unitName: orgUnits.name,
        schoolYear: f.schoolYear,
        term: f.term,
        feeCharged: f.feeCharged,
        note: f.note,
        updatedBy: f.updatedBy,
        updatedAt: f.updatedAt,
        version: f.version,
      })
      .from(f)
      .innerJoin(schools, eq(schools.id, f.schoolId))
      .innerJoin(orgUnits, eq(orgUnits.code, f.unitCode))
      .where(
        and(
          recordScope(ctx.scope, f),
          input.schoolYear ? eq(f.schoolYear, input.schoolYear) : undefined,
          input.term ? eq(f.term, input.term) : undefined,
          input.q ? ilike(schools.name, contains(input.q)) : undefined,
        ),
      )
      .orderBy(desc(f.schoolYear), desc(f.id));
    const ids = [...new Set(rows.map((r) => r.schoolId))];
    const cases = ids.length
      ? await ctx.db
          .select({ schoolId: pr.schoolId, status: pr.status, validFrom: pr.validFrom, revokedOn: pr.revokedOn, feeCap: pr.feeCap })
          .from(pr)
          .where(and(inArray(pr.schoolId, ids), inArray(pr.status, ['recognised', 'revoked'])))
      : [];
    const caps = new Map<string, Map<number, number>>();
    const judged = rows.map((r) => {
      const day = termStart(r.schoolYear, r.term);
      if (!caps.has(day)) caps.set(day, puhuiCapsAt(cases, day));
      const cap = caps.get(day)!.get(r.schoolId) ?? null;
      return { ...r, updatedAt: r.updatedAt.toISOString(), cap, overCap: feeOverCap(r.feeCharged, cap) };
    });
    const shown = input.overCap === undefined ? judged : judged.filter((r) => r.overCap === input.overCap);
    return {
      total: shown.length,
      overCapCount: judged.filter((r) => r.overCap).length,
      page: input.page,
      pageSize: input.pageSize,
      canCreate: records(ctx),
      years: [...new Set([...feeYearsOn(ctx.today), ...rows.map((r) => r.schoolYear)])].sort().reverse(),
      rows: shown.slice((input.page - 1) * input.pageSize, input.page * input.pageSize),
    };
  }),

  /** The private kindergartens the caller may record fees for (a school account: itself, if it is one). */
  schools: read.input(z.object({ q: textField(40, '搜索词').optional() }).strict()).query(({ ctx, input }) =>
    ctx.db
      .select({ id: schools.id, name: schools.name })
      .from(schools)
      .where(
        and(
          scopeCondition(ctx.scope),
          eq(schools.ownership, 'private'),
          eq(schools.level, 'kindergarten'),
          input.q ? ilike(schools.name, contains(input.q)) : undefined,
        ),
      )
      .orderBy(schools.code)
      .limit(20),
  ),

  /** Records one term's fee of a kindergarten (one record per kindergarten, school year and term). */
  create: write.input(KindergartenFeeInput).mutation(async ({ ctx, input }) => {
    const school = await schoolInScope(ctx, input.schoolId);
    mustRecord(ctx);
    const [registry] = await ctx.db
      .select({ ownership: schools.ownership, level: schools.level })
      .from(schools)
      .where(eq(schools.id, school.id));
    const refusal = registry ? feeRecordRefusal(registry) : '学校不存在';
    if (refusal) throw fieldError('schoolId', refusal);
    const duplicate = () => fieldError('term', '该园该学期已有收费记录，请更正原记录');
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(f)
        .values({
          schoolId: school.id,
          unitCode: school.unitCode,
          schoolYear: input.schoolYear,
          term: input.term,
          feeCharged: input.feeCharged,
          note: input.note || null,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
          updatedBy: ctx.identity.username,
          updatedAt: ctx.now,
        })
        .onConflictDoNothing()
        .returning({ id: f.id, version: f.version });
      if (!row) throw duplicate();
      await auditChange(tx, ctx, {
        action: 'privateEdu.fees.create',
        targetType: TARGET,
        targetId: row.id,
        after: { school: school.code, schoolYear: input.schoolYear, term: input.term, feeCharged: input.feeCharged, note: input.note },
      });
      return row;
    });
  }),

  /** Corrects a record's fee (and note), guarded by its version. */
  update: write.input(KindergartenFeeUpdate).mutation(async ({ ctx, input }) => {
    const before = await scoped(
      TARGET,
      input.id,
      async () =>
        (
          await ctx.db
            .select()
            .from(f)
            .where(and(eq(f.id, input.id), recordScope(ctx.scope, f)))
        )[0],
    );
    mustRecord(ctx);
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .update(f)
        .set({
          feeCharged: input.feeCharged,
          note: input.note || null,
          updatedBy: ctx.identity.username,
          updatedAt: ctx.now,
          version: input.expectedVersion + 1,
        })
        .where(and(eq(f.id, input.id), eq(f.version, input.expectedVersion)))
        .returning({ id: f.id, version: f.version });
      if (!row) throw conflict();
      await auditChange(tx, ctx, {
        action: 'privateEdu.fees.update',
        targetType: TARGET,
        targetId: row.id,
        before: { feeCharged: before.feeCharged, note: before.note },
        after: { feeCharged: input.feeCharged, note: input.note },
      });
      return row;
    });
  }),
} satisfies TRPCRouterRecord;
