import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, asc, eq, sql } from 'drizzle-orm';
import { blindIndex, decryptField, encryptField, tables, type Db, type Secrets } from '@hyedu/db';
import { maskIdCard, parseIdCard, type DataScope } from '@hyedu/domain';
import { CONVERSION_DONE_STATES, TeacherPlaceInput, TeacherPlacementInput } from '@hyedu/domain/private-edu';
import { auditChange } from '../../audit-change.ts';
import { fieldError } from '../../field-error.ts';
import { recordScope } from '../../record-scope.ts';
import { scoped } from '../../scoped.ts';
import { conflict } from '../../workflow-step.ts';
import { bureauOnly, lockCase, TEACHER_TARGET, visibleCase } from './conversion-access.ts';
import { write } from './procedures.ts';

const { privateConversions: r, privateConversionTeachers: pt } = tables;
const recordIdOf = (index: string) => `${TEACHER_TARGET}:${index}`;

/** A case's affected teachers with their ID numbers masked (the number itself is read only to mask it). */
export async function teachersOf(db: Db, keys: Secrets, caseId: number) {
  const rows = await db.select().from(pt).where(eq(pt.caseId, caseId)).orderBy(asc(pt.id));
  return rows.map(({ idCipher, idIndex, createdAt, caseId: _, ...t }) => ({
    ...t,
    idNumber: maskIdCard(decryptField(keys.dataKey, idCipher, recordIdOf(idIndex))),
    createdAt: createdAt.toISOString(),
  }));
}

/** Teachers can be added and placed until the case is completed. */
const openCase = (status: string) => {
  if ((CONVERSION_DONE_STATES as readonly string[]).includes(status))
    throw new TRPCError({ code: 'CONFLICT', message: '治理案已完成，不能再修改教师安置' });
};
const notAfterToday = (date: string | undefined, today: string) => {
  if (date && date > today) throw fieldError('placedOn', '安置日期不能晚于今天');
};

/** A teacher of a case in the caller's scope, or the one NOT_FOUND. */
const visibleTeacher = (ctx: { db: Db; scope: DataScope }, id: number) =>
  scoped(
    TEACHER_TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select({ teacher: pt, status: r.status })
          .from(pt)
          .innerJoin(r, eq(r.id, pt.caseId))
          .where(and(eq(pt.id, id), recordScope(ctx.scope, r)))
      )[0],
  );

/** 教师安置: the teachers a conversion affects, each recorded once per case, and where each was placed. */
export const conversionTeacherRouter = {
  addTeacher: write.input(TeacherPlacementInput).mutation(async ({ ctx, input }) => {
    const found = await visibleCase(ctx, input.caseId);
    bureauOnly(ctx.scope);
    openCase(found.status);
    const id = parseIdCard(input.idNumber, { today: ctx.today });
    if (!id.ok) throw fieldError('idNumber', id.message);
    notAfterToday(input.placedOn, ctx.today);
    const index = blindIndex(ctx.keys.indexKey, id.value.number);
    return ctx.db.transaction(async (tx) => {
      const row = await lockCase(tx, input.caseId);
      openCase(row.status);
      const [twice] = await tx
        .select({ id: pt.id })
        .from(pt)
        .where(and(eq(pt.caseId, row.id), eq(pt.idIndex, index)));
      if (twice) throw new TRPCError({ code: 'CONFLICT', message: '该教师（身份证号相同）已登记在本治理案中' });
      const [teacher] = await tx
        .insert(pt)
        .values({
          caseId: row.id,
          name: input.name,
          idIndex: index,
          idCipher: encryptField(ctx.keys.dataKey, id.value.number, recordIdOf(index)),
          staffStatus: input.staffStatus,
          placement: input.placement ?? null,
          placedOn: input.placedOn ?? null,
          placedAt: input.placedAt || null,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
        })
        .returning({ id: pt.id, version: pt.version });
      // The case moves on a version: a completion read before this teacher was added is refused.
      await tx
        .update(r)
        .set({ version: sql`${r.version} + 1` })
        .where(eq(r.id, row.id));
      const { idNumber: _, ...rest } = input;
      await auditChange(tx, ctx, {
        action: 'privateEdu.conversion.addTeacher',
        targetType: TEACHER_TARGET,
        targetId: teacher!.id,
        after: { ...rest, idNumber: maskIdCard(id.value.number) },
      });
      return teacher!;
    });
  }),

  placeTeacher: write.input(TeacherPlaceInput).mutation(async ({ ctx, input }) => {
    const found = await visibleTeacher(ctx, input.id);
    bureauOnly(ctx.scope);
    openCase(found.status);
    notAfterToday(input.placedOn, ctx.today);
    return ctx.db.transaction(async (tx) => {
      const row = await lockCase(tx, found.teacher.caseId);
      openCase(row.status);
      const [before] = await tx.select().from(pt).where(eq(pt.id, input.id)).for('update');
      if (!before || before.version !== input.expectedVersion) throw conflict();
      const [teacher] = await tx
        .update(pt)
        .set({ placement: input.placement, placedOn: input.placedOn, placedAt: input.placedAt || null, version: before.version + 1 })
        .where(eq(pt.id, input.id))
        .returning({ id: pt.id, version: pt.version });
      await tx
        .update(r)
        .set({ version: sql`${r.version} + 1` })
        .where(eq(r.id, row.id));
      await auditChange(tx, ctx, {
        action: 'privateEdu.conversion.placeTeacher',
        targetType: TEACHER_TARGET,
        targetId: input.id,
        before: { placement: before.placement, placedOn: before.placedOn, placedAt: before.placedAt },
        after: { placement: input.placement, placedOn: input.placedOn, placedAt: input.placedAt || null },
      });
      return teacher!;
    });
  }),
} satisfies TRPCRouterRecord;
