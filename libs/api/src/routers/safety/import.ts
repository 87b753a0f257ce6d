import { and, eq, inArray } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';
import type { SafetyLevel } from '@hyedu/domain';
import { writeTemplate, type RowError } from '@hyedu/excel';
import { HAZARD_SHEET, hazardColumns, PROFILE_COLUMNS, PROFILE_SHEET } from './import-sheets.ts';

const { safetyProfiles } = tables;

export const profileTemplate = () =>
  writeTemplate(
    [{ name: PROFILE_SHEET, columns: PROFILE_COLUMNS }],
    [
      '中小学幼儿园安全防范建设“4个100%”情况导入模板。请勿修改表头和工作表名称；示例行导入时会被忽略。',
      '每所学校每学期一行；已由县区核实的学期不能通过导入覆盖。',
      '导入时先检查全部内容，发现任何错误都不会导入，并逐行说明错误所在。',
    ],
  );
export const hazardTemplate = (level: SafetyLevel) =>
  writeTemplate(
    [{ name: HAZARD_SHEET, columns: hazardColumns(level) }],
    [
      '安全隐患清单导入模板。请勿修改表头和工作表名称；示例行导入时会被忽略。',
      '每行一条隐患，导入后状态为“待整改”。同一学校、发现日期、类别、部位和描述都相同的两行视为重复，不能导入。',
      '导入时先检查全部内容，发现任何错误都不会导入，并逐行说明错误所在。',
    ],
  );

/** Rows whose school and term the county has already verified: a file may not overwrite them. */
export async function verifiedProfileErrors(
  db: Db,
  rows: readonly { rowNumber: number; value: { schoolId: number; term: string } }[],
): Promise<RowError[]> {
  const ids = [...new Set(rows.map((r) => r.value.schoolId))];
  if (!ids.length) return [];
  const verified = await db
    .select({ schoolId: safetyProfiles.schoolId, term: safetyProfiles.term })
    .from(safetyProfiles)
    .where(and(inArray(safetyProfiles.schoolId, ids), eq(safetyProfiles.review, 'reviewed')));
  const done = new Set(verified.map((v) => `${v.schoolId}|${v.term}`));
  return rows
    .filter((r) => done.has(`${r.value.schoolId}|${r.value.term}`))
    .map((r) => ({ row: r.rowNumber, column: '学期', message: '该学期情况已核实，不能通过导入覆盖' }));
}
