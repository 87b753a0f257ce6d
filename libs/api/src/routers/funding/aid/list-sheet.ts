// A list of 脱贫户/监测对象, 低保, 特困 or 残疾 children as its owner system exports it: the columns come from the city's
// mapping, how a row's cells become AidListRow and every check that needs no database. Runs in the parsing worker
// (see imports/worker.ts), so it imports no database code.
import { compactText, IMPORT_LIMITS, normalizeIdCard } from '@hyedu/domain';
import {
  AID_LIST_FIELD_LABELS,
  AID_LIST_LABELS,
  AidListField,
  AidListRow,
  categoryOf,
  listCategoryHint,
  type AidListKind,
} from '@hyedu/domain/funding';
import { readSheet, validateRows, type Column, type RowError, type SheetRow } from '@hyedu/excel';
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

/** A county as the worker takes it: [code, name]; `mine` whether the caller may import its rows. */
export type AidUnitRef = readonly [code: string, name: string, mine: boolean];
export interface AidListSheetRow {
  rowNumber: number;
  value: AidListRow;
}
const unitKey = (v: string) => compactText(v).replace(/^(湖南省)?衡阳市(?=.)/, '');

/**
 * Reads a list: the header row found by the mapping's texts, each row's county by name (or code) among the caller's
 * counties, its category among the list's, AidListRow's checks (the ID number's check digit and date), one row per
 * person. Errors name the column by the file's own header text.
 */
export async function readAidListSheet(
  buf: Buffer,
  args: { kind: AidListKind; units: readonly AidUnitRef[]; mapping: Record<AidListField, readonly string[]> },
  report: ParseReport,
): Promise<{ rows: AidListSheetRow[]; errors: RowError[] }> {
  const columns = aidListColumns(args.kind, args.mapping);
  const headers: Record<string, string> = Object.fromEntries(columns.map((c) => [c.key, c.header]));
  const rows = await readSheet(buf, AID_LIST_SHEET, columns, {
    maxRows: IMPORT_LIMITS.maxRows,
    anySheet: true,
    onHeader: (key, text) => (headers[key] = text),
  });
  report({ parsed: rows.length });
  const shown = columns.map((c) => ({ ...c, header: headers[c.key]! }));
  const units = new Map<string, AidUnitRef>();
  for (const u of args.units) units.set(u[0], u).set(unitKey(u[1]), u);
  const errors: RowError[] = [];
  const mapped: SheetRow[] = [];
  for (const row of rows) {
    const v = row.values;
    const unit = units.get(unitKey(v.unitName!));
    if (!unit) {
      errors.push({ row: row.rowNumber, column: headers.unitName!, message: `“${v.unitName}”不是衡阳市的县市区` });
      continue;
    }
    if (!unit[2]) {
      errors.push({
        row: row.rowNumber,
        column: headers.unitName!,
        message: `${unit[1]}的名单不在您的数据范围内（只能导入本县市区的名单）`,
      });
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
  const seen = new Map<string, number>();
  const out: AidListSheetRow[] = [];
  for (const r of valid) {
    const first = seen.get(r.value.idNumber);
    if (first !== undefined) errors.push({ row: r.rowNumber, column: headers.idNumber!, message: `与第${first}行的身份证号相同` });
    else {
      seen.set(r.value.idNumber, r.rowNumber);
      out.push(r);
    }
  }
  report({ checked: rows.length });
  return { rows: out, errors };
}
