import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { aidCipherId, blindIndex, encryptField, publishStaged, runAidMatching, tables } from '@hyedu/db';
import { AID_LIST_LABELS, AidListKind, maskIdNumber, resolveAidListMapping, semesterOf } from '@hyedu/domain/funding';
import { writeTemplate } from '@hyedu/excel';
import { checkedAnswer, parseUpload, stageAndPublish, tracked, writeImportAudit } from '../../../imports/run.ts';
import { ImportUpload } from '../../../inputs.ts';
import { actorLevel } from '../../../record-scope.ts';
import { readProcedure } from '../../../trpc.ts';
import { unitInScope } from '../access.ts';
import { AID_LIST_SHEET, aidListColumns } from './list-sheet.ts';
import { aidWrite } from './procedures.ts';
import { aidSettings } from './settings.ts';

const { fundingAidListed: l, orgUnits } = tables;
export const LISTED_TARGET = 'funding_aid_listed';
const KEYS = ['listKind', 'category', 'idIndex', 'idCipher', 'idMasked', 'name', 'unitCode', 'importedAt'] as const;

export const AidListImport = ImportUpload.extend({ listKind: AidListKind }).strict();

/** The lists' template and their import: a list replaces the rows of its kind for its counties, then the matching runs. */
export const aidImportsRouter = {
  /** A list's template: the columns under the city's mapping (each field's first header), an example row, the rules. */
  listTemplate: readProcedure('funding')
    .input(z.object({ listKind: AidListKind }).strict())
    .query(async ({ ctx, input }) => {
      const mapping = resolveAidListMapping((await aidSettings(ctx.db)).listMapping);
      return {
        filename: `${AID_LIST_LABELS[input.listKind].zh}导入模板.xlsx`,
        base64: (
          await writeTemplate(
            [{ name: AID_LIST_SHEET, columns: aidListColumns(input.listKind, mapping) }],
            [
              `${AID_LIST_LABELS[input.listKind].zh}导入模板；也可直接导入主管部门系统导出的文件（按资助设置中的表头识别各列，读取第一个含这些列的工作表）。示例行导入时会被忽略。`,
              '文件是该名单的完整名单：导入后，文件中各县市区（县市区导入时为本县市区）原有的同类名单全部由文件内容替换，并立即重新比对本学期学籍与资助发放。',
              '县市区只能导入本县市区的名单；市学生资助管理中心可导入任何县市区。每个身份证号只能有一行。',
              '导入时先检查全部内容，发现任何错误都不会导入，并逐行说明错误所在（第几行、哪一列）。',
            ],
          )
        ).toString('base64'),
      };
    }),

  /**
   * Imports a list: a dry run lists every problem; otherwise, all rows or none, the list's rows of the counties in the
   * file (a county: its own) are replaced, the ID numbers stored encrypted beside their blind index, the current
   * semester matched again — in one transaction with one audit record.
   */
  importList: aidWrite.input(AidListImport).mutation(({ ctx, input }) =>
    tracked(ctx, input, async (tracker, file) => {
      const settings = await aidSettings(ctx.db);
      const counties = await ctx.db.select({ code: orgUnits.code, name: orgUnits.name, kind: orgUnits.kind }).from(orgUnits);
      const units = counties.filter((u) => u.kind !== 'city').map((u) => [u.code, u.name, unitInScope(ctx.scope, u.code)] as const);
      const parsed = await parseUpload(tracker, input.fileName, file, 'funding.aidList', {
        kind: input.listKind,
        units,
        mapping: resolveAidListMapping(settings.listMapping),
      });
      if (actorLevel(ctx.scope) === 'school') throw new TRPCError({ code: 'FORBIDDEN', message: '名单由市、县市区学生资助管理中心导入' });
      const total = parsed.rows.length + new Set(parsed.errors.map((e) => e.row)).size;
      if (parsed.errors.length || input.dryRun) return checkedAnswer(total, parsed.errors);
      const city = actorLevel(ctx.scope) === 'city';
      const replaced = city ? [...new Set(parsed.rows.map((r) => r.value.unitCode))] : units.filter((u) => u[2]).map((u) => u[0]);
      const importedAt = ctx.now.toISOString();
      const rows = parsed.rows.map((r) => {
        const idIndex = blindIndex(ctx.keys.indexKey, r.value.idNumber);
        return {
          rowNumber: r.rowNumber,
          values: {
            listKind: input.listKind,
            category: r.value.category,
            idIndex,
            idCipher: encryptField(ctx.keys.dataKey, r.value.idNumber, aidCipherId(idIndex)),
            idMasked: maskIdNumber(r.value.idNumber),
            name: r.value.name,
            unitCode: r.value.unitCode,
            importedAt,
          },
        };
      });
      const run = await stageAndPublish(ctx.db, tracker, {
        table: l,
        rows,
        reserveIds: true,
        publish: async (tx, job, ids) => {
          const gone = replaced.length
            ? await tx
                .delete(l)
                .where(and(eq(l.listKind, input.listKind), inArray(l.unitCode, replaced)))
                .returning({ id: l.id })
            : [];
          const written = rows.length
            ? await publishStaged(tx, job, l, { keys: KEYS, withIds: true, returning: sql`id`, oneConnection: ctx.engine === 'pglite' })
            : [];
          if (written.length !== rows.length) throw new Error(`导入写入 ${written.length} 行，应为 ${rows.length} 行`);
          const matched = await runAidMatching(tx, {
            semester: semesterOf(ctx.today),
            target: settings.target,
            runBy: ctx.identity.username,
            now: ctx.now,
            today: ctx.today,
          });
          await writeImportAudit(tx, ctx, {
            action: 'funding.aid.importList',
            targetType: LISTED_TARGET,
            fileName: input.fileName,
            file,
            records: (ids ?? []).map((id, n) => ({ id, rowNumber: rows[n]!.rowNumber })),
            also: { listKind: input.listKind, units: replaced, replaced: gone.length, run: matched.runId, unaided: matched.counts.unaided },
          });
          return matched;
        },
      });
      return { imported: rows.length, rows: rows.length, errors: [], errorCount: 0, unaided: run.counts.unaided, opened: run.opened };
    }),
  ),
} satisfies TRPCRouterRecord;
