import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import { insertPlanTasks, tables } from '@hyedu/db';
import { chineseNumeral, IsoDate, MAX_LIST_ENTRIES, ModuleKey, PlanTask, PlanYear, textField } from '@hyedu/domain';
import { auditChange } from '../../audit-change.ts';
import { writeProcedure } from '../../trpc.ts';

const { departments, orgUnits, planTasks, workPlanItems, workPlans, workPlanSections } = tables;
const Year = PlanYear;
const Text = (max: number, label: string) => textField(max, label).pipe(z.string().min(1, { message: `请输入${label}` }));

/**
 * Entering a plan by hand in the portal (the 办公室), as an alternative to the Excel import: a new year's header,
 * then its sections and items in order, then tasks with milestones. Each call validates, runs in one transaction
 * and is audited.
 */
export const planEditRouter = {
  create: writeProcedure('plan:admin')
    .input(
      z
        .object({
          year: Year,
          title: Text(100, '标题'),
          issuer: Text(50, '发文单位'),
          issuedOn: IsoDate,
          recipients: Text(200, '主送'),
          preamble: Text(4000, '前言'),
          closing: textField(2000, '结语'),
        })
        .strict(),
    )
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const [exists] = await tx.select({ year: workPlans.year }).from(workPlans).where(eq(workPlans.year, input.year));
        if (exists) throw new TRPCError({ code: 'CONFLICT', message: `${input.year}年的工作要点已存在` });
        await tx.insert(workPlans).values(input);
        await auditChange(tx, ctx, {
          action: 'plan.createPlan',
          targetType: 'work_plan',
          targetId: String(input.year),
          after: { title: input.title },
        });
        return { year: input.year };
      }),
    ),

  /** Adds the next item (numbered on from the last) to a section, creating the section when it is the next one. */
  addItem: writeProcedure('plan:admin')
    .input(
      z
        .object({
          year: Year,
          sectionNo: z.number().int().min(1).max(99),
          sectionTitle: textField(200, '部分标题'),
          title: Text(100, '事项标题'),
          text: Text(4000, '事项内容'),
          modules: z
            .array(ModuleKey)
            .max(MAX_LIST_ENTRIES, { message: `模块最多${MAX_LIST_ENTRIES}个` })
            .default([]),
        })
        .strict(),
    )
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const [plan] = await tx.select({ year: workPlans.year }).from(workPlans).where(eq(workPlans.year, input.year)).for('update');
        if (!plan) throw new TRPCError({ code: 'NOT_FOUND', message: `没有 ${input.year} 年的工作要点` });
        const [{ last } = { last: null }] = await tx
          .select({ last: max(workPlanSections.no) })
          .from(workPlanSections)
          .where(eq(workPlanSections.year, input.year));
        const lastSection = last ?? 0;
        if (input.sectionNo > lastSection + 1)
          throw new TRPCError({ code: 'BAD_REQUEST', message: `请先添加第${chineseNumeral(lastSection + 1)}部分` });
        if (input.sectionNo < lastSection)
          throw new TRPCError({ code: 'BAD_REQUEST', message: '事项按顺序编号，只能添加到最后一个部分或新的部分' });
        if (input.sectionNo === lastSection + 1) {
          if (!input.sectionTitle) throw new TRPCError({ code: 'BAD_REQUEST', message: '新的部分需要标题' });
          await tx
            .insert(workPlanSections)
            .values({ year: input.year, no: input.sectionNo, numeral: chineseNumeral(input.sectionNo), title: input.sectionTitle });
        }
        const [{ lastItem } = { lastItem: null }] = await tx
          .select({ lastItem: max(workPlanItems.no) })
          .from(workPlanItems)
          .where(eq(workPlanItems.year, input.year));
        const no = (lastItem ?? 0) + 1;
        await tx
          .insert(workPlanItems)
          .values({ year: input.year, no, sectionNo: input.sectionNo, title: input.title, body: input.text, modules: input.modules });
        await auditChange(tx, ctx, {
          action: 'plan.addItem',
          targetType: 'work_plan_item',
          targetId: `${input.year}-${no}`,
          after: { sectionNo: input.sectionNo, title: input.title },
        });
        return { no };
      }),
    ),
} satisfies TRPCRouterRecord;

/** A task with its milestones entered by hand (`plan.tasks`). */
export const taskEditRouter = {
  /** Adds a task with its milestones to an item of a year's plan. */
  create: writeProcedure('plan:admin')
    .input(z.object({ year: Year, task: PlanTask }).strict())
    .mutation(async ({ ctx, input }) => {
      const { task } = input;
      const [item] = await ctx.db
        .select({ no: workPlanItems.no })
        .from(workPlanItems)
        .where(and(eq(workPlanItems.year, input.year), eq(workPlanItems.no, task.itemNo)));
      if (!item) throw new TRPCError({ code: 'NOT_FOUND', message: `第${task.itemNo}项不存在` });
      const known = new Set((await ctx.db.select({ key: departments.key }).from(departments)).map((d) => d.key));
      const unknown = [task.lead, ...task.coOwners].filter((k) => !known.has(k));
      if (unknown.length) throw new TRPCError({ code: 'BAD_REQUEST', message: `科室不存在：${unknown.join('、')}` });
      const counties = (await ctx.db.select({ code: orgUnits.code, kind: orgUnits.kind }).from(orgUnits))
        .filter((u) => u.kind !== 'city')
        .map((u) => u.code);
      if (task.units !== 'all' && task.units.some((u) => !counties.includes(u)))
        throw new TRPCError({ code: 'BAD_REQUEST', message: '承办县市区应为县级单位' });
      return ctx.db.transaction(async (tx) => {
        const [dup] = await tx
          .select({ id: planTasks.id })
          .from(planTasks)
          .where(and(eq(planTasks.year, input.year), eq(planTasks.code, task.code)));
        if (dup) throw new TRPCError({ code: 'CONFLICT', message: `任务编号 ${task.code} 已存在` });
        const ids = await insertPlanTasks(tx, input.year, [task], counties);
        await auditChange(tx, ctx, {
          action: 'plan.createTask',
          targetType: 'plan_task',
          targetId: String(ids.get(task.code)),
          after: task,
        });
        return { id: ids.get(task.code)! };
      });
    }),
} satisfies TRPCRouterRecord;
