// A semester's aid roll as the national student-aid management system exports it (or the template): the columns by
// their headers, the item and the semester from their words, the amount in 元, and every check that needs no database.
// Runs in the parsing worker (see imports/worker.ts), so it imports no database code.
import { normalizeIdCard } from '@hyedu/domain';
import {
  AID_ITEM_LABELS,
  AID_ROLL_FIELD_LABELS,
  AID_ROLL_HEADERS,
  aidItemOf,
  AidRollField,
  AidRollRow,
  paidOnRefusal,
  semesterLabel,
  semesterOfText,
} from '@hyedu/domain/funding';
import { validateRows, type Column, type RowError, type SheetRow } from '@hyedu/excel';
import { firstPerKey, readMappedSheet } from '../../../imports/mapped-sheet.ts';
import type { ParseReport } from '../../../imports/types.ts';

/** The template's sheet (an export made elsewhere may call its sheet anything: the first sheet with the headers is read). */
export const AID_ROLL_SHEET = '发放名册';

const EXAMPLE: Record<AidRollField, string> = {
  name: '张小明',
  idNumber: '430422201205011234',
  item: AID_ITEM_LABELS.living_allowance.zh,
  semester: '2022年秋季学期',
  amount: '312.50',
  paidOn: '2022-10-20',
};
const NOTES: Record<AidRollField, string> = {
  name: '受助学生姓名',
  idNumber: '18位居民身份证号，按身份证号与学籍、名单比对',
  item: `资助项目名称，如 ${Object.values(AID_ITEM_LABELS)
    .map((l) => l.zh)
    .join('、')}（也可写系统导出的常用说法，如 寄宿生生活补助）`,
  semester: '如 2022年秋季学期、2022-2023学年第一学期、2022-2；可不填此列，按导入时选择的学期',
  amount: '本次发放金额，单位元，最多两位小数',
  paidOn: '资金发放日期，如 2022-10-20，须在该学期内且不晚于今天',
};

/** The sheet's columns: 学期 may be missing (the dialog's semester applies). */
export const aidRollColumns = (): Column[] =>
  AidRollField.options.map((f) => ({
    key: f,
    header: AID_ROLL_HEADERS[f][0]!,
    aliases: AID_ROLL_HEADERS[f].slice(1),
    required: f !== 'semester',
    width: f === 'idNumber' ? 22 : f === 'item' ? 30 : 14,
    example: EXAMPLE[f],
    note: `${AID_ROLL_FIELD_LABELS[f].zh}：${NOTES[f]}`,
  }));

export interface AidRollSheetRow {
  rowNumber: number;
  value: AidRollRow;
}

/**
 * Reads a roll: the item and semester from their words (a row without a semester takes `args.semester`), AidRollRow's
 * checks, the date inside its semester and not after `args.today`, one row per pupil, item and semester. `headers`
 * gives the file's header text per field for the checks the server adds.
 */
export async function readAidRollSheet(
  buf: Buffer,
  args: { semester: string | null; today: string },
  report: ParseReport,
): Promise<{ rows: AidRollSheetRow[]; errors: RowError[]; headers: Record<string, string> }> {
  const { rows, headers, shown } = await readMappedSheet(buf, AID_ROLL_SHEET, aidRollColumns(), report);
  const errors: RowError[] = [];
  const mapped: SheetRow[] = [];
  for (const row of rows) {
    const v = row.values;
    const item = aidItemOf(v.item ?? '');
    if (!item) {
      errors.push({
        row: row.rowNumber,
        column: headers.item!,
        message: `“${v.item}”不是资助项目（应为${Object.values(AID_ITEM_LABELS)
          .map((l) => l.zh)
          .join('、')}之一）`,
      });
      continue;
    }
    const semester = v.semester ? semesterOfText(v.semester) : args.semester;
    if (!semester) {
      errors.push({
        row: row.rowNumber,
        column: headers.semester!,
        message: v.semester ? `“${v.semester}”不是学期（如 2022年秋季学期、2022-2）` : '请填写学期，或在导入时选择学期',
      });
      continue;
    }
    mapped.push({
      rowNumber: row.rowNumber,
      values: { name: v.name, idNumber: normalizeIdCard(v.idNumber ?? ''), item, semester, amount: v.amount, paidOn: v.paidOn } as Record<
        string,
        string
      >,
    });
  }
  const { valid, errors: invalid } = validateRows(mapped, AidRollRow, shown);
  errors.push(...invalid);
  const dated = valid.filter((r) => {
    const refusal = paidOnRefusal(r.value.semester, r.value.paidOn, args.today);
    if (refusal) errors.push({ row: r.rowNumber, column: headers.paidOn!, message: `${refusal}（${semesterLabel(r.value.semester)}）` });
    return !refusal;
  });
  const out = firstPerKey(
    dated,
    (r) => `${r.value.idNumber}|${r.value.item}|${r.value.semester}`,
    headers.idNumber!,
    '学生、资助项目和学期',
    errors,
  );
  report({ checked: rows.length });
  return { rows: out, errors, headers };
}
