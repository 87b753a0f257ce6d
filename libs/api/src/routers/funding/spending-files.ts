// The rule's view and the exports of the returns list and of the rule: each in the caller's scope.
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { authorize, fenToYuanString } from '@hyedu/domain';
import { comparedYears, fiscalYearLabel, MAX_FISCAL_YEAR, MIN_FISCAL_YEAR, SPENDING_WORKFLOW, type Movement } from '@hyedu/domain/funding';
import { exportBook, MAX_EXPORT, NO_PAGE } from '../../exports.ts';
import { actorLevel } from '../../record-scope.ts';
import { exportProcedure, readProcedure } from '../../trpc.ts';
import { budgetUnitName, ruleView } from './spending-rule.ts';
import { SpendingFilter, spendingRows, spendingWhere } from './spending.ts';

const read = readProcedure('funding');
const exporter = exportProcedure('funding');

/** The plan year of a check (the 2022 check compares the 决算 of 2021 with 2020); absent: the business date's year. */
export const RuleInput = z
  .object({
    planYear: z
      .number({ message: '核查年度应为数字' })
      .int({ message: '核查年度应为整数' })
      .min(MIN_FISCAL_YEAR + 2, { message: `核查年度不能早于${MIN_FISCAL_YEAR + 2}年` })
      .max(MAX_FISCAL_YEAR, { message: `核查年度不能晚于${MAX_FISCAL_YEAR}年` })
      .optional(),
  })
  .strict();
const planYearOf = (input: { planYear?: number }, today: string) => input.planYear ?? Number(today.slice(0, 4));

const MOVE_ZH: Record<Movement, string> = { up: '增长', equal: '持平', down: '下降', unknown: '无法判断' };
const moveZh = (m: Movement | null) => (m ? MOVE_ZH[m] : '');
const yuan = (fen: number | null) => (fen === null ? '' : fenToYuanString(fen));

export const spendingFilesRouter = {
  /** “两个只增不减” for a plan year: per checked unit its years on record, pupils, per-pupil figures, movements and the check. */
  rule: read.input(RuleInput).query(async ({ ctx, input }) => {
    const planYear = planYearOf(input, ctx.today);
    const units = await ruleView(ctx.db, ctx.scope, planYear);
    return {
      planYear,
      ...comparedYears(planYear),
      units,
      canConfigure: actorLevel(ctx.scope) === 'city' && authorize(ctx.identity.grants, { area: 'funding', action: 'write' }).allowed,
    };
  }),

  /** 教育经费决算填报 as Excel: the list's export. */
  export: exporter.input(SpendingFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const rows = await spendingRows(ctx.db, spendingWhere(ctx.scope, input)).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '教育经费决算填报',
      [
        { key: 'id', header: '编号', width: 8 },
        { key: 'unitCode', header: '单位代码', width: 10 },
        { key: 'unitName', header: '单位', width: 12 },
        { key: 'fiscalYear', header: '决算年度', width: 12 },
        { key: 'budgetSpending', header: '一般公共预算教育支出（元）', width: 22 },
        { key: 'reportedPupils', header: '填报在校生数', width: 12 },
        { key: 'status', header: '状态', width: 10 },
      ],
      rows.map((x) => ({
        id: x.id,
        unitCode: x.unitCode,
        unitName: budgetUnitName({ kind: x.unitKind, name: x.unitName }),
        fiscalYear: fiscalYearLabel(x.fiscalYear),
        budgetSpending: yuan(x.budgetSpending),
        reportedPupils: x.reportedPupils,
        status: SPENDING_WORKFLOW.stateLabels[x.status].zh,
      })),
    );
  }),

  /** The rule's view as Excel: one row per unit and 决算 year, with the check's outcome on the compared year. */
  exportRule: exporter.input(RuleInput).query(async ({ ctx, input }) => {
    const planYear = planYearOf(input, ctx.today);
    const units = await ruleView(ctx.db, ctx.scope, planYear);
    const rows = units.flatMap((u) =>
      u.years.map((y) => ({
        unitCode: u.unitCode,
        unitName: u.unitName,
        year: y.label.zh,
        status: SPENDING_WORKFLOW.stateLabels[y.status].zh,
        spending: yuan(y.spending),
        pupils: y.pupils,
        pupilsSource: y.pupilsSource === 'census' ? '学年初统计' : y.pupilsSource === 'reported' ? '单位填报' : '',
        perPupil: yuan(y.perPupil),
        spendingMove: moveZh(y.spendingMove),
        perPupilMove: moveZh(y.perPupilMove),
        check:
          y.year !== u.check.year
            ? ''
            : u.check.state === 'judged'
              ? u.check.met === true
                ? '达标'
                : u.check.met === false
                  ? '未达标'
                  : '无法判断'
              : u.check.state === 'awaiting'
                ? '待审核'
                : '缺少填报',
      })),
    );
    return exportBook(
      ctx,
      `两个只增不减（${planYear}年核查）`,
      [
        { key: 'unitCode', header: '单位代码', width: 10 },
        { key: 'unitName', header: '单位', width: 12 },
        { key: 'year', header: '决算年度', width: 12 },
        { key: 'status', header: '填报状态', width: 10 },
        { key: 'spending', header: '一般公共预算教育支出（元）', width: 22 },
        { key: 'pupils', header: '在校生数', width: 10 },
        { key: 'pupilsSource', header: '在校生口径', width: 12 },
        { key: 'perPupil', header: '生均支出（元）', width: 14 },
        { key: 'spendingMove', header: '支出较上年', width: 10 },
        { key: 'perPupilMove', header: '生均较上年', width: 10 },
        { key: 'check', header: `${planYear}年核查结论`, width: 14 },
      ],
      rows,
    );
  }),
} satisfies TRPCRouterRecord;
