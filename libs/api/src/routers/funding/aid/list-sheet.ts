// A list of 脱贫户/监测对象, 低保, 特困 or 残疾 children as its owner system exports it: the columns come from the city's
// mapping, how a row's cells become AidListRow and every check that needs no database. Runs in the parsing worker
// (see imports/worker.ts), so it imports no database code.
import { normalizeIdCard } from '@hyedu/domain';
import {
  AID_LIST_FIELD_LABELS,
  AID_LIST_LABELS,
  AidListField,
  AidListRow,
  categoryOf,
  listCategoryHint,
  type AidListKind,
} from '@hyedu/domain/funding';
import { validateRows, type Column, type RowError, type SheetRow } from '@hyedu/excel';
import { countyFinder, firstPerKey, isRowError, readMappedSheet, type CountyRef } from '../../../imports/mapped-sheet.ts';
import type { ParseReport } from '../../../imports/types.ts';

/** The template's sheet (an export made elsewhere may call its sheet anything: the first sheet with the headers is read). */
export const AID_LIST_SHEET = '名单';

const EXAMPLE: Record<AidListField, string> = { name: '张小明', idNumber: '430422201205011234', category: '脱贫户', unitName: '衡南县' };

/** The sheet's columns under a mapping: each field's first header is the template's, the others its aliases. */
export function aidListColumns(kind: AidListKind, mapping: Record<AidListField, readonly string[]>): Column[] {
  const notes: Record<AidListField, string> = {
    name: '儿童（学生）姓名',
    idNumber: '18位居民身份证号（末位X可大写或小写），按身份证号与学籍比对',
    category: `${listCategoryHint(kind)}（也可写系统导出的说法，如 脱贫户、边缘易致贫户、农村低保）`,
    unitName: '户籍所在县市区名称，如 衡南县',
  };
  return AidListField.options.map((f) => ({
    key: f,
    header: mapping[f][0]!,
    aliases: mapping[f].slice(1),
    required: true,
    width: f === 'idNumber' ? 22 : 14,
    example: f === 'category' && kind !== 'poverty' ? listCategoryHint(kind).split('或')[0] : EXAMPLE[f],
    note: `${AID_LIST_FIELD_LABELS[f].zh}：${notes[f]}`,
  }));
}

export interface AidListSheetRow {
  rowNumber: number;
  value: AidListRow;
}

/**
 * Reads a list: the header row found by the mapping's texts, each row's county by name (or code) among the caller's
 * counties, its category among the list's, AidListRow's checks (the ID number's check digit and date), one row per
 * person. Errors name the column by the file's own header text.
 */
export async function readAidListSheet(
  buf: Buffer,
  args: { kind: AidListKind; units: readonly CountyRef[]; mapping: Record<AidListField, readonly string[]> },
  report: ParseReport,
): Promise<{ rows: AidListSheetRow[]; errors: RowError[] }> {
  const { rows, headers, shown } = await readMappedSheet(buf, AID_LIST_SHEET, aidListColumns(args.kind, args.mapping), report);
  const countyOf = countyFinder(args.units, headers.unitName!, '名单');
  const errors: RowError[] = [];
  const mapped: SheetRow[] = [];
  for (const row of rows) {
    const v = row.values;
    const unit = countyOf(row.rowNumber, v.unitName!);
    if (isRowError(unit)) {
      errors.push(unit);
      continue;
    }
    const category = categoryOf(v.category ?? '', args.kind);
    if (!category) {
      errors.push({
        row: row.rowNumber,
        column: headers.category!,
        message: `“${v.category}”不是${AID_LIST_LABELS[args.kind].zh}的困难类别（应为${listCategoryHint(args.kind)}）`,
      });
      continue;
    }
    mapped.push({
      rowNumber: row.rowNumber,
      values: { name: v.name, idNumber: normalizeIdCard(v.idNumber ?? ''), category, unitCode: unit[0] } as unknown as Record<
        string,
        string
      >,
    });
  }
  const { valid, errors: invalid } = validateRows(mapped, AidListRow, shown);
  errors.push(...invalid);
  const out = firstPerKey(valid, (r) => r.value.idNumber, headers.idNumber!, '身份证号', errors);
  report({ checked: rows.length });
  return { rows: out, errors };
}
