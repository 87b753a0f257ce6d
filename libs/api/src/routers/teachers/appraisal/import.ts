import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, inArray, isNull, sql } from 'drizzle-orm';
import { blindIndex, countAppraisals, tables, type Db, type Tx } from '@hyedu/db';
import { authorize, type DataScope } from '@hyedu/domain';
import { writeTemplate, type RowError } from '@hyedu/excel';
import type { AuthedContext } from '../../../context.ts';
import { checkedAnswer, parseUpload, tracked, writeImportAudit } from '../../../imports/run.ts';
import { ImportUpload } from '../../../inputs.ts';
import { actorLevel } from '../../../record-scope.ts';
import { conflict } from '../../../workflow-step.ts';
import { read, write } from '../registration/procedures.ts';
import { APPRAISAL_TARGET } from './query.ts';
import { APPRAISAL_COLUMNS, APPRAISAL_SHEET, type AppraisalSheetRow } from './sheet.ts';

const { teacherStaff: st, teacherAppraisals: a } = tables;
const CHUNK = 500;

/** The city 科室 imports for every school, a county for its own schools; a school enters its results one by one. */
const mayImport = (ctx: { scope: DataScope; identity: { grants: Parameters<typeof authorize>[0] } }) =>
  authorize(ctx.identity.grants, { area: 'teachers', action: 'write' }).allowed && actorLevel(ctx.scope) !== 'school';

type Staff = typeof st.$inferSelect;
type Existing = typeof a.$inferSelect;
type Plan =
  | { kind: 'create'; row: AppraisalSheetRow; staff: Staff }
  | { kind: 'update'; row: AppraisalSheetRow; current: Existing }
  | { kind: 'same'; row: AppraisalSheetRow; current: Existing };

async function byIndex<T extends { idIndex: string }>(indexes: readonly string[], load: (part: string[]) => Promise<T[]>) {
  const out: T[] = [];
  for (let i = 0; i < indexes.length; i += 1_000) out.push(...(await load(indexes.slice(i, i + 1_000))));
  return out;
}

/**
 * Plans every clean row: the person (by blind index) must be in post at a school of the caller's scope — a county
 * only its own schools — under the same name; a year not yet recorded is created, a recorded one takes the file's
 * results (the national system is the master record), an equal one is left alone.
 */
async function planRows(ctx: AuthedContext, db: Db, rows: readonly AppraisalSheetRow[]) {
  const withIndex = rows.map((row) => ({ row, idIndex: blindIndex(ctx.keys.indexKey, row.value.idNumber) }));
  const indexes = [...new Set(withIndex.map((r) => r.idIndex))];
  const [staff, existing] = await Promise.all([
    byIndex(indexes, (part) =>
      db
        .select()
        .from(st)
        .where(and(inArray(st.idIndex, part), isNull(st.leftOn))),
    ),
    byIndex(indexes, (part) => db.select().from(a).where(inArray(a.idIndex, part))),
  ]);
  const staffOf = new Map(staff.map((s) => [s.idIndex, s]));
  const recorded = new Map(existing.map((e) => [`${e.idIndex}:${e.year}`, e]));
  const own = (s: Staff) =>
    ctx.scope.kind === 'all' ||
    (ctx.scope.kind === 'units' && ctx.scope.unitCodes.includes(s.unitCode)) ||
    (ctx.scope.kind === 'school' && ctx.scope.schoolIds.includes(s.schoolId));
  const plans: Plan[] = [];
  const errors: RowError[] = [];
  for (const { row, idIndex } of withIndex) {
    const person = staffOf.get(idIndex);
    if (!person || !own(person)) {
      errors.push({ row: row.rowNumber, column: '身份证号', message: '该人员不是本单位学校的在岗教职员工' });
      continue;
    }
    if (person.name !== row.value.name) {
      errors.push({ row: row.rowNumber, column: '姓名', message: `与在岗记录的姓名（${person.name}）不一致` });
      continue;
    }
    const current = recorded.get(`${idIndex}:${row.value.year}`);
    if (!current) plans.push({ kind: 'create', row, staff: person });
    else if (current.result === row.value.result && current.ethics === row.value.ethics) plans.push({ kind: 'same', row, current });
    else plans.push({ kind: 'update', row, current });
  }
  return { plans, errors };
}

const counts = (plans: readonly Plan[]) => ({
  created: plans.filter((p) => p.kind === 'create').length,
  updated: plans.filter((p) => p.kind === 'update').length,
  unchanged: plans.filter((p) => p.kind === 'same').length,
});

/** Writes a checked plan: all rows or none (a year recorded or changed meanwhile is a CONFLICT for the whole file). */
async function commitPlan(tx: Tx, ctx: AuthedContext, plans: readonly Plan[]) {
  const records: { id: number; rowNumber: number }[] = [];
  const creates = plans.filter((p) => p.kind === 'create');
  for (let i = 0; i < creates.length; i += CHUNK) {
    const chunk = creates.slice(i, i + CHUNK);
    const made = await tx
      .insert(a)
      .values(
        chunk.map(({ row, staff }) => ({
          staffId: staff.id,
          idIndex: staff.idIndex,
          schoolId: staff.schoolId,
          unitCode: staff.unitCode,
          year: row.value.year,
          result: row.value.result,
          ethics: row.value.ethics,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: a.id, idIndex: a.idIndex, year: a.year });
    if (made.length !== chunk.length) throw conflict();
    const idOf = new Map(made.map((m) => [`${m.idIndex}:${m.year}`, m.id]));
    for (const p of chunk) records.push({ id: idOf.get(`${p.staff.idIndex}:${p.row.value.year}`)!, rowNumber: p.row.rowNumber });
  }
  const updates = plans.filter((p) => p.kind === 'update');
  for (let i = 0; i < updates.length; i += CHUNK) {
    const chunk = updates.slice(i, i + CHUNK);
    const values = sql.join(
      chunk.map(
        ({ current, row }) => sql`(${current.id}::int, ${current.version}::int, ${row.value.result}::text, ${row.value.ethics}::text)`,
      ),
      sql`, `,
    );
    const done = await tx.execute(
      sql`update ${a} set result = v.result, ethics = v.ethics, version = ${a.version} + 1
        from (values ${values}) as v(id, version, result, ethics)
        where ${a.id} = v.id and ${a.version} = v.version returning ${a.id}`,
    );
    if ((done as unknown as { rows: unknown[] }).rows.length !== chunk.length) throw conflict();
    for (const p of chunk) records.push({ id: p.current.id, rowNumber: p.row.rowNumber });
  }
  await countAppraisals(tx, [
    ...creates.map(({ row, staff }) => ({
      unitCode: staff.unitCode,
      year: row.value.year,
      result: row.value.result,
      ethics: row.value.ethics,
      delta: 1 as const,
    })),
    ...updates.flatMap(({ row, current }) => [
      { unitCode: current.unitCode, year: current.year, result: current.result, ethics: current.ethics, delta: -1 as const },
      { unitCode: current.unitCode, year: current.year, result: row.value.result, ethics: row.value.ethics, delta: 1 as const },
    ]),
  ]);
  return records.sort((x, y) => x.rowNumber - y.rowNumber);
}

/** The appraisal import: its template and the import of the national system's export (dry run, then all or nothing). */
export const appraisalImportRouter = {
  template: read.query(async () => ({
    filename: '年度考核结果导入模板.xlsx',
    base64: (
      await writeTemplate(
        [{ name: APPRAISAL_SHEET, columns: APPRAISAL_COLUMNS }],
        [
          '年度考核结果导入模板；也可直接导入全国教师管理信息系统导出的考核结果（读取第一个含“身份证号、姓名、年度、考核结果、师德考核结果”列的工作表）。示例行导入时会被忽略。',
          '每人每年一行。人员按身份证号对应本单位学校的在岗教职员工，姓名须一致；县市区只能导入本县市区学校的人员。',
          '考核结果填写优秀、合格、基本合格、不合格或不定等次；师德考核结果填写合格或不合格。已录入的年度以导入文件为准更新。',
          '导入时先检查全部内容，发现任何错误都不会导入，并逐行说明错误所在（第几行、哪一列）。',
        ],
      )
    ).toString('base64'),
  })),

  import: write.input(ImportUpload).mutation(({ ctx, input }) =>
    tracked(ctx, input, async (tracker, file) => {
      const parsed = await parseUpload(tracker, input.fileName, file, 'teachers.appraisals', { today: ctx.today });
      if (!mayImport(ctx)) throw new TRPCError({ code: 'FORBIDDEN', message: '年度考核结果由市、县市区教育局导入，学校请逐人录入' });
      const total = parsed.rows.length + new Set(parsed.errors.map((e) => e.row)).size;
      const { plans, errors } = await planRows(ctx, ctx.db, parsed.rows);
      const all = [...parsed.errors, ...errors];
      if (all.length || input.dryRun) return { ...checkedAnswer(total, all), ...counts(plans) };
      const changing = plans.filter((p) => p.kind !== 'same');
      if (!changing.length) return { imported: 0, rows: plans.length, errors: [], errorCount: 0, ...counts(plans) };
      tracker.set({ phase: 'publishing' });
      const written = await ctx.db.transaction(async (tx) => {
        const records = await commitPlan(tx, ctx, changing);
        await writeImportAudit(tx, ctx, {
          action: 'teachers.importAppraisals',
          targetType: APPRAISAL_TARGET,
          fileName: input.fileName,
          file,
          records,
          also: counts(plans),
        });
        return records.length;
      });
      return { imported: written, rows: plans.length, errors: [], errorCount: 0, ...counts(plans) };
    }),
  ),
} satisfies TRPCRouterRecord;
