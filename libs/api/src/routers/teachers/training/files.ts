import type { TRPCRouterRecord } from '@trpc/server';
import { and, inArray, isNull, sql } from 'drizzle-orm';
import { blindIndex, recountTraining, refreshItStanding, tables, type Tx } from '@hyedu/db';
import { recordRefusal, STAFFING_STATUS_LABELS, TRAINING_TIER_LABELS, type TrainingImportField } from '@hyedu/domain/teachers';
import { writeTemplate, type RowError } from '@hyedu/excel';
import type { AuthedContext } from '../../../context.ts';
import { exportBook, MAX_EXPORT, NO_PAGE } from '../../../exports.ts';
import { checkedAnswer, parseUpload, tracked, writeImportAudit } from '../../../imports/run.ts';
import { ImportUpload } from '../../../inputs.ts';
import { recordScope } from '../../../record-scope.ts';
import { exporter, projectScope, read, RECORD_TARGET, write } from './access.ts';
import { ProjectFilter, projectRows, projectWhere, withCompletion } from './projects.ts';
import { RecordFilter, recordRows, recordWhere } from './query.ts';
import { TRAINING_SHEET, trainingColumns, type TrainingSheetRow } from './sheet.ts';
import { shortOf, StandingFilter, standingQuery } from './standing.ts';

const { teacherStaff: st, teacherTrainingProjects: p, teacherTrainingRecords: r } = tables;
const CHUNK = 500;
const yesNo = (b: boolean) => (b ? '是' : '否');

interface Planned {
  rowNumber: number;
  projectId: number;
  staff: { id: number; idIndex: string; schoolId: number; unitCode: string };
  hours: number;
  completed: boolean;
  recordedOn: string;
}

/**
 * Matches every clean row against the registry and the projects: the person must be in post at a school of the
 * caller's scope (a county: its own schools) under the same name; the project found by 项目编号, or by a name only one
 * visible project has; the hours and date within the project's (`recordRefusal`). Problems come back by row.
 */
async function planRows(ctx: AuthedContext, rows: readonly TrainingSheetRow[], headers: Record<string, string>) {
  const indexed = rows.map((row) => ({ row, idIndex: blindIndex(ctx.keys.indexKey, row.value.idNumber) }));
  const staff = new Map<string, { id: number; idIndex: string; schoolId: number; unitCode: string; name: string }>();
  const indexes = [...new Set(indexed.map((x) => x.idIndex))];
  for (let i = 0; i < indexes.length; i += 1000) {
    const found = await ctx.db
      .select({ id: st.id, idIndex: st.idIndex, schoolId: st.schoolId, unitCode: st.unitCode, name: st.name })
      .from(st)
      .where(and(inArray(st.idIndex, indexes.slice(i, i + 1000)), isNull(st.leftOn), recordScope(ctx.scope, st)));
    for (const s of found) staff.set(s.idIndex, s);
  }
  const projects = await ctx.db
    .select({ id: p.id, code: p.code, name: p.name, year: p.year, plannedHours: p.plannedHours })
    .from(p)
    .where(projectScope(ctx.scope));
  const byCode = new Map(projects.filter((x) => x.code).map((x) => [x.code!, x]));
  const byName = new Map<string, typeof projects>();
  for (const x of projects) byName.set(x.name, [...(byName.get(x.name) ?? []), x]);
  const errors: RowError[] = [];
  const plans: Planned[] = [];
  const err = (row: number, field: TrainingImportField, message: string) => errors.push({ row, column: headers[field]!, message });
  for (const { row, idIndex } of indexed) {
    const v = row.value;
    const person = staff.get(idIndex);
    if (!person) {
      err(row.rowNumber, 'idNumber', '该人员不在您数据范围内的学校在岗');
      continue;
    }
    if (person.name !== v.name) {
      err(row.rowNumber, 'name', '姓名与教职员工登记不一致');
      continue;
    }
    let project: (typeof projects)[number] | undefined;
    if (v.projectCode) {
      project = byCode.get(v.projectCode);
      if (!project) {
        err(row.rowNumber, 'projectCode', '未找到该项目编号的培训项目');
        continue;
      }
    } else {
      const named = byName.get(v.projectName!) ?? [];
      if (named.length !== 1) {
        err(row.rowNumber, 'projectName', named.length ? '有多个同名培训项目，请填写项目编号' : '未找到该名称的培训项目');
        continue;
      }
      project = named[0]!;
    }
    const recordedOn = v.recordedOn ?? ctx.today;
    const refusal = recordRefusal({ hours: v.hours, recordedOn }, project, ctx.today);
    if (refusal) {
      err(row.rowNumber, refusal.field === 'hours' ? 'hours' : 'recordedOn', refusal.message);
      continue;
    }
    plans.push({ rowNumber: row.rowNumber, projectId: project.id, staff: person, hours: v.hours, completed: v.completed, recordedOn });
  }
  // Two rows of one person for one project named differently (编号 in one, name in the other).
  const seen = new Map<string, number>();
  for (const x of plans) {
    const key = `${x.staff.idIndex}|${x.projectId}`;
    const first = seen.get(key);
    if (first !== undefined) err(x.rowNumber, 'idNumber', `与第${first}行是同一人的同一项目`);
    else seen.set(key, x.rowNumber);
  }
  return { plans, errors };
}

/** Inserts or updates (per person and project) every planned row; answers the records with their sheet rows. */
async function commitPlans(tx: Tx, ctx: AuthedContext, plans: readonly Planned[]) {
  const records: { id: number; rowNumber: number }[] = [];
  for (let i = 0; i < plans.length; i += CHUNK) {
    const chunk = plans.slice(i, i + CHUNK);
    const done = await tx
      .insert(r)
      .values(
        chunk.map((x) => ({
          projectId: x.projectId,
          staffId: x.staff.id,
          idIndex: x.staff.idIndex,
          schoolId: x.staff.schoolId,
          unitCode: x.staff.unitCode,
          hours: x.hours,
          completed: x.completed,
          recordedOn: x.recordedOn,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
        })),
      )
      .onConflictDoUpdate({
        target: [r.idIndex, r.projectId],
        set: {
          staffId: sql`excluded.staff_id`,
          schoolId: sql`excluded.school_id`,
          unitCode: sql`excluded.unit_code`,
          hours: sql`excluded.hours`,
          completed: sql`excluded.completed`,
          recordedOn: sql`excluded.recorded_on`,
          version: sql`${r.version} + 1`,
        },
      })
      .returning({ id: r.id, idIndex: r.idIndex, projectId: r.projectId });
    const idOf = new Map(done.map((d) => [`${d.idIndex}|${d.projectId}`, d.id]));
    for (const x of chunk) records.push({ id: idOf.get(`${x.staff.idIndex}|${x.projectId}`)!, rowNumber: x.rowNumber });
    await refreshItStanding(tx, [...new Set(chunk.map((x) => x.staff.idIndex))]);
  }
  await recountTraining(
    tx,
    plans.map((x) => x.projectId),
  );
  return records.sort((a, b) => a.rowNumber - b.rowNumber);
}

/** The training records' import (with its template) and the exports of the three lists. */
export const trainingFilesRouter = {
  template: read.query(async () => ({
    filename: '教师培训记录导入模板.xlsx',
    base64: (
      await writeTemplate(
        [{ name: TRAINING_SHEET, columns: trainingColumns() }],
        [
          '教师培训记录导入模板；也可直接导入国培平台或全国教师管理信息系统导出的培训记录（按表头识别各列，读取第一个含这些列的工作表）。示例行导入时会被忽略。',
          '每人每个项目一行：身份证号须为您数据范围内学校的在岗教职员工，姓名须与登记一致；项目按项目编号识别，未填编号时按项目名称识别。',
          '同一人同一项目已有记录的，导入后以文件为准（更新学时、完成情况和日期）。',
          '导入时先检查全部内容，发现任何错误都不会导入，并逐行说明错误所在（第几行、哪一列）。县市区只能导入本县市区学校的教职员工。',
        ],
      )
    ).toString('base64'),
  })),

  /** The national export of training records: a dry run lists every problem; otherwise all rows or none, one audit record. */
  import: write.input(ImportUpload).mutation(({ ctx, input }) =>
    tracked(ctx, input, async (tracker, file) => {
      const parsed = await parseUpload(tracker, input.fileName, file, 'teachers.training', {});
      const total = parsed.rows.length + new Set(parsed.errors.map((e) => e.row)).size;
      const { plans, errors } = await planRows(ctx, parsed.rows, parsed.headers);
      const all = [...parsed.errors, ...errors];
      if (all.length || input.dryRun) return checkedAnswer(total, all);
      if (!plans.length) return { imported: 0, rows: 0, errors: [], errorCount: 0 };
      tracker.set({ phase: 'publishing' });
      const written = await ctx.db.transaction(async (tx) => {
        const records = await commitPlans(tx, ctx, plans);
        await writeImportAudit(tx, ctx, {
          action: 'teachers.training.import',
          targetType: RECORD_TARGET,
          fileName: input.fileName,
          file,
          records,
        });
        return records.length;
      });
      return { imported: written, rows: plans.length, errors: [], errorCount: 0 };
    }),
  ),

  exportProjects: exporter.input(ProjectFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const rows = (await projectRows(ctx.db, projectWhere(ctx.scope, input)).limit(MAX_EXPORT)).map(withCompletion);
    return exportBook(
      ctx,
      '教师培训项目',
      [
        { key: 'year', header: '年度', width: 6 },
        { key: 'tierLabel', header: '层级', width: 6 },
        { key: 'code', header: '项目编号', width: 14 },
        { key: 'name', header: '项目名称', width: 36 },
        { key: 'organiser', header: '组织实施单位', width: 20 },
        { key: 'owner', header: '所属', width: 20 },
        { key: 'plannedHours', header: '计划学时', width: 8 },
        { key: 'itCapability', header: '计入信息技术2.0', width: 10 },
        { key: 'plannedParticipants', header: '计划参训人数', width: 10 },
        { key: 'participants', header: '参训记录数', width: 10 },
        { key: 'completed', header: '已完成人数', width: 10 },
        { key: 'completion', header: '完成率', width: 8 },
      ],
      rows.map((x) => ({
        ...x,
        code: x.code ?? '',
        owner: x.schoolName ?? x.unitName,
        itCapability: yesNo(x.itCapability),
        plannedParticipants: x.plannedParticipants ?? '',
        completion: x.completion === null ? '' : `${(x.completion * 100).toFixed(1)}%`,
      })),
    );
  }),

  exportRecords: exporter.input(RecordFilter.omit({ ...NO_PAGE, after: true })).query(async ({ ctx, input }) => {
    const rows = await recordRows(ctx.db, recordWhere(ctx.scope, input)).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '教师培训记录',
      [
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'schoolName', header: '学校', width: 26 },
        { key: 'name', header: '姓名', width: 10 },
        { key: 'year', header: '年度', width: 6 },
        { key: 'tier', header: '层级', width: 6 },
        { key: 'projectName', header: '项目名称', width: 36 },
        { key: 'itCapability', header: '计入信息技术2.0', width: 10 },
        { key: 'hours', header: '学时', width: 6 },
        { key: 'completed', header: '完成情况', width: 8 },
        { key: 'recordedOn', header: '日期', width: 11 },
      ],
      rows.map((x) => ({
        unitName: x.unitName,
        schoolName: x.schoolName,
        name: x.name,
        year: x.year,
        tier: TRAINING_TIER_LABELS[x.tier].zh,
        projectName: x.projectName,
        itCapability: yesNo(x.itCapability),
        hours: x.hours,
        completed: x.completed ? '已完成' : '未完成',
        recordedOn: x.recordedOn,
      })),
    );
  }),

  exportStanding: exporter.input(StandingFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const rows = await standingQuery(ctx.db, ctx.scope, input, ctx.today).rows().limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '信息技术应用能力提升工程2.0学时',
      [
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'schoolName', header: '学校', width: 26 },
        { key: 'name', header: '姓名', width: 10 },
        { key: 'employment', header: '用工性质', width: 10 },
        { key: 'subject', header: '任教学科', width: 10 },
        { key: 'hours', header: `近3年学时（截至${ctx.today}）`, width: 18 },
        { key: 'short', header: '尚差学时', width: 8 },
        { key: 'met', header: '是否达标', width: 8 },
      ],
      rows.map((x) => ({
        unitName: x.unitName,
        schoolName: x.schoolName,
        name: x.name,
        employment: STAFFING_STATUS_LABELS[x.employment].zh,
        subject: x.subject ?? '',
        hours: x.hours,
        short: shortOf(x.hours),
        met: shortOf(x.hours) === 0 ? '达标' : '未达标',
      })),
    );
  }),
} satisfies TRPCRouterRecord;
