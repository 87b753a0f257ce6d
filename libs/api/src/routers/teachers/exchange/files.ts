import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { DivisionCode } from '@hyedu/domain';
import {
  DESIGNATION_LABELS,
  EXCHANGE_DIRECTION_LABELS,
  EXCHANGE_RECORD_STATUS_LABELS,
  exchangeStatusOn,
  ExchangeYear,
  EXCHANGE_PLAN_WORKFLOW as wf,
} from '@hyedu/domain/teachers';
import { exportBook, MAX_EXPORT, NO_PAGE } from '../../../exports.ts';
import { exportProcedure } from '../../../trpc.ts';
import { DesignationFilter, designationRows } from './designations.ts';
import { PlanFilter, planRows, planWhere, RecordFilter, recordRows, recordWhere, summaryOf } from './lists.ts';

const exporter = exportProcedure('teachers');
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** The exports of the exchange lists, each with its list's filters. */
export const exchangeFilesRouter = {
  exportPlans: exporter.input(PlanFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const rows = await planRows(ctx, planWhere(ctx, input)).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '交流轮岗计划',
      [
        { key: 'id', header: '编号', width: 8 },
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'schoolYear', header: '学年', width: 11 },
        { key: 'plannedCount', header: '计划交流人数', width: 12 },
        { key: 'records', header: '已列入人数', width: 10 },
        { key: 'backbone', header: '其中骨干教师', width: 12 },
        { key: 'status', header: '状态', width: 9 },
        { key: 'returnReason', header: '退回原因', width: 24 },
      ],
      rows.map(({ submittedAt: _, ...r }) => ({ ...r, status: wf.stateLabels[r.status].zh, returnReason: r.returnReason ?? '' })),
    );
  }),

  exportRecords: exporter.input(RecordFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const rows = await recordRows(ctx, recordWhere(ctx, input)).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '交流轮岗教师',
      [
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'schoolYear', header: '学年', width: 11 },
        { key: 'name', header: '姓名', width: 10 },
        { key: 'fromSchool', header: '原学校', width: 26 },
        { key: 'toSchool', header: '接收学校', width: 26 },
        { key: 'direction', header: '交流方向', width: 12 },
        { key: 'backbone', header: '骨干教师', width: 9 },
        { key: 'startOn', header: '开始日期', width: 12 },
        { key: 'termYears', header: '交流年限', width: 9 },
        { key: 'status', header: '状态', width: 9 },
      ],
      rows.map((r) => ({
        unitName: r.unitName,
        schoolYear: r.schoolYear,
        name: r.name,
        fromSchool: r.fromSchool,
        toSchool: r.toSchool,
        direction: EXCHANGE_DIRECTION_LABELS[r.direction].zh,
        backbone: r.backbone ? '是' : '否',
        startOn: r.startOn,
        termYears: r.termYears,
        status: EXCHANGE_RECORD_STATUS_LABELS[exchangeStatusOn(r.startOn, r.termYears, ctx.today)].zh,
      })),
    );
  }),

  exportSummary: exporter
    .input(z.object({ schoolYear: ExchangeYear, unitCode: DivisionCode.optional() }).strict())
    .query(async ({ ctx, input }) => {
      const s = await summaryOf(ctx, input.schoolYear, { unitCode: input.unitCode });
      return exportBook(
        ctx,
        '交流轮岗汇总',
        [
          { key: 'unitName', header: '县市区', width: 10 },
          { key: 'status', header: '计划状态', width: 10 },
          { key: 'eligible', header: '符合交流条件教师数', width: 16 },
          { key: 'needed', header: '应交流人数(10%)', width: 14 },
          { key: 'exchanged', header: '交流人数', width: 10 },
          { key: 'backbone', header: '其中骨干教师', width: 12 },
          { key: 'rate', header: '交流比例', width: 10 },
          { key: 'share', header: '骨干教师比例', width: 12 },
        ],
        s.rows.map((r) => ({
          unitName: r.unitName,
          status: r.plan ? wf.stateLabels[r.plan.status].zh : '未编制',
          eligible: r.eligible,
          needed: r.needed,
          exchanged: r.exchanged,
          backbone: r.backbone,
          rate: pct(r.rate),
          share: pct(r.backboneShare),
        })),
      );
    }),

  exportDesignations: exporter.input(DesignationFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const rows = await designationRows(ctx, input).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '优质学校和薄弱学校',
      [
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'code', header: '学校标识码', width: 13 },
        { key: 'name', header: '学校', width: 26 },
        { key: 'rural', header: '城乡', width: 8 },
        { key: 'designation', header: `${input.schoolYear}学年认定`, width: 14 },
      ],
      rows.map((r) => ({
        unitName: r.unitName,
        code: r.code,
        name: r.name,
        rural: r.isRural ? '乡村' : '城镇',
        designation: r.designation ? DESIGNATION_LABELS[r.designation].zh : '',
      })),
    );
  }),
} satisfies TRPCRouterRecord;
