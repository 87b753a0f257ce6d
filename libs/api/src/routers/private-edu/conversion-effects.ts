import { and, desc, eq, like, or, sql } from 'drizzle-orm';
import { tables, type Tx } from '@hyedu/db';
import { HENGYANG_TARGETS_2022 } from '@hyedu/domain/hengyang';
import { firstCensusAfter, type ConversionStatus, type GcmDisposal, type LeverKind } from '@hyedu/domain/private-edu';
import { auditChange } from '../../audit-change.ts';
import type { AuthedContext } from '../../context.ts';

const { privateLevers: lv, schools, schoolEnrolment: en } = tables;
type Ctx = Pick<AuthedContext, 'auditKey' | 'ip' | 'identity' | 'now'>;
type Case = typeof tables.privateConversions.$inferSelect;

/** The lever a disposal is in the 调减台账; 公办退出、继续民办 lowers nothing. */
const LEVER_OF: Record<GcmDisposal, LeverKind | null> = {
  to_public: 'to_public',
  terminate: 'terminate',
  purchase: 'purchase',
  withdraw: null,
};

/** The school's compulsory pupils (P*, J*) in its latest census, or null when it has none. */
async function compulsoryPupils(tx: Tx, schoolId: number): Promise<number | null> {
  const [latest] = await tx.select({ year: en.schoolYear }).from(en).where(eq(en.schoolId, schoolId)).orderBy(desc(en.schoolYear)).limit(1);
  if (!latest) return null;
  const [sum] = await tx
    .select({ n: sql<number>`coalesce(sum(${en.students}), 0)::int` })
    .from(en)
    .where(and(eq(en.schoolId, schoolId), eq(en.schoolYear, latest.year), or(like(en.grade, 'P%'), like(en.grade, 'J%'))));
  return sum && sum.n > 0 ? sum.n : null;
}

/** 审核通过: the approved disposal becomes (or refreshes) the case's planned lever; a disposal with no lever removes it. */
export async function planLever(tx: Tx, ctx: Ctx, row: Case): Promise<void> {
  const kind = row.disposal ? LEVER_OF[row.disposal] : null;
  const [before] = await tx.select().from(lv).where(eq(lv.conversionId, row.id));
  if (!kind) {
    if (!before) return;
    await tx.delete(lv).where(eq(lv.id, before.id));
    await auditChange(tx, ctx, {
      action: 'privateEdu.conversion.lever',
      targetType: 'private_lever',
      targetId: before.id,
      before: { kind: before.kind, status: before.status },
      after: null,
    });
    return;
  }
  const values = {
    kind,
    plannedYear: firstCensusAfter(HENGYANG_TARGETS_2022.gongCanMinDeadline),
    students: kind === 'purchase' ? await compulsoryPupils(tx, row.schoolId) : null,
    status: 'planned' as const,
    doneOn: null,
  };
  const [lever] = await tx
    .insert(lv)
    .values({
      ...values,
      schoolId: row.schoolId,
      unitCode: row.unitCode,
      conversionId: row.id,
      createdBy: ctx.identity.username,
      createdAt: ctx.now,
    })
    .onConflictDoUpdate({ target: lv.conversionId, set: { ...values, version: sql`${lv.version} + 1` } })
    .returning({ id: lv.id });
  await auditChange(tx, ctx, {
    action: 'privateEdu.conversion.lever',
    targetType: 'private_lever',
    targetId: lever!.id,
    before: before ? { kind: before.kind, status: before.status, plannedYear: before.plannedYear, students: before.students } : null,
    after: { conversion: row.id, kind: values.kind, status: values.status, plannedYear: values.plannedYear, students: values.students },
  });
}

/** 确认完成: the case's lever is done on the completion day; a school 转为公办 is public in the registry from now on. */
export async function completeEffects(tx: Tx, ctx: Ctx, row: Case, completedOn: string): Promise<void> {
  const [lever] = await tx
    .update(lv)
    .set({ status: 'done', doneOn: completedOn, version: sql`${lv.version} + 1` })
    .where(eq(lv.conversionId, row.id))
    .returning({ id: lv.id });
  if (lever)
    await auditChange(tx, ctx, {
      action: 'privateEdu.conversion.lever',
      targetType: 'private_lever',
      targetId: lever.id,
      before: { status: 'planned' },
      after: { conversion: row.id, status: 'done', doneOn: completedOn },
    });
  if (row.disposal !== 'to_public') return;
  const [school] = await tx
    .update(schools)
    .set({ ownership: 'public', version: sql`${schools.version} + 1` })
    .where(and(eq(schools.id, row.schoolId), eq(schools.ownership, 'private')))
    .returning({ id: schools.id, code: schools.code });
  if (school)
    await auditChange(tx, ctx, {
      action: 'privateEdu.conversion.ownership',
      targetType: 'school',
      targetId: school.id,
      before: { school: school.code, ownership: 'private' },
      after: { school: school.code, ownership: 'public', conversion: row.id },
    });
}

/** 验收不通过: the case is being carried out again, so its lever is planned again (the registry keeps the ownership). */
async function reopenLever(tx: Tx, ctx: Ctx, row: Case): Promise<void> {
  const [lever] = await tx
    .update(lv)
    .set({ status: 'planned', doneOn: null, version: sql`${lv.version} + 1` })
    .where(and(eq(lv.conversionId, row.id), eq(lv.status, 'done')))
    .returning({ id: lv.id });
  if (lever)
    await auditChange(tx, ctx, {
      action: 'privateEdu.conversion.lever',
      targetType: 'private_lever',
      targetId: lever.id,
      before: { status: 'done', doneOn: row.completedOn },
      after: { conversion: row.id, status: 'planned' },
    });
}

/** What a step writes besides the case, in its transaction. */
export const stepEffects = (ctx: Ctx, today: string) => async (tx: Tx, row: Case, to: ConversionStatus) => {
  if (to === 'implementing' && row.status === 'under_review') await planLever(tx, ctx, row);
  if (to === 'implementing' && row.status === 'completed') await reopenLever(tx, ctx, row);
  if (to === 'completed') await completeEffects(tx, ctx, row, today);
};
