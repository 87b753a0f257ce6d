// The 学年初统计 import's sheet: one row per school with its ownership that year, the seats the government bought and
// one column per grade. Its columns, how a row's cells become the domain's input and every check that needs no
// database. Runs in the parsing worker (see imports/worker.ts), so it imports no database code.
import { Grade, gradeLabel, OWNERSHIP_LABELS, type SchoolLevel } from '@hyedu/domain';
import { CensusRowInput, censusRowRefusals } from '@hyedu/domain/private-edu';
import type { Column, RowError } from '@hyedu/excel';
import { cell, readSchoolSheet, type SchoolRef } from '../../imports/school-sheet.ts';
import type { ParseReport } from '../../imports/types.ts';

export const CENSUS_SHEET = '学年初统计';

/** A grade's column header: 幼儿园小班 … 小学一年级 … 特教九年级. */
export const gradeHeader = (g: Grade) => (g.startsWith('K') ? `幼儿园${gradeLabel(g)}` : gradeLabel(g));

/** The example: a private primary school of six grades. */
const EXAMPLE: Partial<Record<Grade, number>> = { P1: 52, P2: 50, P3: 48, P4: 47, P5: 45, P6: 44 };

export const CENSUS_COLUMNS: Column[] = [
  { key: 'schoolCode', header: '学校标识码', required: true, width: 14, example: '2143000001', note: '10位学校标识码' },
  { key: 'schoolName', header: '学校名称', width: 24, example: '衡南县示例民办学校', note: '仅供核对，以学校标识码为准' },
  {
    key: 'schoolYear',
    header: '学年',
    required: true,
    width: 11,
    example: '2022-2023',
    note: '学年初统计的学年，如 2022-2023（当年9月1日统计）；一个文件只导入一个学年',
  },
  {
    key: 'ownership',
    header: '办学性质',
    required: true,
    width: 9,
    options: [OWNERSHIP_LABELS.public, OWNERSHIP_LABELS.private],
    example: OWNERSHIP_LABELS.private,
    note: '该学年初学校的办学性质（学校此后转为公办的，以统计时为准）',
  },
  {
    key: 'purchasedSeats',
    header: '政府购买学位数',
    width: 13,
    example: 0,
    note: '仅民办学校填写；不超过该校义务教育在校生数，不填为0',
  },
  ...Grade.options.map((g): Column => ({
    key: g,
    header: gradeHeader(g),
    width: 10,
    ...(EXAMPLE[g] === undefined ? {} : { example: EXAMPLE[g] }),
    note: '在校生数，整数；学校不设的年级留空',
  })),
];

/** A school of the caller's scope with its level: [id, level] (the parser checks the grades the level teaches). */
export type SchoolLevelRef = readonly [id: number, level: SchoolLevel];

const OWNERSHIP_BY_LABEL = { public: OWNERSHIP_LABELS.public, private: OWNERSHIP_LABELS.private };

/**
 * The census sheet: CensusRowInput's checks, censusRowRefusals (grades of the school's level, bought seats, a census
 * still ahead), one row per school, and one school year for the whole file.
 */
export function readCensusSheet(
  buf: Buffer,
  args: { schools: readonly SchoolRef[]; levels: readonly SchoolLevelRef[]; today: string },
  report: ParseReport,
) {
  const levelOf = new Map(args.levels);
  const header = (field: string) => CENSUS_COLUMNS.find((c) => c.key === field)!.header;
  return readSchoolSheet(
    buf,
    CENSUS_SHEET,
    CENSUS_COLUMNS,
    CensusRowInput,
    (v, schoolId) => ({
      schoolId,
      schoolYear: v.schoolYear,
      ownership: cell.byLabel(OWNERSHIP_BY_LABEL, v.ownership!),
      purchasedSeats: cell.int(v.purchasedSeats!),
      ...Object.fromEntries(Grade.options.map((g) => [g, cell.int(v[g]!)])),
    }),
    args.schools,
    report,
    (rows) => {
      const errors: RowError[] = [];
      const seen = new Map<number, number>();
      const year = rows[0]?.value.schoolYear;
      for (const r of rows) {
        const first = seen.get(r.value.schoolId);
        if (first !== undefined)
          errors.push({ row: r.rowNumber, column: header('schoolCode'), message: `与第${first}行重复（同一学校只能有一行）` });
        else seen.set(r.value.schoolId, r.rowNumber);
        if (r.value.schoolYear !== year)
          errors.push({
            row: r.rowNumber,
            column: header('schoolYear'),
            message: `一个文件只能导入一个学年（第${rows[0]!.rowNumber}行为${year}）`,
          });
        for (const x of censusRowRefusals(r.value, levelOf.get(r.value.schoolId)!, args.today))
          errors.push({ row: r.rowNumber, column: header(x.field), message: x.message });
      }
      return errors;
    },
  );
}
