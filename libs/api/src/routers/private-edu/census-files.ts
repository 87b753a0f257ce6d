import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { publishStaged, tables, type Db } from '@hyedu/db';
import { authorize, DivisionCode, Ownership, OWNERSHIP_LABELS, SCHOOL_LEVEL_LABELS, textField, type DataScope } from '@hyedu/domain';
import { censusGrades, compulsoryPupilsOf, SchoolYear } from '@hyedu/domain/private-edu';
import { writeTemplate } from '@hyedu/excel';
import { exportBook, MAX_EXPORT, NO_PAGE } from '../../exports.ts';
import { checkedAnswer, parseUpload, schoolRefs, stageAndPublish, tracked, writeImportAudit } from '../../imports/run.ts';
import { ImportUpload, Page } from '../../inputs.ts';
import { contains, scopeCondition } from '../../queries.ts';
import { actorLevel } from '../../record-scope.ts';
import { exportProcedure } from '../../trpc.ts';
import { CENSUS_COLUMNS, CENSUS_SHEET } from './census-sheet.ts';
import { latestCensus } from './census.ts';
import { read, write } from './procedures.ts';

const { schools, orgUnits, schoolCensus: c, schoolEnrolment: e } = tables;
const exporter = exportProcedure('private-edu');
/** Census rows written in one statement of the publish transaction (4 parameters each). */
const CENSUS_CHUNK = 1_000;

export const CensusFilter = Page.extend({
  year: SchoolYear.optional(),
  unitCode: DivisionCode.optional(),
  ownership: Ownership.optional(),
  q: textField(40, '搜索词').optional(),
}).strict();
type Filter = Omit<z.infer<typeof CensusFilter>, 'page' | 'pageSize'>;

/** The city 民办教育科 imports every school's census, a county its own schools'; a school account none. */
const mayImport = (ctx: { scope: DataScope; identity: { grants: Parameters<typeof authorize>[0] } }) =>
  authorize(ctx.identity.grants, { area: 'private-edu', action: 'write' }).allowed && actorLevel(ctx.scope) !== 'school';

/** The list's filter as SQL for one census year, in the caller's scope (the list and its export). */
const censusWhere = (ctx: { scope: DataScope }, year: string, input: Filter) =>
  and(
    eq(c.schoolYear, year),
    scopeCondition(ctx.scope),
    input.unitCode ? eq(schools.unitCode, input.unitCode) : undefined,
    input.ownership ? eq(c.ownership, input.ownership) : undefined,
    input.q ? or(ilike(schools.name, contains(input.q)), ilike(schools.code, contains(input.q))) : undefined,
  );

const stage = (prefix: string) => sql<number>`coalesce(sum(${e.students}) filter (where ${e.grade} like ${`${prefix}%`}), 0)::int`;

/** The schools of one census matching `where`: ownership that year, bought seats and pupils per stage, by school code. */
const censusRows = (db: Db, where: SQL | undefined) =>
  db
    .select({
      schoolId: c.schoolId,
      schoolCode: schools.code,
      schoolName: schools.name,
      unitName: orgUnits.name,
      level: schools.level,
      year: c.schoolYear,
      ownership: c.ownership,
      purchasedSeats: c.purchasedSeats,
      kindergarten: stage('K'),
      primary: stage('P'),
      junior: stage('J'),
      senior: stage('S'),
      vocational: stage('V'),
      special: stage('X'),
      total: sql<number>`coalesce(sum(${e.students}), 0)::int`,
    })
    .from(c)
    .innerJoin(schools, eq(schools.id, c.schoolId))
    .innerJoin(orgUnits, eq(orgUnits.code, schools.unitCode))
    .leftJoin(e, and(eq(e.schoolId, c.schoolId), eq(e.schoolYear, c.schoolYear)))
    .where(where)
    .groupBy(c.schoolId, c.schoolYear, c.ownership, c.purchasedSeats, schools.code, schools.name, schools.level, orgUnits.name)
    .orderBy(schools.code);

/** The census years on record, newest first, and the one asked for (absent or unknown: the latest). */
async function yearsAndYear(db: Db, asked: string | undefined) {
  const rows = await db
    .selectDistinct({ y: c.schoolYear })
    .from(c)
    .orderBy(sql`${c.schoolYear} desc`);
  const years = rows.map((r) => r.y);
  return { years, year: asked && years.includes(asked) ? asked : ((await latestCensus(db)) ?? null) };
}

/** 学年初统计: one census's schools (list and export), the import's template and the import of one school year. */
export const censusRouter = {
  list: read.input(CensusFilter).query(async ({ ctx, input }) => {
    const { years, year } = await yearsAndYear(ctx.db, input.year);
    const base = { page: input.page, pageSize: input.pageSize, years, year, canImport: mayImport(ctx) };
    if (year === null) return { ...base, total: 0, rows: [] };
    const where = censusWhere(ctx, year, input);
    const [rows, [total]] = await Promise.all([
      censusRows(ctx.db, where)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(c).innerJoin(schools, eq(schools.id, c.schoolId)).where(where),
    ]);
    return { ...base, total: total?.n ?? 0, rows };
  }),

  export: exporter.input(CensusFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const { year } = await yearsAndYear(ctx.db, input.year);
    const rows = year === null ? [] : await censusRows(ctx.db, censusWhere(ctx, year, input)).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      `学年初统计${year ? `_${year}` : ''}`,
      [
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'schoolCode', header: '学校标识码', width: 13 },
        { key: 'schoolName', header: '学校', width: 26 },
        { key: 'level', header: '学校类型', width: 14 },
        { key: 'year', header: '学年', width: 11 },
        { key: 'ownership', header: '办学性质', width: 9 },
        { key: 'purchasedSeats', header: '政府购买学位数', width: 13 },
        { key: 'kindergarten', header: '幼儿园在园幼儿', width: 13 },
        { key: 'primary', header: '小学在校生', width: 11 },
        { key: 'junior', header: '初中在校生', width: 11 },
        { key: 'senior', header: '高中在校生', width: 11 },
        { key: 'vocational', header: '中职在校生', width: 11 },
        { key: 'special', header: '特教在校生', width: 11 },
        { key: 'total', header: '合计', width: 10 },
      ],
      rows.map((r) => ({
        ...r,
        level: SCHOOL_LEVEL_LABELS[r.level],
        ownership: OWNERSHIP_LABELS[r.ownership],
      })),
    );
  }),

  template: read.query(async () => ({
    filename: '学年初统计导入模板.xlsx',
    base64: (
      await writeTemplate(
        [{ name: CENSUS_SHEET, columns: CENSUS_COLUMNS }],
        [
          '学年初统计（在校生数）导入模板。请勿修改表头和工作表名称；示例行导入时会被忽略。',
          '每所学校一行：学年、该学年初的办学性质（公办/民办）和各年级在校生数；学校不设的年级留空。一个文件只导入一个学年。',
          '导入后，文件中各学校该学年的统计以本表为准（原有数字被替换）；其他学年和文件中没有的学校不受影响。县市区只能导入本县市区的学校。',
          '导入时先检查全部内容，发现任何错误都不会导入，并逐行说明错误所在（第几行、哪一列）。',
        ],
      )
    ).toString('base64'),
  })),

  /**
   * Imports one school year's census: a dry run lists every problem; otherwise, all rows or none, that year's figures
   * of the schools in the file are replaced (census row and pupils per grade) in one transaction with one audit
   * record. Other years and other schools are left as they are.
   */
  import: write.input(ImportUpload).mutation(({ ctx, input }) =>
    tracked(ctx, input, async (tracker, file) => {
      const levels = await ctx.db.select({ id: schools.id, level: schools.level }).from(schools).where(scopeCondition(ctx.scope));
      const parsed = await parseUpload(tracker, input.fileName, file, 'privateEdu.census', {
        schools: await schoolRefs(ctx.db, ctx.scope),
        levels: levels.map((s) => [s.id, s.level] as const),
        today: ctx.today,
      });
      // A school's census is entered by its bureau: a school account (which may write the module's other records) may not.
      if (!mayImport(ctx)) throw new TRPCError({ code: 'FORBIDDEN', message: '学年初统计由市、县市区教育局导入' });
      if (parsed.errors.length || input.dryRun) return checkedAnswer(parsed.rows.length, parsed.errors);
      const year = parsed.rows[0]?.value.schoolYear;
      if (year === undefined) return { imported: 0, rows: 0, errors: [], errorCount: 0 };
      const census = parsed.rows.map(({ value: v }) => ({
        schoolId: v.schoolId,
        schoolYear: year,
        ownership: v.ownership,
        purchasedSeats: v.purchasedSeats ?? 0,
        compulsoryPupils: compulsoryPupilsOf(v),
      }));
      const pupils = parsed.rows.flatMap(({ rowNumber, value: v }) =>
        censusGrades(v).map(([grade, students]) => ({ rowNumber, values: { schoolId: v.schoolId, schoolYear: year, grade, students } })),
      );
      const ids = census.map((x) => x.schoolId);
      await stageAndPublish(ctx.db, tracker, {
        table: e,
        rows: pupils,
        reserveIds: false,
        publish: async (tx, job) => {
          await tx.delete(e).where(and(eq(e.schoolYear, year), inArray(e.schoolId, ids)));
          const replaced = await tx
            .delete(c)
            .where(and(eq(c.schoolYear, year), inArray(c.schoolId, ids)))
            .returning({ id: c.schoolId });
          for (let i = 0; i < census.length; i += CENSUS_CHUNK) await tx.insert(c).values(census.slice(i, i + CENSUS_CHUNK));
          const written = await publishStaged(tx, job, e, {
            keys: ['schoolId', 'schoolYear', 'grade', 'students'],
            withIds: false,
            returning: sql`school_id`,
            oneConnection: ctx.engine === 'pglite',
          });
          if (written.length !== pupils.length) throw new Error(`导入写入 ${written.length} 行，应为 ${pupils.length} 行`);
          await writeImportAudit(tx, ctx, {
            action: 'privateEdu.importCensus',
            targetType: 'school_census',
            fileName: input.fileName,
            file,
            records: parsed.rows.map((r) => ({ id: r.value.schoolId, rowNumber: r.rowNumber })),
            also: { schoolYear: year, replaced: replaced.length },
          });
        },
      });
      return { imported: census.length, rows: census.length, errors: [], errorCount: 0 };
    }),
  ),
} satisfies TRPCRouterRecord;
