import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { inArray, sql } from 'drizzle-orm';
import { aidCipherId, blindIndex, encryptField, publishStaged, runAidMatching, tables, type Db } from '@hyedu/db';
import { maskIdNumber, semesterOf } from '@hyedu/domain/funding';
import { writeTemplate } from '@hyedu/excel';
import type { AuthedContext } from '../../../context.ts';
import { checkedAnswer, parseUpload, stageAndPublish, tracked, writeImportAudit } from '../../../imports/run.ts';
import { ImportUpload } from '../../../inputs.ts';
import { scopeCondition } from '../../../queries.ts';
import { actorLevel } from '../../../record-scope.ts';
import { readProcedure } from '../../../trpc.ts';
import { PAYMENT_TARGET, STUDENT_TARGET } from './payments.ts';
import { aidWrite } from './procedures.ts';
import { AidRollImport, payRoll, rollRows } from './roll-import.ts';
import { AID_ROLL_SHEET, aidRollColumns } from './roll-sheet.ts';
import { aidSettings } from './settings.ts';
import { AID_STUDENT_SHEET, aidStudentColumns, type AidSchoolRef } from './student-sheet.ts';

const { fundingAidListed: l, fundingAidStudents: st, schools } = tables;
const STUDENT_KEYS = [
  'idIndex',
  'idCipher',
  'idMasked',
  'name',
  'studentNo',
  'schoolId',
  'unitCode',
  'stage',
  'grade',
  'boarding',
  'importedAt',
];
/** At most this many values in one `in (…)` list. */
const CHUNK = 5_000;

type Ctx = AuthedContext & { scope: Parameters<typeof scopeCondition>[0] };

/** Schools refuse both imports: the 学籍 extract and the roll come to the aid centres. */
function bureauOnly(ctx: Ctx, what: string) {
  if (actorLevel(ctx.scope) === 'school') throw new TRPCError({ code: 'FORBIDDEN', message: `${what}由市、县市区学生资助管理中心导入` });
}

/** The ID numbers' blind indexes that are on any list (city-wide: a listed child may go to school in another county). */
export async function listedIndexes(db: Db, indexes: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < indexes.length; i += CHUNK) {
    const rows = await db
      .selectDistinct({ idIndex: l.idIndex })
      .from(l)
      .where(inArray(l.idIndex, indexes.slice(i, i + CHUNK)));
    for (const r of rows) found.add(r.idIndex);
  }
  return found;
}

/** The 学籍 extract's and the aid roll's templates and imports. */
export const aidRecordImportsRouter = {
  /** The 学籍 extract's template: the national export's columns, an example row, the rules. */
  studentsTemplate: readProcedure('funding').query(async () => ({
    filename: '学籍信息导入模板.xlsx',
    base64: (
      await writeTemplate(
        [{ name: AID_STUDENT_SHEET, columns: aidStudentColumns() }],
        [
          '名单学生学籍信息导入模板；也可直接导入全国中小学生学籍信息管理系统导出的文件（按表头识别各列，读取第一个含这些列的工作表）。示例行导入时会被忽略。',
          '只导入名单（脱贫户/监测对象、低保、特困、残疾名单）上的学生：不在任何名单上的学生不导入，只计数（学籍系统导出的整校名单可直接导入）。',
          '按身份证号更新：已有的学生更新学校、年级、是否住校等，新的学生新增；导入后立即重新比对本学期名单、学籍与资助发放。',
          '学段按年级和学校类型确定（如九年一贯制学校的七年级为初中）。县市区只能导入本县市区学校的学籍；市学生资助管理中心可导入任何学校。',
          '导入时先检查全部内容，发现任何错误都不会导入，并逐行说明错误所在（第几行、哪一列）。',
        ],
      )
    ).toString('base64'),
  })),

  /**
   * Imports the 学籍 extract: a dry run lists every problem; otherwise, all rows or none, the listed children's rows
   * are upserted on the ID number's blind index (the number encrypted beside it), the others counted and dropped,
   * the current semester matched again — in one transaction with one audit record.
   */
  importStudents: aidWrite.input(ImportUpload).mutation(({ ctx, input }) =>
    tracked(ctx, input, async (tracker, file) => {
      const refs = await ctx.db
        .select({ code: schools.code, id: schools.id, unitCode: schools.unitCode, level: schools.level })
        .from(schools)
        .where(scopeCondition(ctx.scope));
      const parsed = await parseUpload(tracker, input.fileName, file, 'funding.aidStudents', {
        schools: refs.map((s) => [s.code, s.id, s.unitCode, s.level] as AidSchoolRef),
      });
      // After the parse, as the lists' import: a file that is not one is refused as such whoever sends it.
      bureauOnly(ctx, '学籍');
      const total = parsed.rows.length + new Set(parsed.errors.map((e) => e.row)).size;
      if (parsed.errors.length) return { ...checkedAnswer(total, parsed.errors), committed: false, notListed: 0, inserted: 0, updated: 0 };
      const indexed = parsed.rows.map((r) => ({ ...r, idIndex: blindIndex(ctx.keys.indexKey, r.value.idNumber) }));
      const listed = await listedIndexes(
        ctx.db,
        indexed.map((r) => r.idIndex),
      );
      const kept = indexed.filter((r) => listed.has(r.idIndex));
      const notListed = indexed.length - kept.length;
      if (input.dryRun || !kept.length)
        return { ...checkedAnswer(total, []), committed: !input.dryRun, notListed, inserted: 0, updated: 0 };
      const importedAt = ctx.now.toISOString();
      const rows = kept.map((r) => ({
        rowNumber: r.rowNumber,
        values: {
          idIndex: r.idIndex,
          idCipher: encryptField(ctx.keys.dataKey, r.value.idNumber, aidCipherId(r.idIndex)),
          idMasked: maskIdNumber(r.value.idNumber),
          name: r.value.name,
          studentNo: r.value.studentNo,
          schoolId: r.value.schoolId,
          unitCode: r.unitCode,
          stage: r.value.stage,
          grade: r.value.grade,
          boarding: r.value.boarding,
          importedAt,
        },
      }));
      const rowOf = new Map(rows.map((r) => [r.values.idIndex, r.rowNumber]));
      const { target } = await aidSettings(ctx.db);
      const out = await stageAndPublish(ctx.db, tracker, {
        table: st,
        rows,
        reserveIds: false,
        publish: async (tx, job) => {
          const written = await publishStaged<{ id: number; id_index: string; inserted: boolean }>(tx, job, st, {
            keys: STUDENT_KEYS,
            withIds: false,
            onConflict: sql`on conflict (id_index) do update set id_cipher = excluded.id_cipher, id_masked = excluded.id_masked,
              name = excluded.name, student_no = excluded.student_no, school_id = excluded.school_id, unit_code = excluded.unit_code,
              stage = excluded.stage, grade = excluded.grade, boarding = excluded.boarding, imported_at = excluded.imported_at`,
            returning: sql`id, id_index, (xmax = 0) as inserted`,
            oneConnection: ctx.engine === 'pglite',
          });
          if (written.length !== rows.length) throw new Error(`导入写入 ${written.length} 行，应为 ${rows.length} 行`);
          const inserted = written.filter((w) => w.inserted).length;
          const matched = await runAidMatching(tx, {
            semester: semesterOf(ctx.today),
            target,
            runBy: ctx.identity.username,
            now: ctx.now,
            today: ctx.today,
          });
          await writeImportAudit(tx, ctx, {
            action: 'funding.aid.importStudents',
            targetType: STUDENT_TARGET,
            fileName: input.fileName,
            file,
            records: written.map((w) => ({ id: w.id, rowNumber: rowOf.get(w.id_index)! })),
            also: { inserted, updated: written.length - inserted, notListed, run: matched.runId, unaided: matched.counts.unaided },
          });
          return { inserted, matched };
        },
      });
      return {
        imported: rows.length,
        rows: total,
        errors: [],
        errorCount: 0,
        committed: true,
        notListed,
        inserted: out.inserted,
        updated: rows.length - out.inserted,
        unaided: out.matched.counts.unaided,
      };
    }),
  ),

  /** The aid roll's template: the national system's columns, an example row, the rules. */
  paymentsTemplate: readProcedure('funding').query(async () => ({
    filename: '资助发放名册导入模板.xlsx',
    base64: (
      await writeTemplate(
        [{ name: AID_ROLL_SHEET, columns: aidRollColumns() }],
        [
          '资助发放名册导入模板；也可直接导入全国学生资助管理信息系统导出的发放名册（按表头识别各列，读取第一个含这些列的工作表）。示例行导入时会被忽略。',
          '每行是一笔正常发放。同一学生、同一项目、同一学期只记一次：重复导入同一名册不会重复发放，已发放的行计为“已发放，跳过”。',
          '学籍中有的学生：资助项目须与其学段相符，发放后立即从应助未助名单销号。学籍中还没有、但在名单上的学生：发放照记（学籍导入后比对即计为已资助）。既不在学籍也不在名单上的学生不导入，只计数。',
          '没有“学期”列时按导入时选择的学期。县市区只能导入本县市区学生的发放记录；市学生资助管理中心可导入任何县市区。',
          '导入时先检查全部内容，发现任何错误都不会导入，并逐行说明错误所在（第几行、哪一列）。',
        ],
      )
    ).toString('base64'),
  })),

  /**
   * Imports a roll: a dry run lists every problem and what would be paid; otherwise, all rows or none, the payments
   * inserted ON CONFLICT DO NOTHING on pupil + item + semester (a re-imported roll pays nobody twice), the semester's
   * matches and follow-ups of those paid settled set-based — in one transaction with one audit record.
   */
  importPayments: aidWrite.input(AidRollImport).mutation(({ ctx, input }) =>
    tracked(ctx, input, async (tracker, file) => {
      const parsed = await parseUpload(tracker, input.fileName, file, 'funding.aidRoll', {
        semester: input.semester ?? null,
        today: ctx.today,
      });
      bureauOnly(ctx, '资助发放名册');
      const checked = await rollRows(ctx, parsed);
      if (checked.errors.length || input.dryRun || !checked.rows.length)
        return {
          ...checkedAnswer(checked.total, checked.errors),
          committed: !input.dryRun && !checked.errors.length,
          toPay: checked.errors.length ? 0 : checked.rows.length - checked.alreadyPaid,
          alreadyPaid: checked.alreadyPaid,
          notListed: checked.notListed,
          withoutStudent: checked.withoutStudent,
          settled: 0,
        };
      const out = await payRoll(ctx, tracker, checked.rows, (tx, records, also) =>
        writeImportAudit(tx, ctx, {
          action: 'funding.aid.importPayments',
          targetType: PAYMENT_TARGET,
          fileName: input.fileName,
          file,
          records,
          also: { ...also, notListed: checked.notListed },
        }),
      );
      return {
        imported: out.paid,
        rows: checked.total,
        errors: [],
        errorCount: 0,
        committed: true,
        toPay: out.paid,
        alreadyPaid: checked.rows.length - out.paid,
        notListed: checked.notListed,
        withoutStudent: checked.withoutStudent,
        settled: out.settled,
      };
    }),
  ),
} satisfies TRPCRouterRecord;
