// The exports of the 年检, 办学许可 and 普惠认定 lists: each takes its list's filter without the paging, in the caller's
// scope, and writes the columns the list shows (with the school's code) and nothing personal.
import type { TRPCRouterRecord } from '@trpc/server';
import { beijingDate, fenToYuanString } from '@hyedu/domain';
import {
  gradeLabel,
  INSPECTION_WORKFLOW,
  LICENCE_CATEGORY_LABELS,
  LICENCE_KIND_LABELS,
  LICENCE_WORKFLOW,
  PUHUI_WORKFLOW,
} from '@hyedu/domain/private-edu';
import { exportBook, MAX_EXPORT, NO_PAGE } from '../../exports.ts';
import { exportProcedure } from '../../trpc.ts';
import { InspectionFilter, inspectionRows, inspectionWhere } from './inspection.ts';
import { LicenceFilter, licenceRows, licenceWhere } from './licence.ts';
import { PuhuiFilter, puhuiRows, puhuiWhere } from './puhui.ts';

const exporter = exportProcedure('private-edu');
const AUTHORITY_ZH = { county: '县市区教育局', city: '市教育局' } as const;
const yuan = (fen: number | null) => (fen === null ? '' : fenToYuanString(fen));

/** 民办学校年检 as Excel: the list's export. */
export const inspectionFilesRouter = {
  export: exporter.input(InspectionFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const rows = await inspectionRows(ctx.db, inspectionWhere(ctx, input)).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '民办学校年检',
      [
        { key: 'id', header: '编号', width: 8 },
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'schoolCode', header: '学校标识码', width: 13 },
        { key: 'schoolName', header: '学校', width: 26 },
        { key: 'year', header: '年度', width: 8 },
        { key: 'authority', header: '审批机关', width: 14 },
        { key: 'status', header: '状态', width: 10 },
        { key: 'rectifyBy', header: '整改期限', width: 11 },
        { key: 'overdue', header: '整改逾期', width: 9 },
        { key: 'grade', header: '年检结论', width: 10 },
        { key: 'enrolmentStoppedYear', header: '停止招生年度', width: 12 },
      ],
      rows.map((r) => ({
        id: r.id,
        unitName: r.unitName,
        schoolCode: r.schoolCode,
        schoolName: r.schoolName,
        year: r.year,
        authority: AUTHORITY_ZH[r.authority],
        status: INSPECTION_WORKFLOW.stateLabels[r.status].zh,
        rectifyBy: r.rectifyBy,
        overdue: r.status === 'rectifying' && r.rectifyBy !== null && r.rectifyBy < ctx.today ? '是' : '否',
        grade: gradeLabel(r.grade, 'zh') ?? '',
        enrolmentStoppedYear: r.enrolmentStoppedYear,
      })),
    );
  }),
} satisfies TRPCRouterRecord;

/** 办学许可事项 as Excel: the list's export. */
export const licenceFilesRouter = {
  export: exporter.input(LicenceFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const rows = await licenceRows(ctx.db, licenceWhere(ctx, input)).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '办学许可事项',
      [
        { key: 'id', header: '编号', width: 8 },
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'schoolCode', header: '学校标识码', width: 13 },
        { key: 'schoolName', header: '学校', width: 26 },
        { key: 'kind', header: '许可事项', width: 9 },
        { key: 'registration', header: '分类登记', width: 10 },
        { key: 'authority', header: '审批机关', width: 14 },
        { key: 'licenceNo', header: '办学许可证号', width: 22 },
        { key: 'validUntil', header: '有效期至', width: 11 },
        { key: 'status', header: '状态', width: 9 },
        { key: 'createdOn', header: '申请日期', width: 11 },
      ],
      rows.map((r) => ({
        id: r.id,
        unitName: r.unitName,
        schoolCode: r.schoolCode,
        schoolName: r.schoolName,
        kind: LICENCE_KIND_LABELS[r.kind].zh,
        registration: LICENCE_CATEGORY_LABELS[r.registration].zh,
        authority: AUTHORITY_ZH[r.authority],
        licenceNo: r.licenceNo,
        validUntil: r.validUntil,
        status: LICENCE_WORKFLOW.stateLabels[r.status].zh,
        createdOn: beijingDate(r.createdAt),
      })),
    );
  }),
} satisfies TRPCRouterRecord;

/** 普惠性民办园认定 as Excel: the list's export (amounts in yuan with 2 decimals). */
export const puhuiFilesRouter = {
  export: exporter.input(PuhuiFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const rows = await puhuiRows(ctx.db, puhuiWhere(ctx, input)).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '普惠性民办园认定',
      [
        { key: 'id', header: '编号', width: 8 },
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'schoolCode', header: '学校标识码', width: 13 },
        { key: 'schoolName', header: '幼儿园', width: 26 },
        { key: 'feeAsked', header: '申请保教费（元/月）', width: 16 },
        { key: 'feeCap', header: '认定收费上限（元/月）', width: 18 },
        { key: 'subsidy', header: '生均补助（元/年）', width: 15 },
        { key: 'validFrom', header: '认定生效日期', width: 12 },
        { key: 'revokedOn', header: '撤销日期', width: 11 },
        { key: 'status', header: '状态', width: 9 },
        { key: 'createdOn', header: '申请日期', width: 11 },
      ],
      rows.map((r) => ({
        id: r.id,
        unitName: r.unitName,
        schoolCode: r.schoolCode,
        schoolName: r.schoolName,
        feeAsked: yuan(r.feeAsked),
        feeCap: yuan(r.feeCap),
        subsidy: yuan(r.subsidy),
        validFrom: r.validFrom,
        revokedOn: r.revokedOn,
        status: PUHUI_WORKFLOW.stateLabels[r.status].zh,
        createdOn: beijingDate(r.createdAt),
      })),
    );
  }),
} satisfies TRPCRouterRecord;
