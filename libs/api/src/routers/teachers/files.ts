import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { blindIndex, decryptField, encryptField, refreshItStanding, tables, writeAudit, type Db, type Tx } from '@hyedu/db';
import { authorize, DivisionCode, maskIdCard, type DataScope } from '@hyedu/domain';
import {
  ADMISSION_RESULT_LABELS,
  blacklistedOn,
  CERTIFICATE_ACTION_LABELS,
  clauseLabel,
  CLUE_SOURCE_LABELS,
  ENTRY_KIND_LABELS,
  EntryKind,
  ETHICS_STATUS_LABELS,
  gateRefusal,
  gateRefusalText,
  HANDLING_LABELS,
  NATIONAL_FIELDS,
  POST_CATEGORY_LABELS,
  rowQuery,
  STAFFING_STATUS_LABELS,
  type GateRefusalCode,
} from '@hyedu/domain/teachers';
import { writeTemplate, type RowError } from '@hyedu/excel';
import type { AuthedContext } from '../../context.ts';
import { exportBook, MAX_EXPORT, NO_PAGE } from '../../exports.ts';
import { checkedAnswer, parseUpload, schoolRefs, tracked, writeImportAudit } from '../../imports/run.ts';
import { ImportUpload } from '../../inputs.ts';
import { contains } from '../../queries.ts';
import { actorLevel, recordScope } from '../../record-scope.ts';
import { exportProcedure, readProcedure, writeProcedure } from '../../trpc.ts';
import { conflict } from '../../workflow-step.ts';
import { BlacklistFilter, blacklistWhere, ETHICS_TARGET, EthicsFilter } from './ethics.ts';
import { ABOUT_THE_QUERY, blacklistsOf, entryRow, knowsWhy, recordRefusals, type Entry } from './gate.ts';
import { importMapping } from './settings.ts';
import { STAFF_SHEET, staffColumns, type StaffSheetRow } from './staff-sheet.ts';
import { STAFF_TARGET, staffCipherId, StaffFilter, staffWhere } from './staff.ts';

const { teacherStaff: st, teacherEntries: en, teacherEthicsCases: ec, teacherBlacklist: bl, schools, orgUnits } = tables;
const read = readProcedure('teachers');
const write = writeProcedure('teachers');
const exporter = exportProcedure('teachers');
const ethicsExporter = exportProcedure('teachers:ethics');
/** Staff rows written in one statement of the commit (≈ 16 parameters each). */
const CHUNK = 500;

/** The city 科室 imports into every school, a county into its own schools; a school account does not import. */
const mayImport = (ctx: { scope: DataScope; identity: { grants: Parameters<typeof authorize>[0] } }) =>
  authorize(ctx.identity.grants, { area: 'teachers', action: 'write' }).allowed && actorLevel(ctx.scope) !== 'school';

type InPost = typeof st.$inferSelect;

/** Who of these people is in post now, anywhere (a person is in post at one school at a time), by blind index. */
async function inPostOf(db: Db, idIndexes: readonly string[]) {
  const out = new Map<string, InPost>();
  for (let i = 0; i < idIndexes.length; i += 1_000) {
    const rows = await db
      .select()
      .from(st)
      .where(and(inArray(st.idIndex, idIndexes.slice(i, i + 1_000)), isNull(st.leftOn)));
    for (const r of rows) out.set(r.idIndex, r);
  }
  return out;
}

/** What one clean row does: hire (nobody in post), transfer (in post elsewhere), update (in post here) or nothing. */
type Plan =
  | { kind: 'hire'; row: StaffSheetRow; entry: Entry; idIndex: string }
  | { kind: 'transfer'; row: StaffSheetRow; entry: Entry; idIndex: string; from: InPost }
  | { kind: 'update'; row: StaffSheetRow; current: InPost; changes: Partial<typeof st.$inferInsert> }
  | { kind: 'same'; row: StaffSheetRow; current: InPost };

/** The national system's fields of a row as the staff table stores them. */
const nationalValues = (v: StaffSheetRow['value']) => ({
  name: v.name,
  status: v.employment,
  post: v.post,
  title: v.title ?? null,
  certificateNo: v.certificateNo ?? null,
  subject: v.subject ?? null,
  nationalId: v.nationalId ?? null,
});
const COLUMN_OF: Record<(typeof NATIONAL_FIELDS)[number], keyof ReturnType<typeof nationalValues>> = {
  name: 'name',
  employment: 'status',
  post: 'post',
  title: 'title',
  certificateNo: 'certificateNo',
  subject: 'subject',
  nationalId: 'nationalId',
};

/**
 * Plans every clean row against the registry and the gate: a person nobody has in post is a hire, one in post at
 * another school a transfer (a county only between its own schools), both through the entry gate (`gateRefusal`, the
 * rule passGate applies); one in post at the school gets the national system's fields. Problems come back by row.
 */
async function planRows(ctx: AuthedContext, rows: readonly StaffSheetRow[], headers: Record<string, string>) {
  const withIndex = rows.map((row) => ({ row, idIndex: blindIndex(ctx.keys.indexKey, row.value.idNumber) }));
  const indexes = withIndex.map((r) => r.idIndex);
  const [posts, blacklists] = await Promise.all([inPostOf(ctx.db, indexes), blacklistsOf(ctx.db, indexes)]);
  const entitled = await knowsWhy(ctx);
  const ownUnits = ctx.scope.kind === 'units' ? new Set(ctx.scope.unitCodes) : null;
  const plans: Plan[] = [];
  const errors: RowError[] = [];
  const refused: { entry: Entry; code: GateRefusalCode }[] = [];
  for (const { row, idIndex } of withIndex) {
    const v = row.value;
    const current = posts.get(idIndex);
    if (current && current.schoolId === v.schoolId) {
      const next = nationalValues(v);
      const changes = Object.fromEntries(
        NATIONAL_FIELDS.map((f) => COLUMN_OF[f]).flatMap((c) => (next[c] === current[c] ? [] : [[c, next[c]]])),
      ) as Partial<typeof st.$inferInsert>;
      plans.push(Object.keys(changes).length ? { kind: 'update', row, current, changes } : { kind: 'same', row, current });
      continue;
    }
    if (current && ownUnits && !ownUnits.has(current.unitCode)) {
      errors.push({ row: row.rowNumber, column: headers.idNumber!, message: '该人员在本县市区以外的学校在岗，跨县市区调动由市教育局办理' });
      continue;
    }
    if (current && v.joinedOn <= current.joinedOn) {
      errors.push({ row: row.rowNumber, column: headers.joinedOn!, message: '该人员在其他学校在岗：调入日期应晚于在现任职学校的入职日期' });
      continue;
    }
    const entry: Entry = {
      kind: current ? 'transfer' : 'hire',
      name: v.name,
      idNumber: v.idNumber,
      idIndex,
      schoolId: v.schoolId,
      unitCode: row.unitCode,
      fromSchoolId: current?.schoolId ?? null,
      entersOn: v.joinedOn,
      query: rowQuery(v),
    };
    const code = gateRefusal({ query: entry.query, blacklist: blacklists.get(idIndex) ?? [], entersOn: entry.entersOn });
    if (code) {
      refused.push({ entry, code });
      const about = ABOUT_THE_QUERY.includes(code) ? headers.queriedOn! : headers.idNumber!;
      errors.push({ row: row.rowNumber, column: about, message: gateRefusalText(code, entitled) });
      continue;
    }
    plans.push(current ? { kind: 'transfer', row, entry, idIndex, from: current } : { kind: 'hire', row, entry, idIndex });
  }
  return { plans, errors, refused };
}

/** How many rows of each kind a plan holds. */
const counts = (plans: readonly Plan[]) => ({
  hires: plans.filter((p) => p.kind === 'hire').length,
  transfers: plans.filter((p) => p.kind === 'transfer').length,
  updates: plans.filter((p) => p.kind === 'update').length,
  unchanged: plans.filter((p) => p.kind === 'same').length,
});

/** Writes a checked plan in the caller's transaction; any row that no longer fits (a race) is a CONFLICT for all. */
async function commitPlan(tx: Tx, ctx: AuthedContext, plans: readonly Plan[]) {
  const records: { id: number; rowNumber: number }[] = [];
  const admitted: (typeof en.$inferInsert)[] = [];
  const hires = plans.filter((p) => p.kind === 'hire');
  for (let i = 0; i < hires.length; i += CHUNK) {
    const chunk = hires.slice(i, i + CHUNK);
    const created = await tx
      .insert(st)
      .values(
        chunk.map(({ row: { value: v, unitCode }, idIndex }) => ({
          ...nationalValues(v),
          schoolId: v.schoolId,
          unitCode,
          idIndex,
          idCipher: encryptField(ctx.keys.dataKey, v.idNumber, staffCipherId(idIndex)),
          birthDate: `${v.idNumber.slice(6, 10)}-${v.idNumber.slice(10, 12)}-${v.idNumber.slice(12, 14)}`,
          sex: Number(v.idNumber[16]) % 2 === 1 ? ('male' as const) : ('female' as const),
          joinedOn: v.joinedOn,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: st.id, idIndex: st.idIndex });
    // Someone hired one of these people meanwhile (the unique in-post index): nothing of the file is written.
    if (created.length !== chunk.length)
      throw new TRPCError({ code: 'CONFLICT', message: '文件中有人员刚被他人办理入职，请重新检查后导入' });
    // People back in post keep the IT 2.0 hours of an earlier stint (a transfer copies the rollup with the row).
    await refreshItStanding(
      tx,
      created.map((c) => c.idIndex),
    );
    const idOf = new Map(created.map((c) => [c.idIndex, c.id]));
    for (const p of chunk) {
      const id = idOf.get(p.idIndex)!;
      records.push({ id, rowNumber: p.row.rowNumber });
      admitted.push({ ...entryRow(ctx, p.entry), staffId: id });
    }
  }
  // Updates: the national system's fields, one statement per chunk, each row guarded by the version that was planned.
  const updates = plans.filter((p) => p.kind === 'update');
  for (let i = 0; i < updates.length; i += CHUNK) {
    const chunk = updates.slice(i, i + CHUNK);
    const values = sql.join(
      chunk.map(({ current, row }) => {
        const n = nationalValues(row.value);
        return sql`(${current.id}::int, ${current.version}::int, ${n.name}::text, ${n.status}::text, ${n.post}::text, ${n.title}::text, ${n.certificateNo}::text, ${n.subject}::text, ${n.nationalId}::text)`;
      }),
      sql`, `,
    );
    const done = await tx.execute(
      sql`update ${st} set name = v.name, status = v.status, post = v.post, title = v.title, certificate_no = v.certificate_no,
        subject = v.subject, national_id = v.national_id, version = ${st.version} + 1
        from (values ${values}) as v(id, version, name, status, post, title, certificate_no, subject, national_id)
        where ${st.id} = v.id and ${st.version} = v.version and ${st.leftOn} is null returning ${st.id}`,
    );
    // Someone changed one of these people meanwhile: nothing of the file is written.
    if ((done as unknown as { rows: unknown[] }).rows.length !== chunk.length) throw conflict();
    for (const p of chunk) records.push({ id: p.current.id, rowNumber: p.row.rowNumber });
  }
  for (const p of plans) {
    if (p.kind === 'transfer') {
      const [left] = await tx
        .update(st)
        .set({ leftOn: p.entry.entersOn, version: p.from.version + 1 })
        .where(and(eq(st.id, p.from.id), eq(st.version, p.from.version), isNull(st.leftOn)))
        .returning({ id: st.id });
      if (!left) throw conflict();
      const { id: _, createdAt: __, leftOn: ___, version: ____, ...kept } = p.from;
      const [row] = await tx
        .insert(st)
        .values({
          ...kept,
          ...nationalValues(p.row.value),
          schoolId: p.entry.schoolId,
          unitCode: p.entry.unitCode,
          joinedOn: p.entry.entersOn,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
        })
        .returning({ id: st.id });
      records.push({ id: row!.id, rowNumber: p.row.rowNumber });
      admitted.push({ ...entryRow(ctx, p.entry), staffId: row!.id });
    }
  }
  for (let i = 0; i < admitted.length; i += CHUNK) await tx.insert(en).values(admitted.slice(i, i + CHUNK));
  return records.sort((a, b) => a.rowNumber - b.rowNumber);
}

/** The outcome of an entry for a reader: 准入, or the refusal (its reason only for those entitled). */
const outcome = (refusal: string | null, entitled: boolean) =>
  refusal === null ? '准入' : `未准入：${gateRefusalText(refusal as GateRefusalCode, entitled)}`;

export const EntryFilter = z
  .object({
    unitCode: DivisionCode.optional(),
    kind: EntryKind.optional(),
    refused: z.boolean({ message: '请选择是否只看未准入' }).optional(),
  })
  .strict();

const fromSchools = alias(schools, 'from_school');

/**
 * The teachers module's files: the import of the 全国教师管理信息系统 export (with its template) into the staff
 * registry, and the exports of its lists — staff, entries, and for the ethics role the cases and the 黑名单.
 */
export const teacherFilesRouter = {
  /** The template: the columns under the mapping in force (each field's first header), an example row, the rules. */
  template: read.query(async ({ ctx }) => ({
    filename: '教职工信息导入模板.xlsx',
    base64: (
      await writeTemplate(
        [{ name: STAFF_SHEET, columns: staffColumns(await importMapping(ctx.db)) }],
        [
          '教职工信息导入模板，表头与“导入设置”一致；也可直接导入全国教师管理信息系统导出的文件（按导入设置中的表头识别各列，读取第一个含这些列的工作表）。示例行导入时会被忽略。',
          '每人一行。文件中尚无在岗记录的人员为新入职；已在本校在岗的人员，更新全国系统所管的字段（姓名、用工性质、岗位类别、职称、教师资格证号、任教学科、全国系统编号）；在其他学校在岗的人员为调动（县市区只能在本县市区学校之间调动）。',
          '新入职和调动必须通过准入关口：入职（调入）前90天内的准入查询（性侵违法犯罪信息查询）无相关记录，且不在全市师德失范黑名单期限内。全国系统无准入查询项，请在导出文件中补充“准入查询日期”“准入查询结果”两列。',
          '性别、出生日期由身份证号得出；文件中有这两列时会与身份证号核对。日期可写作 2022-09-01、2022/9/1、20220901，年月（如 202209）按当月1日。',
          '导入时先检查全部内容，发现任何错误都不会导入，并逐行说明错误所在（第几行、哪一列）。县市区只能导入本县市区的学校。',
        ],
      )
    ).toString('base64'),
  })),

  /**
   * Imports the national export: a dry run lists every problem (the gate's refusals among them); otherwise, all rows
   * or none, hires, transfers and updates in one transaction with one audit record (the file's SHA-256). The gate's
   * refusals of a real attempt are recorded like a refused hire (entry rows, denied audit records); a dry run that
   * met refusals leaves one audit record saying which rows the gate refused.
   */
  import: write.input(ImportUpload).mutation(({ ctx, input }) =>
    tracked(ctx, input, async (tracker, file) => {
      const parsed = await parseUpload(tracker, input.fileName, file, 'teachers.staff', {
        schools: await schoolRefs(ctx.db, ctx.scope),
        mapping: await importMapping(ctx.db),
        today: ctx.today,
      });
      if (!mayImport(ctx)) throw new TRPCError({ code: 'FORBIDDEN', message: '教职工信息由市、县市区教育局导入' });
      const total = parsed.rows.length + new Set(parsed.errors.map((e) => e.row)).size;
      const { plans, errors, refused } = await planRows(ctx, parsed.rows, parsed.headers);
      const all = [...parsed.errors, ...errors];
      if (refused.length) {
        if (input.dryRun)
          await ctx.db.transaction((tx) =>
            writeAudit(tx, ctx.auditKey, {
              actor: ctx.identity.username,
              action: 'teachers.files.import',
              targetType: 'teacher_entry',
              targetId: '',
              after: {
                dryRun: true,
                file: input.fileName,
                refused: refused.map((r) => ({ idNumber: maskIdCard(r.entry.idNumber), schoolId: r.entry.schoolId, refusal: r.code })),
              },
              result: 'denied',
              source: ctx.ip,
            }),
          );
        else await recordRefusals(ctx, refused);
      }
      if (all.length || input.dryRun) return { ...checkedAnswer(total, all), ...counts(plans) };
      if (!plans.length) return { imported: 0, rows: 0, errors: [], errorCount: 0, ...counts(plans) };
      tracker.set({ phase: 'publishing' });
      const written = await ctx.db.transaction(async (tx) => {
        const records = await commitPlan(tx, ctx, plans);
        await writeImportAudit(tx, ctx, {
          action: 'teachers.importStaff',
          targetType: STAFF_TARGET,
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

  /** 教职员工 as listed (the list's filter), the ID number masked. */
  exportStaff: exporter.input(StaffFilter.omit({ ...NO_PAGE, after: true })).query(async ({ ctx, input }) => {
    const rows = await ctx.db
      .select({
        unitName: orgUnits.name,
        schoolCode: schools.code,
        schoolName: schools.name,
        name: st.name,
        idIndex: st.idIndex,
        idCipher: st.idCipher,
        sex: st.sex,
        birthDate: st.birthDate,
        status: st.status,
        post: st.post,
        title: st.title,
        certificateNo: st.certificateNo,
        subject: st.subject,
        joinedOn: st.joinedOn,
        nationalId: st.nationalId,
      })
      .from(st)
      .innerJoin(schools, eq(schools.id, st.schoolId))
      .innerJoin(orgUnits, eq(orgUnits.code, st.unitCode))
      .where(staffWhere(ctx, input))
      .orderBy(asc(st.unitCode), asc(schools.code), asc(st.id))
      .limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '教职员工',
      [
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'schoolCode', header: '学校标识码', width: 13 },
        { key: 'schoolName', header: '学校', width: 26 },
        { key: 'name', header: '姓名', width: 10 },
        { key: 'idNumber', header: '身份证号', width: 20 },
        { key: 'sex', header: '性别', width: 6 },
        { key: 'birthDate', header: '出生日期', width: 11 },
        { key: 'status', header: '用工性质', width: 12 },
        { key: 'post', header: '岗位类别', width: 14 },
        { key: 'title', header: '职称', width: 10 },
        { key: 'certificateNo', header: '教师资格证号', width: 20 },
        { key: 'subject', header: '任教学科', width: 10 },
        { key: 'joinedOn', header: '入职日期', width: 11 },
        { key: 'nationalId', header: '全国教师管理信息系统编号', width: 20 },
      ],
      rows.map(({ idIndex, idCipher, ...r }) => ({
        ...r,
        idNumber: maskIdCard(decryptField(ctx.keys.dataKey, idCipher, staffCipherId(idIndex))),
        sex: r.sex === 'male' ? '男' : '女',
        status: STAFFING_STATUS_LABELS[r.status].zh,
        post: POST_CATEGORY_LABELS[r.post].zh,
      })),
    );
  }),

  /** 入职与调动: every entry into a school of the caller's scope, admitted or refused, with its 准入查询. */
  exportEntries: exporter.input(EntryFilter).query(async ({ ctx, input }) => {
    const rows = await ctx.db
      .select({
        id: en.id,
        kind: en.kind,
        entersOn: en.entersOn,
        name: sql<string | null>`coalesce(${st.name}, ${en.name})`,
        idIndex: en.idIndex,
        idCipher: sql<string | null>`coalesce(${st.idCipher}, ${en.idCipher})`,
        fromSchool: fromSchools.name,
        schoolName: schools.name,
        unitName: orgUnits.name,
        queriedOn: en.queriedOn,
        queryResult: en.queryResult,
        refusal: en.refusal,
        createdBy: en.createdBy,
        createdAt: en.createdAt,
      })
      .from(en)
      .innerJoin(schools, eq(schools.id, en.schoolId))
      .innerJoin(orgUnits, eq(orgUnits.code, en.unitCode))
      .leftJoin(fromSchools, eq(fromSchools.id, en.fromSchoolId))
      .leftJoin(st, eq(st.id, en.staffId))
      .where(
        and(
          recordScope(ctx.scope, en),
          input.unitCode ? eq(en.unitCode, input.unitCode) : undefined,
          input.kind ? eq(en.kind, input.kind) : undefined,
          input.refused === undefined ? undefined : input.refused ? isNotNull(en.refusal) : isNull(en.refusal),
        ),
      )
      .orderBy(desc(en.id))
      .limit(MAX_EXPORT);
    const entitled = await knowsWhy(ctx);
    return exportBook(
      ctx,
      '入职与调动记录',
      [
        { key: 'id', header: '编号', width: 8 },
        { key: 'kind', header: '类型', width: 6 },
        { key: 'entersOn', header: '入职（调入）日期', width: 14 },
        { key: 'name', header: '姓名', width: 10 },
        { key: 'idNumber', header: '身份证号', width: 20 },
        { key: 'fromSchool', header: '调出学校', width: 24 },
        { key: 'schoolName', header: '入职（调入）学校', width: 24 },
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'queriedOn', header: '准入查询日期', width: 12 },
        { key: 'queryResult', header: '准入查询结果', width: 12 },
        { key: 'outcome', header: '准入结果', width: 30 },
        { key: 'createdBy', header: '办理人', width: 10 },
        { key: 'createdAt', header: '办理时间', width: 18 },
      ],
      rows.map(({ idIndex, idCipher, refusal, ...r }) => ({
        ...r,
        kind: ENTRY_KIND_LABELS[r.kind].zh,
        // An admitted entry names its staff row's person, a refused one the person it refused.
        name: r.name ?? '—',
        idNumber: idCipher && idIndex ? maskIdCard(decryptField(ctx.keys.dataKey, idCipher, staffCipherId(idIndex))) : '—',
        fromSchool: r.fromSchool ?? '',
        queryResult: r.queryResult ? ADMISSION_RESULT_LABELS[r.queryResult].zh : '未查询',
        outcome: outcome(refusal, entitled),
        createdAt: r.createdAt.toISOString().slice(0, 19).replace('T', ' '),
      })),
    );
  }),

  /** 师德失范 cases (the ethics role only; each export audited with its filter and row count). */
  exportEthicsCases: ethicsExporter.input(EthicsFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const rows = await ctx.db
      .select({
        id: ec.id,
        name: ec.name,
        idIndex: ec.idIndex,
        idCipher: ec.idCipher,
        schoolName: schools.name,
        unitName: orgUnits.name,
        privateSchool: ec.privateSchool,
        clause: ec.clause,
        source: ec.source,
        status: ec.status,
        handling: ec.handling,
        effectiveOn: ec.effectiveOn,
        sanctionEndsOn: ec.sanctionEndsOn,
        certificate: ec.certificate,
        createdAt: ec.createdAt,
        closedAt: ec.closedAt,
      })
      .from(ec)
      .innerJoin(schools, eq(schools.id, ec.schoolId))
      .innerJoin(orgUnits, eq(orgUnits.code, ec.unitCode))
      .where(
        and(
          recordScope(ctx.scope, ec),
          input.status ? eq(ec.status, input.status) : undefined,
          input.unitCode ? eq(ec.unitCode, input.unitCode) : undefined,
          input.q ? ilike(ec.name, contains(input.q)) : undefined,
        ),
      )
      .orderBy(desc(ec.id))
      .limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '师德失范案件',
      [
        { key: 'id', header: '案件编号', width: 9 },
        { key: 'name', header: '姓名', width: 10 },
        { key: 'idNumber', header: '身份证号', width: 20 },
        { key: 'schoolName', header: '学校', width: 24 },
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'privateSchool', header: '民办学校', width: 8 },
        { key: 'clause', header: '违反的准则条款', width: 20 },
        { key: 'source', header: '线索来源', width: 12 },
        { key: 'status', header: '状态', width: 10 },
        { key: 'handling', header: '处理方式', width: 14 },
        { key: 'effectiveOn', header: '处理生效日期', width: 12 },
        { key: 'sanctionEndsOn', header: '处分期满日期', width: 12 },
        { key: 'certificate', header: '教师资格处理', width: 14 },
        { key: 'createdAt', header: '登记时间', width: 18 },
        { key: 'closedAt', header: '办结时间', width: 18 },
      ],
      rows.map(({ idIndex, idCipher, ...r }) => ({
        ...r,
        idNumber: maskIdCard(decryptField(ctx.keys.dataKey, idCipher, `${ETHICS_TARGET}:${idIndex}`)),
        privateSchool: r.privateSchool ? '是' : '否',
        clause: clauseLabel(r.clause),
        source: CLUE_SOURCE_LABELS[r.source].zh,
        status: ETHICS_STATUS_LABELS[r.status],
        handling: r.handling ? HANDLING_LABELS[r.handling].zh : '',
        certificate: r.certificate ? CERTIFICATE_ACTION_LABELS[r.certificate].zh : '',
        createdAt: r.createdAt.toISOString().slice(0, 19).replace('T', ' '),
        closedAt: r.closedAt ? r.closedAt.toISOString().slice(0, 19).replace('T', ' ') : '',
      })),
    );
  }),

  /** The 黑名单 entries decided in the caller's counties (the gate itself reads every county's), with their standing today. */
  exportBlacklist: ethicsExporter.input(BlacklistFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const rows = await ctx.db
      .select({
        name: bl.name,
        idIndex: ec.idIndex,
        idCipher: ec.idCipher,
        caseId: bl.caseId,
        unitName: orgUnits.name,
        from: bl.fromDate,
        until: bl.untilDate,
        liftedOn: bl.liftedOn,
        liftReason: bl.liftReason,
      })
      .from(bl)
      .innerJoin(ec, eq(ec.id, bl.caseId))
      .innerJoin(orgUnits, eq(orgUnits.code, bl.unitCode))
      .where(blacklistWhere(ctx, input))
      .orderBy(desc(bl.fromDate), desc(bl.id))
      .limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '师德失范黑名单',
      [
        { key: 'name', header: '姓名', width: 10 },
        { key: 'idNumber', header: '身份证号', width: 20 },
        { key: 'unitName', header: '作出决定的县市区', width: 14 },
        { key: 'caseId', header: '案件编号', width: 9 },
        { key: 'from', header: '起始日期', width: 11 },
        { key: 'until', header: '截止日期', width: 11 },
        { key: 'liftedOn', header: '解除日期', width: 11 },
        { key: 'liftReason', header: '解除原因', width: 20 },
        { key: 'standing', header: `${ctx.today}状态`, width: 14 },
      ],
      rows.map(({ idIndex, idCipher, ...r }) => ({
        ...r,
        idNumber: maskIdCard(decryptField(ctx.keys.dataKey, idCipher, `${ETHICS_TARGET}:${idIndex}`)),
        until: r.until ?? '永久',
        liftedOn: r.liftedOn ?? '',
        liftReason: r.liftReason ?? '',
        standing: blacklistedOn(r, ctx.today)
          ? '在黑名单期限内'
          : r.liftedOn && r.liftedOn <= ctx.today
            ? '已解除'
            : r.from > ctx.today
              ? '尚未开始'
              : '已期满',
      })),
    );
  }),
} satisfies TRPCRouterRecord;
