import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '@hyedu/db';
import { fenToYuanString, RecordId } from '@hyedu/domain';
import {
  COVERT_FORM_LABELS,
  DECISION_LABELS,
  ENFORCEMENT_OPEN_STATES,
  ENFORCEMENT_WORKFLOW,
  HANDLER_LABELS,
  handlerRefusal,
  SOURCE_LABELS,
  VIOLATION_LABELS,
} from '@hyedu/domain/private-edu';
import { storeUpload } from '../../../attach.ts';
import { exportBook, MAX_EXPORT, NO_PAGE } from '../../../exports.ts';
import { describeFile, FILE_COLUMNS } from '../../../file-meta.ts';
import { Upload } from '../../../inputs.ts';
import { actorLevel } from '../../../record-scope.ts';
import { scoped } from '../../../scoped.ts';
import { exportProcedure } from '../../../trpc.ts';
import { read, write } from '../procedures.ts';
import { caseScope, EnforcementFilter, enforcementRows, enforcementWhere, EVIDENCE, TARGET, visibleCase } from './query.ts';

const { attachments, privateEnforcementCases: r } = tables;
const exporter = exportProcedure('private-edu');

/** A case's evidence (调查取证) and the list as Excel. */
export const enforcementFilesRouter = {
  /** Adds an evidence file to an open case, by its handler (each file judged by its whole content). */
  attach: write.input(Upload.extend({ id: RecordId }).strict()).mutation(async ({ ctx, input }) => {
    const row = await visibleCase(ctx, input.id);
    const refusal = handlerRefusal(actorLevel(ctx.scope), row.handlerLevel);
    if (refusal) throw new TRPCError({ code: 'FORBIDDEN', message: refusal });
    if (!ENFORCEMENT_OPEN_STATES.includes(row.status))
      throw new TRPCError({
        code: 'CONFLICT',
        message: `执法案件当前为“${ENFORCEMENT_WORKFLOW.stateLabels[row.status].zh}”，不能再上传证据`,
      });
    return storeUpload(ctx, {
      upload: input,
      ownerType: EVIDENCE,
      ownerId: row.id,
      full: (max) => `每个案件最多 ${max} 份证据材料`,
      audit: { action: 'privateEdu.enforcement.attach', targetType: TARGET, targetId: String(row.id) },
    });
  }),

  /** An evidence file, for whoever may see the case (its bytes come from GET /api/files/private-enforcement/:id). */
  file: read.input(z.object({ id: RecordId }).strict()).query(async ({ ctx, input }) => {
    const file = await scoped('attachment', input.id, async () => {
      const [row] = await ctx.db
        .select(FILE_COLUMNS)
        .from(attachments)
        .where(and(eq(attachments.id, input.id), eq(attachments.ownerType, EVIDENCE)));
      if (!row) return null;
      const [found] = await ctx.db
        .select({ id: r.id })
        .from(r)
        .where(and(eq(r.id, row.ownerId), caseScope(ctx.scope)));
      return found && row;
    });
    return describeFile(file);
  }),

  /** 校外培训执法案件 as Excel: the list's filter without the paging; amounts in yuan. */
  export: exporter.input(EnforcementFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const rows = await enforcementRows(ctx.db, enforcementWhere(ctx, input), ctx.today).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '校外培训执法案件',
      [
        { key: 'id', header: '编号', width: 8 },
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'handler', header: '办理层级', width: 12 },
        { key: 'subjectName', header: '当事人', width: 26 },
        { key: 'uscc', header: '统一社会信用代码', width: 20 },
        { key: 'subjectAddress', header: '经营地址', width: 30 },
        { key: 'violation', header: '违法类型', width: 18 },
        { key: 'clueSource', header: '线索来源', width: 10 },
        { key: 'clueOn', header: '线索日期', width: 11 },
        { key: 'status', header: '状态', width: 9 },
        { key: 'caseNo', header: '立案编号', width: 20 },
        { key: 'filedOn', header: '立案日期', width: 11 },
        { key: 'penalties', header: '处罚决定', width: 24 },
        { key: 'fine', header: '罚款（元）', width: 12 },
        { key: 'closedOn', header: '结案日期', width: 11 },
        { key: 'due', header: '本阶段期限', width: 11 },
        { key: 'overdue', header: '逾期', width: 6 },
      ],
      rows.map((x) => ({
        id: x.id,
        unitName: x.unitName,
        handler: HANDLER_LABELS[x.handlerLevel].zh,
        subjectName: x.subjectName,
        uscc: x.uscc ?? '',
        subjectAddress: x.subjectAddress,
        violation: VIOLATION_LABELS[x.violation].zh + (x.covertForm ? `（${COVERT_FORM_LABELS[x.covertForm].zh}）` : ''),
        clueSource: SOURCE_LABELS[x.clueSource].zh,
        clueOn: x.clueOn,
        status: ENFORCEMENT_WORKFLOW.stateLabels[x.status].zh,
        caseNo: x.caseNo ?? '',
        filedOn: x.filedOn ?? '',
        penalties: (x.penalties ?? []).map((p) => DECISION_LABELS[p].zh).join('、'),
        fine: x.fineFen === null ? '' : fenToYuanString(x.fineFen),
        closedOn: x.closedOn ?? '',
        due: x.due ?? '',
        overdue: x.overdue ? '是' : '否',
      })),
    );
  }),
} satisfies TRPCRouterRecord;
