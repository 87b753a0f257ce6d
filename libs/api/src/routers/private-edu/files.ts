import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { publishStaged, tables, type Db } from '@hyedu/db';
import { SCHOOL_LEVEL_LABELS, type DataScope, type SchoolLevel } from '@hyedu/domain';
import {
  CONVERSION_WORKFLOW,
  conversionStanding,
  GCM_DISPOSAL_LABELS,
  GCM_TYPE_LABELS,
  isWholeSchool,
  LEVER_LABELS,
  LEVER_WORKFLOW,
  PARTY_ORG_LABELS,
  type GcmDisposal,
  type GcmType,
  type PartyOrg,
} from '@hyedu/domain/private-edu';
import { writeTemplate, type CellValue, type Column } from '@hyedu/excel';
import { exportBook, MAX_EXPORT, NO_PAGE } from '../../exports.ts';
import { checkedAnswer, importNewRecords, parseUpload, schoolRefs, stageAndPublish, tracked, writeImportAudit } from '../../imports/run.ts';
import { ImportUpload } from '../../inputs.ts';
import { scopeCondition } from '../../queries.ts';
import { exportProcedure } from '../../trpc.ts';
import { ConversionFilter, conversionRows, conversionWhere, DEADLINE } from './conversion.ts';
import { LEVER_COLUMNS, LEVER_SHEET, PROFILE_COLUMNS, PROFILE_SHEET, type PrivateSchoolRef } from './import-sheets.ts';
import { ledger } from './ledger.ts';
import { COMPULSORY_LEVELS, LeverFilter, leverRows, leverWhere } from './lever.ts';
import { read, write } from './procedures.ts';
import { ProfileFilter, profileRows, profileWhere } from './profile.ts';

const { schools, privateLevers, privateProfiles } = tables;
const exporter = exportProcedure('private-edu');
const yes = (b: boolean | null) => (b === null ? '' : b ? '是' : '否');
const pct = (share: number | null) => (share === null ? '' : `${(share * 100).toFixed(2)}%`);
const INSTRUCTIONS = '导入时先检查全部内容，发现任何错误都不会导入，并逐行说明错误所在（第几行、哪一列）。';

/** The private schools of the caller's scope, each with whether it teaches compulsory grades (the parsers' second list). */
async function privateSchoolRefs(db: Db, scope: DataScope): Promise<PrivateSchoolRef[]> {
  const rows = await db
    .select({ id: schools.id, level: schools.level })
    .from(schools)
    .where(and(scopeCondition(scope), eq(schools.ownership, 'private')));
  return rows.map((s) => [s.id, (COMPULSORY_LEVELS as readonly string[]).includes(s.level)] as const);
}

/** The levers (调减措施) as Excel: the template, the import, the list's export and the 调减台账's. */
export const leverFilesRouter = {
  template: read.query(async () => ({
    filename: '调减措施导入模板.xlsx',
    base64: (
      await writeTemplate(
        [{ name: LEVER_SHEET, columns: LEVER_COLUMNS }],
        [
          '民办义务教育调减措施导入模板。请勿修改表头和工作表名称；示例行导入时会被忽略。',
          '每行一项计划中的调减措施，学校须为本地实施义务教育的民办学校。导入后状态为“计划中”，完成或取消在系统中逐项办理。',
          '同一学校、调减方式和学年不能有两行。',
          INSTRUCTIONS,
        ],
      )
    ).toString('base64'),
  })),

  /**
   * Imports planned levers (each as privateEdu.levers.create would add it): a dry run lists every problem; otherwise
   * all rows or none, staged in short chunks and published in one short transaction with one audit record.
   */
  import: write.input(ImportUpload).mutation(({ ctx, input }) =>
    tracked(ctx, input, async (tracker, file) => {
      const parsed = await parseUpload(tracker, input.fileName, file, 'privateEdu.levers', {
        schools: await schoolRefs(ctx.db, ctx.scope),
        privateSchools: await privateSchoolRefs(ctx.db, ctx.scope),
      });
      if (parsed.errors.length || input.dryRun) return checkedAnswer(parsed.rows.length, parsed.errors);
      const rows = parsed.rows.map(({ rowNumber, value: v, unitCode }) => ({
        rowNumber,
        values: {
          schoolId: v.schoolId,
          unitCode,
          kind: v.kind,
          plannedYear: v.plannedYear,
          students: isWholeSchool(v.kind) ? null : v.students!,
          note: v.note || null,
          status: LEVER_WORKFLOW.initial,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
        },
      }));
      await importNewRecords(ctx, tracker, {
        table: privateLevers,
        rows,
        action: 'privateEdu.importLevers',
        targetType: 'private_lever',
        fileName: input.fileName,
        file,
      });
      return { imported: rows.length, rows: rows.length, errors: [], errorCount: 0 };
    }),
  ),

  export: exporter.input(LeverFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const rows = await leverRows(ctx.db, leverWhere(ctx, input)).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '民办义务教育调减措施',
      [
        { key: 'id', header: '编号', width: 8 },
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'schoolCode', header: '学校标识码', width: 13 },
        { key: 'schoolName', header: '学校', width: 26 },
        { key: 'kind', header: '调减方式', width: 16 },
        { key: 'students', header: '影响在校生数', width: 12 },
        { key: 'plannedYear', header: '计划体现学年', width: 12 },
        { key: 'status', header: '状态', width: 8 },
        { key: 'doneOn', header: '完成日期', width: 11 },
        { key: 'source', header: '来源', width: 12 },
        { key: 'note', header: '说明', width: 30 },
        { key: 'dropReason', header: '取消原因', width: 24 },
      ],
      rows.map((r) => ({
        id: r.id,
        unitName: r.unitName,
        schoolCode: r.schoolCode,
        schoolName: r.schoolName,
        kind: LEVER_LABELS[r.kind].zh,
        students: r.students ?? '整校',
        plannedYear: r.plannedYear,
        status: LEVER_WORKFLOW.stateLabels[r.status].zh,
        doneOn: r.doneOn,
        source: r.conversionId === null ? '县区登记' : `公参民治理案 ${r.conversionId}`,
        note: r.note,
        dropReason: r.dropReason,
      })),
    );
  }),

  /** 调减台账: one row per county, with each census's counts, share, cut since the baseline and its target. */
  exportLedger: exporter.query(async ({ ctx }) => {
    const l = await ledger(ctx);
    const columns: Column[] = [
      { key: 'name', header: '县市区', width: 10 },
      { key: 'cap', header: '占比上限', width: 9 },
      { key: 'baselineShare', header: `基数占比（${l.baseline ?? '—'}）`, width: 14 },
      { key: 'requiredCut', header: '需调减人数', width: 10 },
      ...l.years.flatMap((y): Column[] => [
        { key: `${y}.private`, header: `${y} 民办义务教育在校生`, width: 14 },
        { key: `${y}.total`, header: `${y} 义务教育在校生`, width: 13 },
        { key: `${y}.share`, header: `${y} 占比`, width: 10 },
        { key: `${y}.cut`, header: `${y} 累计调减`, width: 11 },
        { key: `${y}.target`, header: `${y} 调减目标`, width: 11 },
        { key: `${y}.met`, header: `${y} 达到目标`, width: 10 },
      ]),
      { key: 'done', header: '已完成未体现措施', width: 14 },
      { key: 'planned', header: '计划中措施', width: 10 },
      { key: 'projectedShare', header: '预计占比', width: 10 },
    ];
    const rows = l.units.map((u) => {
      const row: Record<string, CellValue> = {
        name: u.name,
        cap: pct(u.cap),
        baselineShare: pct(u.baseline.share),
        requiredCut: u.requiredCut,
        done: u.done.count,
        planned: u.planned,
        projectedShare: pct(u.projectedShare),
      };
      for (const c of u.censuses) {
        row[`${c.year}.private`] = c.privateStudents;
        row[`${c.year}.total`] = c.totalStudents;
        row[`${c.year}.share`] = pct(c.share);
        row[`${c.year}.cut`] = c.cut;
        row[`${c.year}.target`] = c.target;
        row[`${c.year}.met`] = yes(c.metTarget);
      }
      return row;
    });
    return exportBook(ctx, '民办义务教育调减台账', columns, rows);
  }),
} satisfies TRPCRouterRecord;

/** 公参民治理案 as Excel: the list's export (the cases only: no teacher and so no ID number goes out). */
export const conversionFilesRouter = {
  export: exporter.input(ConversionFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const rows = await conversionRows(ctx.db, conversionWhere(ctx, input)).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '公参民治理案',
      [
        { key: 'id', header: '编号', width: 8 },
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'schoolCode', header: '学校标识码', width: 13 },
        { key: 'schoolName', header: '学校', width: 26 },
        { key: 'type', header: '公参民类型', width: 26 },
        { key: 'disposal', header: '处置方式', width: 20 },
        { key: 'status', header: '状态', width: 12 },
        { key: 'completedOn', header: '完成日期', width: 11 },
        { key: 'overdue', header: `逾期（期限 ${DEADLINE}）`, width: 16 },
      ],
      rows.map((r) => ({
        id: r.id,
        unitName: r.unitName,
        schoolCode: r.schoolCode,
        schoolName: r.schoolName,
        type: GCM_TYPE_LABELS[r.type as GcmType]?.zh ?? r.type,
        disposal: r.disposal ? (GCM_DISPOSAL_LABELS[r.disposal as GcmDisposal]?.zh ?? r.disposal) : '',
        status: CONVERSION_WORKFLOW.stateLabels[r.status].zh,
        completedOn: r.completedOn,
        overdue: yes(conversionStanding(r, DEADLINE, ctx.today).overdue),
      })),
    );
  }),
} satisfies TRPCRouterRecord;

/** 民办学校登记信息 as Excel: the template, the import (upserting entries) and the list's export. */
export const profileFilesRouter = {
  template: read.query(async () => ({
    filename: '民办学校登记信息导入模板.xlsx',
    base64: (
      await writeTemplate(
        [{ name: PROFILE_SHEET, columns: PROFILE_COLUMNS }],
        [
          '民办学校登记信息导入模板。请勿修改表头和工作表名称；示例行导入时会被忽略。',
          '每所民办学校一行：尚未登记的学校新增登记，已登记的学校以本表内容更新。实施义务教育的民办学校不得为营利性。',
          INSTRUCTIONS,
        ],
      )
    ).toString('base64'),
  })),

  /**
   * Registers or updates many schools' entries (each as privateEdu.profiles.save would): a dry run lists every
   * problem; otherwise all rows or none, upserted in one short transaction with one audit record.
   */
  import: write.input(ImportUpload).mutation(({ ctx, input }) =>
    tracked(ctx, input, async (tracker, file) => {
      const parsed = await parseUpload(tracker, input.fileName, file, 'privateEdu.profiles', {
        schools: await schoolRefs(ctx.db, ctx.scope),
        privateSchools: await privateSchoolRefs(ctx.db, ctx.scope),
      });
      if (parsed.errors.length || input.dryRun) return checkedAnswer(parsed.rows.length, parsed.errors);
      const p = privateProfiles;
      const rows = parsed.rows.map(({ rowNumber, value: v, unitCode }) => ({
        rowNumber,
        values: {
          schoolId: v.schoolId,
          unitCode,
          licenceNo: v.licenceNo,
          uscc: v.uscc,
          sponsor: v.sponsor,
          forProfit: v.forProfit,
          gcmType: v.gcmType,
          partyOrg: v.partyOrg,
          approvedIntake: v.approvedIntake,
          updatedBy: ctx.identity.username,
          updatedAt: ctx.now,
        },
      }));
      if (rows.length) {
        const keys = Object.keys(rows[0]!.values);
        const set = sql.join(
          keys
            .filter((k) => k !== 'schoolId')
            .map((k) => sql`${sql.identifier(toSnakeCase(k))} = excluded.${sql.identifier(toSnakeCase(k))}`),
          sql`, `,
        );
        await stageAndPublish(ctx.db, tracker, {
          table: p,
          rows,
          reserveIds: false,
          publish: async (tx, job) => {
            // A school no longer private since the check (a case made it public) is not written: then nothing is.
            const stillPrivate = await tx
              .select({ id: schools.id })
              .from(schools)
              .where(
                and(
                  inArray(
                    schools.id,
                    rows.map((r) => r.values.schoolId),
                  ),
                  eq(schools.ownership, 'private'),
                ),
              );
            if (stillPrivate.length !== new Set(rows.map((r) => r.values.schoolId)).size)
              throw new TRPCError({ code: 'CONFLICT', message: '有学校刚刚转为公办，未导入任何内容。请重新检查后再导入' });
            const written = await publishStaged<{ school_id: number }>(tx, job, p, {
              keys,
              withIds: false,
              returning: sql`school_id`,
              oneConnection: ctx.engine === 'pglite',
              onConflict: sql`on conflict (school_id) do update set ${set}, version = ${p}.version + 1`,
            });
            if (written.length !== rows.length) throw new Error(`导入写入 ${written.length} 行，应为 ${rows.length} 行`);
            const rowOf = new Map(rows.map((r) => [r.values.schoolId, r.rowNumber]));
            await writeImportAudit(tx, ctx, {
              action: 'privateEdu.importProfiles',
              targetType: 'private_profile',
              fileName: input.fileName,
              file,
              records: written.map((w) => ({ id: Number(w.school_id), rowNumber: rowOf.get(Number(w.school_id))! })),
            });
          },
        });
      }
      return { imported: rows.length, rows: rows.length, errors: [], errorCount: 0 };
    }),
  ),

  export: exporter.input(ProfileFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const rows = await profileRows(ctx.db, profileWhere(ctx, input)).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '民办学校登记信息',
      [
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'code', header: '学校标识码', width: 13 },
        { key: 'name', header: '学校', width: 26 },
        { key: 'level', header: '学段', width: 10 },
        { key: 'registered', header: '已登记', width: 8 },
        { key: 'licenceNo', header: '办学许可证号', width: 22 },
        { key: 'uscc', header: '统一社会信用代码', width: 20 },
        { key: 'sponsor', header: '举办者', width: 24 },
        { key: 'forProfit', header: '营利性质', width: 10 },
        { key: 'gcmType', header: '公参民类型', width: 26 },
        { key: 'partyOrg', header: '党组织情况', width: 16 },
        { key: 'approvedIntake', header: '核定招生计划', width: 12 },
      ],
      rows.map((r) => ({
        unitName: r.unitName,
        code: r.code,
        name: r.name,
        level: SCHOOL_LEVEL_LABELS[r.level as SchoolLevel] ?? r.level,
        registered: r.licenceNo === null ? '否' : '是',
        licenceNo: r.licenceNo,
        uscc: r.uscc,
        sponsor: r.sponsor,
        forProfit: r.forProfit === null ? '' : r.forProfit ? '营利性' : '非营利性',
        gcmType: r.licenceNo === null ? '' : r.gcmType ? GCM_TYPE_LABELS[r.gcmType as GcmType].zh : '不属于公参民',
        partyOrg: r.partyOrg ? PARTY_ORG_LABELS[r.partyOrg as PartyOrg].zh : '',
        approvedIntake: r.approvedIntake,
      })),
    );
  }),
} satisfies TRPCRouterRecord;
