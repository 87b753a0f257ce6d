import type { TRPCRouterRecord } from '@trpc/server';
import {
  FEE_SUPERVISION_LABELS,
  TRAINING_CATEGORY_LABELS,
  TRAINING_CONVERSION_LABELS,
  TRAINING_MODE_LABELS,
  TRAINING_NATURE_LABELS,
  TRAINING_STAGE_LABELS,
  TRAINING_STATUS_LABELS,
  TRAINING_SUBTYPE_LABELS,
} from '@hyedu/domain/private-edu';
import { exportBook, MAX_EXPORT } from '../../../exports.ts';
import { exportProcedure } from '../../../trpc.ts';
import { TrainingFilter, trainingRows, trainingWhere } from './query.ts';

const exporter = exportProcedure('private-edu');
const yesNo = (b: boolean) => (b ? '是' : '否');

/** 校外培训机构 as Excel: the list's export with its filters (no staff: nothing personal). */
export const trainingFilesRouter = {
  export: exporter.input(TrainingFilter.omit({ page: true, pageSize: true, after: true })).query(async ({ ctx, input }) => {
    const rows = await trainingRows(ctx.db, trainingWhere(ctx.scope, input)).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '校外培训机构',
      [
        { key: 'id', header: '编号', width: 8 },
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'name', header: '机构名称', width: 28 },
        { key: 'uscc', header: '统一社会信用代码', width: 20 },
        { key: 'licenceNo', header: '办学许可证号', width: 20 },
        { key: 'approvedOn', header: '审批日期', width: 11 },
        { key: 'category', header: '类别', width: 10 },
        { key: 'stage', header: '培训对象', width: 10 },
        { key: 'mode', header: '形式', width: 6 },
        { key: 'nature', header: '性质', width: 8 },
        { key: 'status', header: '经营状态', width: 8 },
        { key: 'conversion', header: '营改非', width: 12 },
        { key: 'platformId', header: '全国平台机构编号', width: 16 },
        { key: 'onPlatform', header: '已入驻全国平台', width: 12 },
        { key: 'feeSupervision', header: '预收费监管', width: 10 },
        { key: 'whiteList', header: '白名单', width: 7 },
        { key: 'staffCount', header: '人员数', width: 7 },
      ],
      rows.map((r) => ({
        id: r.id,
        unitName: r.unitName,
        name: r.name,
        uscc: r.uscc,
        licenceNo: r.licenceNo,
        approvedOn: r.approvedOn,
        category: r.subType
          ? `${TRAINING_CATEGORY_LABELS[r.category]}（${TRAINING_SUBTYPE_LABELS[r.subType]}）`
          : TRAINING_CATEGORY_LABELS[r.category],
        stage: TRAINING_STAGE_LABELS[r.stage],
        mode: TRAINING_MODE_LABELS[r.mode],
        nature: TRAINING_NATURE_LABELS[r.nature],
        status: TRAINING_STATUS_LABELS[r.status],
        conversion: r.conversionState ? TRAINING_CONVERSION_LABELS[r.conversionState] : '无需',
        platformId: r.platformId ?? '',
        onPlatform: yesNo(r.onPlatform),
        feeSupervision: FEE_SUPERVISION_LABELS[r.feeSupervision],
        whiteList: yesNo(r.whiteList),
        staffCount: r.staffCount,
      })),
    );
  }),
} satisfies TRPCRouterRecord;
