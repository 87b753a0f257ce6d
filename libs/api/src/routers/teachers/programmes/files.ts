import type { TRPCRouterRecord } from '@trpc/server';
import { decryptField } from '@hyedu/db';
import { maskIdCard } from '@hyedu/domain';
import { OBLIGATION_STANDING_LABELS, PROGRAMME_PERSON_STATUS_LABELS, PROGRAMMES } from '@hyedu/domain/teachers';
import { exportBook, MAX_EXPORT, NO_PAGE } from '../../../exports.ts';
import { exporter } from './procedures.ts';
import { personCipherId, PersonFilter, personRows, personWhere, programmeSummary, standingOf, SummaryFilter, yearOf } from './query.ts';

/** The programme lists as Excel: the persons (with the list's filters) and the summary per county and programme. */
export const programmeFilesRouter = {
  /** The persons list as Excel, with its filters (the ID number masked). */
  exportPersons: exporter.input(PersonFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const rows = await personRows(ctx.db, personWhere(ctx.scope, input, ctx.today)).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '教师补充计划人员',
      [
        { key: 'programme', header: '计划', width: 14 },
        { key: 'year', header: '年度', width: 7 },
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'schoolName', header: '学校', width: 26 },
        { key: 'name', header: '姓名', width: 10 },
        { key: 'idNumber', header: '身份证号', width: 20 },
        { key: 'status', header: '到岗状态', width: 10 },
        { key: 'arrivedOn', header: '到岗日期', width: 12 },
        { key: 'obligationEndsOn', header: '服务期满', width: 12 },
        { key: 'standing', header: '履约情况', width: 10 },
        { key: 'leftOn', header: '离岗日期', width: 12 },
        { key: 'leftReason', header: '离岗原因', width: 24 },
        { key: 'inRegistry', header: '已入教职员工库', width: 12 },
      ],
      rows.map((r) => ({
        programme: PROGRAMMES[r.programme].zh,
        year: r.year,
        unitName: r.unitName,
        schoolName: r.schoolName,
        name: r.name,
        idNumber: maskIdCard(decryptField(ctx.keys.dataKey, r.idCipher, personCipherId(r.idIndex))),
        status: PROGRAMME_PERSON_STATUS_LABELS[r.status].zh,
        arrivedOn: r.arrivedOn ?? '',
        obligationEndsOn: r.obligationEndsOn ?? '',
        standing: OBLIGATION_STANDING_LABELS[standingOf(r, ctx.today)].zh,
        leftOn: r.leftOn ?? '',
        leftReason: r.leftReason ?? '',
        inRegistry: r.staffId ? '是' : '否',
      })),
    );
  }),

  /** The summary (quotas and arrivals per county and programme) as Excel. */
  exportSummary: exporter.input(SummaryFilter).query(async ({ ctx, input }) => {
    const year = yearOf(input, ctx.today);
    const rows = await programmeSummary(ctx.db, ctx.scope, year, ctx.today, input.unitCode);
    const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
    return exportBook(
      ctx,
      `教师补充计划到岗情况（${year}年）`,
      [
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'programme', header: '计划', width: 14 },
        { key: 'planned', header: '计划人数', width: 10 },
        { key: 'arrived', header: '已到岗', width: 10 },
        { key: 'rate', header: '到岗率', width: 10 },
      ],
      rows.flatMap((u) =>
        u.programmes.map((x) => ({ unitName: u.unitName, programme: x.label, planned: x.planned, arrived: x.arrived, rate: pct(x.rate) })),
      ),
    );
  }),
} satisfies TRPCRouterRecord;
