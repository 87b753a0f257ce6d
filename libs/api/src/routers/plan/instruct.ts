import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '@hyedu/db';
import { PlanYear, RecordId, textField } from '@hyedu/domain';
import { auditChange } from '../../audit-change.ts';
import type { Context } from '../../context.ts';
import { scoped } from '../../scoped.ts';
import { readProcedure, writeProcedure } from '../../trpc.ts';
import { myDepartments, taskVisible } from './access.ts';

const { departments, instructionAcks, planInstructions, planTasks, workPlanItems } = tables;
const Year = PlanYear;
const ItemNo = z.number().int().min(1).max(99);

/** The departments that must acknowledge an instruction on an item: the lead 科室 of its tasks. */
async function owners(ctx: Context, year: number, itemNo: number) {
  const rows = await ctx.db
    .selectDistinct({ lead: planTasks.lead })
    .from(planTasks)
    .where(and(eq(planTasks.year, year), eq(planTasks.itemNo, itemNo)));
  return rows.map((r) => r.lead);
}

export const instructionsRouter = {
  /** 批示 on a year's items (optionally one item), each with who must acknowledge it and who has. */
  list: readProcedure('plan')
    .input(z.object({ year: Year, itemNo: ItemNo.optional() }).strict())
    .query(async ({ ctx, input }) => {
      const list = await ctx.db
        .select()
        .from(planInstructions)
        .where(and(eq(planInstructions.year, input.year), input.itemNo ? eq(planInstructions.itemNo, input.itemNo) : undefined))
        .orderBy(desc(planInstructions.createdAt));
      // A county sees the instructions on items it carries tasks of.
      const visibleItems = new Set(
        (
          await ctx.db
            .selectDistinct({ itemNo: planTasks.itemNo })
            .from(planTasks)
            .where(and(eq(planTasks.year, input.year), taskVisible(ctx.scope)))
        ).map((r) => r.itemNo),
      );
      const shown = list.filter((i) => visibleItems.has(i.itemNo));
      if (shown.length === 0) return [];
      const [acks, depts, leads] = await Promise.all([
        ctx.db
          .select()
          .from(instructionAcks)
          .where(
            inArray(
              instructionAcks.instructionId,
              shown.map((i) => i.id),
            ),
          ),
        ctx.db.select({ key: departments.key, name: departments.name }).from(departments),
        ctx.db
          .selectDistinct({ itemNo: planTasks.itemNo, lead: planTasks.lead })
          .from(planTasks)
          .where(eq(planTasks.year, input.year))
          .orderBy(asc(planTasks.lead)),
      ]);
      const name = (k: string) => depts.find((d) => d.key === k)?.name ?? k;
      const mine = myDepartments(ctx);
      return shown.map((i) => {
        const owed = leads.filter((l) => l.itemNo === i.itemNo).map((l) => l.lead);
        return {
          id: i.id,
          itemNo: i.itemNo,
          text: i.text,
          authorName: i.authorName,
          createdAt: i.createdAt.toISOString(),
          owners: owed.map((dept) => {
            const ack = acks.find((a) => a.instructionId === i.id && a.dept === dept);
            return { dept, name: name(dept), ackBy: ack?.ackBy ?? null, ackAt: ack?.ackAt.toISOString() ?? null };
          }),
          canAcknowledge: owed.some((d) => mine.includes(d) && !acks.some((a) => a.instructionId === i.id && a.dept === d)),
        };
      });
    }),

  /** Leadership writes an instruction (批示) on an item. */
  create: writeProcedure('plan:instruct')
    .input(
      z
        .object({ year: Year, itemNo: ItemNo, text: textField(1000, '批示内容').pipe(z.string().min(2, { message: '请填写批示内容' })) })
        .strict(),
    )
    .mutation(async ({ ctx, input }) => {
      const [item] = await ctx.db
        .select({ no: workPlanItems.no })
        .from(workPlanItems)
        .where(and(eq(workPlanItems.year, input.year), eq(workPlanItems.no, input.itemNo)));
      if (!item) throw new TRPCError({ code: 'NOT_FOUND', message: '工作事项不存在' });
      const me = ctx.identity;
      return ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(planInstructions)
          .values({
            year: input.year,
            itemNo: input.itemNo,
            text: input.text,
            author: me.username,
            authorName: me.displayName,
            createdAt: ctx.now,
          })
          .returning({ id: planInstructions.id });
        await auditChange(tx, ctx, {
          action: 'plan.instruct',
          targetType: 'plan_instruction',
          targetId: String(row!.id),
          after: { year: input.year, itemNo: input.itemNo, text: input.text },
        });
        return { id: row!.id };
      });
    }),

  /** An owning 科室 acknowledges an instruction (once per 科室). */
  acknowledge: writeProcedure('plan')
    .input(z.object({ instructionId: RecordId }).strict())
    .mutation(async ({ ctx, input }) => {
      // An instruction is visible with its item: one the caller has a task in (as the list shows them).
      const ins = await scoped('plan_instruction', input.instructionId, async () => {
        const [row] = await ctx.db.select().from(planInstructions).where(eq(planInstructions.id, input.instructionId));
        const [task] = row
          ? await ctx.db
              .select({ id: planTasks.id })
              .from(planTasks)
              .where(and(eq(planTasks.year, row.year), eq(planTasks.itemNo, row.itemNo), taskVisible(ctx.scope)))
              .limit(1)
          : [];
        return task && row;
      });
      const dept = (await owners(ctx, ins.year, ins.itemNo)).find((d) => myDepartments(ctx).includes(d));
      if (!dept) throw new TRPCError({ code: 'FORBIDDEN', message: '该批示不需要本科室确认' });
      return ctx.db.transaction(async (tx) => {
        const inserted = await tx
          .insert(instructionAcks)
          .values({ instructionId: ins.id, dept, ackBy: ctx.identity.username, ackAt: ctx.now })
          .onConflictDoNothing()
          .returning();
        if (inserted.length === 0) throw new TRPCError({ code: 'CONFLICT', message: '本科室已确认该批示' });
        await auditChange(tx, ctx, {
          action: 'plan.acknowledge',
          targetType: 'plan_instruction',
          targetId: String(ins.id),
          after: { dept },
        });
        return { ok: true as const };
      });
    }),
} satisfies TRPCRouterRecord;
