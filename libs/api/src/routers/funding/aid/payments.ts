import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { tables, type Tx } from '@hyedu/db';
import {
  AidPaymentInput,
  AidReissueInput,
  itemFitsStage,
  paymentRefusal,
  semesterLabel,
  semesterOf,
  STAGE_ITEMS,
  type AidPaymentKind,
} from '@hyedu/domain/funding';
import { auditChange } from '../../../audit-change.ts';
import type { AuthedContext } from '../../../context.ts';
import { fieldError } from '../../../field-error.ts';
import { keyedPage, nextCursor, type KeyPart } from '../../../keyset.ts';
import { listUnits } from '../../../queries.ts';
import { actorLevel, recordScope } from '../../../record-scope.ts';
import { scoped } from '../../../scoped.ts';
import { readProcedure, viewProcedure } from '../../../trpc.ts';
import { AidSemesterInput } from './inputs.ts';
import { aidWrite } from './procedures.ts';
import { hasAidRole, PaymentFilter, paymentWhere, person } from './query.ts';
import { aidSettings } from './settings.ts';

const { fundingAidPayments: p, fundingAidStudents: st, fundingAidMatches: m, fundingAidFollowUps: f } = tables;

/** The roll's order (as paid): also the key its pages go by (about 170,000 payments a year at full scale). */
const PAYMENT_KEY: KeyPart[] = [{ column: p.id, desc: false, kind: 'number' }];
export const STUDENT_TARGET = 'funding_aid_student';
export const PAYMENT_TARGET = 'funding_aid_payment';

const pay = aidWrite;

type Ctx = AuthedContext & { scope: Parameters<typeof recordScope>[0] };

/** A student of the 学籍 extract in the caller's scope, or the one NOT_FOUND. */
const visibleStudent = (ctx: Ctx, id: number) =>
  scoped(
    STUDENT_TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(st)
          .where(and(eq(st.id, id), recordScope(ctx.scope, st)))
      )[0],
  );

/**
 * Once a student is paid an item of their stage for a semester: the semester's match turns aided and an open
 * follow-up is settled (资助到位, version + 1, audited) — in the payment's transaction, so the 应助未助 list and the
 * coverage move with it.
 */
async function settle(tx: Tx, ctx: Ctx, student: typeof st.$inferSelect, semester: string) {
  await tx
    .update(m)
    .set({ outcome: 'aided' })
    .where(and(eq(m.semester, semester), eq(m.idIndex, student.idIndex), eq(m.outcome, 'unaided')));
  const settled = await tx
    .update(f)
    .set({ status: 'aided', settledOn: ctx.today, updatedBy: ctx.identity.username, updatedAt: ctx.now, version: sql`${f.version} + 1` })
    .where(and(eq(f.semester, semester), eq(f.idIndex, student.idIndex), inArray(f.status, ['open', 'recognised'])))
    .returning({ id: f.id, version: f.version });
  for (const s of settled)
    await auditChange(tx, ctx, {
      action: 'funding.aidFollowUp.settle',
      targetType: 'funding_aid_follow_up',
      targetId: s.id,
      after: { status: 'aided', version: s.version },
    });
}

/**
 * Records a payment: the student in scope, a bureau (a school carries out 认定, it does not pay), the domain's
 * `paymentRefusal` on its field. A regular payment is inserted ON CONFLICT DO NOTHING on student + item + semester,
 * a 补发 on its request key: a retried request (or two at once) answers the payment already made and pays nothing.
 */
async function record(ctx: Ctx, input: AidPaymentInput & { reason?: string; requestKey?: string }, kind: AidPaymentKind) {
  const student = await visibleStudent(ctx, input.studentId);
  if (actorLevel(ctx.scope) === 'school')
    throw new TRPCError({ code: 'FORBIDDEN', message: '资助资金由县市区或市学生资助管理中心发放，学校负责认定' });
  const { amounts } = await aidSettings(ctx.db);
  const refusal = paymentRefusal({ ...input, kind }, student, amounts, ctx.today);
  if (refusal) throw fieldError(refusal.field, refusal.message);
  return ctx.db.transaction(async (tx) => {
    const values = {
      idIndex: student.idIndex,
      studentId: student.id,
      schoolId: student.schoolId,
      unitCode: student.unitCode,
      item: input.item,
      semester: input.semester,
      kind,
      amount: input.amount,
      paidOn: input.paidOn,
      reason: input.reason ?? null,
      requestKey: input.requestKey ?? null,
      createdBy: ctx.identity.username,
      createdAt: ctx.now,
    };
    const inserted =
      kind === 'regular'
        ? await tx
            .insert(p)
            .values(values)
            .onConflictDoNothing({ target: [p.idIndex, p.item, p.semester], where: sql`${sql.identifier('kind')} = 'regular'` })
            .returning()
        : await tx.insert(p).values(values).onConflictDoNothing({ target: p.requestKey }).returning();
    const [row] = inserted.length
      ? inserted
      : await tx
          .select()
          .from(p)
          .where(
            kind === 'regular'
              ? and(eq(p.idIndex, student.idIndex), eq(p.item, input.item), eq(p.semester, input.semester), eq(p.kind, 'regular'))
              : eq(p.requestKey, input.requestKey!),
          );
    if (!row) throw new TRPCError({ code: 'CONFLICT', message: '该请求标识已被使用，请刷新后重新提交' });
    if (!inserted.length) return { created: false, id: row.id, amount: row.amount, paidOn: row.paidOn };
    await auditChange(tx, ctx, {
      action: kind === 'regular' ? 'funding.aid.pay' : 'funding.aid.reissue',
      targetType: PAYMENT_TARGET,
      targetId: row.id,
      after: {
        studentId: student.id,
        item: input.item,
        semester: input.semester,
        amount: input.amount,
        paidOn: input.paidOn,
        reason: input.reason,
      },
    });
    if (itemFitsStage(input.item, student.stage)) await settle(tx, ctx, student, input.semester);
    return { created: true, id: row.id, amount: row.amount, paidOn: row.paidOn };
  });
}

export const aidPaymentsRouter = {
  /** A semester's regular payment of an item to a student (idempotent on student + item + semester). */
  pay: pay.input(AidPaymentInput).mutation(({ ctx, input }) => record(ctx, input, 'regular')),
  /** 补发: an explicit supplementary payment with its reason (idempotent on the request key). */
  reissue: pay.input(AidReissueInput).mutation(({ ctx, input }) => record(ctx, input, 'reissue')),

  /** The aid roll of a semester in the caller's scope (audited; names masked without the aid role). */
  payments: viewProcedure('funding')
    .input(PaymentFilter)
    .query(async ({ ctx, input }) => {
      const semester = input.semester ?? semesterOf(ctx.today);
      const where = paymentWhere(ctx.scope, semester, input);
      const at = keyedPage(PAYMENT_KEY, input);
      const [rows, [total]] = await Promise.all([
        ctx.db
          .select({
            id: p.id,
            item: p.item,
            kind: p.kind,
            amount: p.amount,
            paidOn: p.paidOn,
            reason: p.reason,
            unitCode: p.unitCode,
            name: sql<string>`coalesce(${st.name}, '')`,
            idMasked: sql<string>`coalesce(${st.idMasked}, '')`,
            stage: st.stage,
          })
          .from(p)
          .leftJoin(st, eq(st.id, p.studentId))
          .where(and(where, at.after))
          .orderBy(...at.orderBy)
          .limit(input.pageSize)
          .offset(at.offset),
        ctx.db
          .select({ n: sql<number>`count(*)::int` })
          .from(p)
          .where(where),
      ]);
      const aid = await hasAidRole(ctx);
      return {
        semester,
        total: total?.n ?? 0,
        next: nextCursor(rows, input.pageSize, (r) => [r.id]),
        aidRole: aid,
        /** The roll's import (the aid centres, not schools). */
        canImport: aid && actorLevel(ctx.scope) !== 'school',
        rows: rows.map((r) => person({ ...r, categories: [] as string[] }, aid)),
      };
    }),

  /**
   * 发放进度 per unit for a semester (counts only; everyone with the module): per item the students paid (regular
   * payments), the amount (regular and 补发) and the 补发, and the follow-ups recognised and awaiting payment.
   */
  progress: readProcedure('funding')
    .input(AidSemesterInput)
    .query(async ({ ctx, input }) => {
      const semester = input?.semester ?? semesterOf(ctx.today);
      const [paid, waiting] = await Promise.all([
        ctx.db
          .select({
            unitCode: p.unitCode,
            item: p.item,
            // Regular payments are unique per student, item and semester: their count is the students paid.
            students: sql<number>`count(*) filter (where ${p.kind} = 'regular')::int`,
            amount: sql<number>`coalesce(sum(${p.amount}), 0)::bigint`,
            reissues: sql<number>`count(*) filter (where ${p.kind} = 'reissue')::int`,
          })
          .from(p)
          .where(and(eq(p.semester, semester), recordScope(ctx.scope, p)))
          .groupBy(p.unitCode, p.item),
        ctx.db
          .select({ unitCode: f.unitCode, n: sql<number>`count(*)::int` })
          .from(f)
          .where(and(eq(f.semester, semester), eq(f.status, 'recognised'), recordScope(ctx.scope, f)))
          .groupBy(f.unitCode),
      ]);
      const items = [...new Set(Object.values(STAGE_ITEMS).flat())];
      const units = (await listUnits(ctx.db, ctx.scope)).map((u) => {
        const mine = paid.filter((r) => r.unitCode === u.code);
        const byItem = items.map((item) => {
          const r = mine.find((x) => x.item === item);
          return { item, students: r?.students ?? 0, amount: Number(r?.amount ?? 0), reissues: r?.reissues ?? 0 };
        });
        return {
          code: u.code,
          name: u.name,
          byItem,
          amount: byItem.reduce((a, i) => a + i.amount, 0),
          awaitingPayment: waiting.find((w) => w.unitCode === u.code)?.n ?? 0,
        };
      });
      return { semester, semesterLabel: semesterLabel(semester), items, units };
    }),
} satisfies TRPCRouterRecord;
