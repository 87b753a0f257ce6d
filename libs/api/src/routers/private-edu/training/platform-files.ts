import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, inArray, not, sql } from 'drizzle-orm';
import { publishStaged, tables } from '@hyedu/db';
import { writeTemplate, type RowError } from '@hyedu/excel';
import { checkedAnswer, parseUpload, stageAndPublish, tracked, writeImportAudit } from '../../../imports/run.ts';
import { ImportUpload } from '../../../inputs.ts';
import { actorLevel } from '../../../record-scope.ts';
import { unitInScope } from '../../funding/access.ts';
import { canWrite } from '../inspection-access.ts';
import { read, write } from '../procedures.ts';
import { PLATFORM_SHEET, platformColumns, type PlatformSheetRow } from './platform-sheet.ts';
import { trainingSettings } from './settings.ts';

const { privateTrainingPlatform: p, orgUnits } = tables;
export const PLATFORM_TARGET = 'private_training_platform';
const KEYS = ['platformId', 'name', 'uscc', 'category', 'unitCode', 'feeSupervision', 'importedAt'] as const;

/**
 * The platform's ids the file gives to a county it does not replace: the snapshot keeps one row per id, so such a row
 * is refused (the other county's list must be imported first, or the city imports both).
 */
async function idsElsewhere(db: Parameters<typeof trainingSettings>[0], rows: PlatformSheetRow[], replaced: string[], header: string) {
  if (!rows.length) return [];
  const taken = await db
    .select({ platformId: p.platformId, unitCode: p.unitCode })
    .from(p)
    .where(
      and(
        inArray(
          p.platformId,
          rows.map((r) => r.value.platformId),
        ),
        replaced.length ? not(inArray(p.unitCode, replaced)) : undefined,
      ),
    );
  const units = new Map(taken.map((t) => [t.platformId, t.unitCode]));
  return rows
    .filter((r) => units.has(r.value.platformId))
    .map((r): RowError => ({ row: r.rowNumber, column: header, message: '该机构编号已在其他县市区的平台名单中' }));
}

/** The national platform's list: its template (headers from the city's mapping) and its import into the snapshot. */
export const platformFilesRouter = {
  /** The template: the columns under the mapping in force (each field's first header), an example row, the rules. */
  template: read.query(async ({ ctx }) => ({
    filename: '全国平台校外培训机构名单导入模板.xlsx',
    base64: (
      await writeTemplate(
        [{ name: PLATFORM_SHEET, columns: platformColumns((await trainingSettings(ctx.db)).mapping) }],
        [
          '全国校外教育培训监管与服务综合平台机构名单导入模板，表头与“培训机构设置”中的表头一致；也可直接导入平台导出的文件（按设置中的表头识别各列，读取第一个含这些列的工作表）。示例行导入时会被忽略。',
          '文件是平台当前的完整名单：导入后，文件中各县市区（县市区导入时为本县市区）原有的平台名单全部由文件内容替换。',
          '县市区只能导入本县市区的机构；市教育局可导入任何县市区。每个机构编号只能有一行。',
          '导入时先检查全部内容，发现任何错误都不会导入，并逐行说明错误所在（第几行、哪一列）。',
        ],
      )
    ).toString('base64'),
  })),

  /**
   * Imports the platform's list: a dry run lists every problem; otherwise, all rows or none, the snapshot rows of the
   * counties in the file (a county: its own) are replaced by the file's, stamped now, in one transaction with one
   * audit record.
   */
  import: write.input(ImportUpload).mutation(({ ctx, input }) =>
    tracked(ctx, input, async (tracker, file) => {
      const settings = await trainingSettings(ctx.db);
      const counties = await ctx.db.select({ code: orgUnits.code, name: orgUnits.name, kind: orgUnits.kind }).from(orgUnits);
      const units = counties.filter((u) => u.kind !== 'city').map((u) => [u.code, u.name, unitInScope(ctx.scope, u.code)] as const);
      const parsed = await parseUpload(tracker, input.fileName, file, 'privateEdu.trainingPlatform', { units, mapping: settings.mapping });
      // The list is imported by a bureau: a school account (which may write the module's other records) may not.
      if (!canWrite(ctx.identity.grants) || actorLevel(ctx.scope) === 'school')
        throw new TRPCError({ code: 'FORBIDDEN', message: '全国平台名单由市、县市区教育局导入' });
      const city = actorLevel(ctx.scope) === 'city';
      const replaced = city ? [...new Set(parsed.rows.map((r) => r.value.unitCode))] : units.filter((u) => u[2]).map((u) => u[0]);
      const errors = [...parsed.errors, ...(await idsElsewhere(ctx.db, parsed.rows, replaced, settings.mapping.platformId[0]!))];
      const total = parsed.rows.length + new Set(parsed.errors.map((e) => e.row)).size;
      if (errors.length || input.dryRun) return checkedAnswer(total, errors);
      const rows = parsed.rows.map((r) => ({ rowNumber: r.rowNumber, values: { ...r.value, importedAt: ctx.now.toISOString() } }));
      await stageAndPublish(ctx.db, tracker, {
        table: p,
        rows,
        reserveIds: true,
        publish: async (tx, job, ids) => {
          const gone = replaced.length ? await tx.delete(p).where(inArray(p.unitCode, replaced)).returning({ id: p.id }) : [];
          const written = rows.length
            ? await publishStaged(tx, job, p, { keys: KEYS, withIds: true, returning: sql`id`, oneConnection: ctx.engine === 'pglite' })
            : [];
          if (written.length !== rows.length) throw new Error(`导入写入 ${written.length} 行，应为 ${rows.length} 行`);
          await writeImportAudit(tx, ctx, {
            action: 'privateEdu.training.importPlatform',
            targetType: PLATFORM_TARGET,
            fileName: input.fileName,
            file,
            records: (ids ?? []).map((id, n) => ({ id, rowNumber: rows[n]!.rowNumber })),
            also: { units: replaced, replaced: gone.length },
          });
        },
      });
      return { imported: rows.length, rows: rows.length, errors: [], errorCount: 0 };
    }),
  ),
} satisfies TRPCRouterRecord;
