// The national platform's institution list: the columns come from the city's mapping (per field the header texts of
// the platform's export), how a row's cells become PlatformImportRow and every check that needs no database. Runs in
// the parsing worker (see imports/worker.ts), so it imports no database code.
import { compactText, IMPORT_LIMITS } from '@hyedu/domain';
import {
  FEE_SUPERVISION_LABELS,
  PLATFORM_FIELD_LABELS,
  platformCategoryOf,
  platformFeeOf,
  PlatformImportField,
  PlatformImportRow,
  TRAINING_CATEGORY_LABELS,
} from '@hyedu/domain/private-edu';
import { readSheet, validateRows, type Column, type RowError, type SheetRow } from '@hyedu/excel';
import type { ParseReport } from '../../../imports/types.ts';

/** The template's sheet (the platform's export may call its sheet anything: the first sheet with the headers is read). */
export const PLATFORM_SHEET = '校外培训机构名单';

const EXAMPLE: Record<PlatformImportField, string> = {
  platformId: 'HN-20220001',
  name: '衡南县示例艺术培训学校',
  uscc: '52430422MJ0000000X',
  category: TRAINING_CATEGORY_LABELS.non_academic,
  unitName: '衡南县',
  feeSupervision: FEE_SUPERVISION_LABELS.bank_custody,
};
const NOTES: Record<PlatformImportField, string> = {
  platformId: '全国平台的机构编号，每个机构一行',
  name: '机构全称',
  uscc: '18位统一社会信用代码，可留空',
  category: `${TRAINING_CATEGORY_LABELS.academic}或${TRAINING_CATEGORY_LABELS.non_academic}（也可写体育类、文化艺术类、科技类）`,
  unitName: '机构所在的县市区名称，如 衡南县',
  feeSupervision: `${Object.values(FEE_SUPERVISION_LABELS).join('、')}（留空为${FEE_SUPERVISION_LABELS.none}）`,
};

/** The sheet's columns under a mapping: the first header of each field is the template's, the others are aliases. */
export function platformColumns(mapping: Record<PlatformImportField, readonly string[]>): Column[] {
  return PlatformImportField.options.map((f) => ({
    key: f,
    header: mapping[f][0]!,
    aliases: mapping[f].slice(1),
    required: f !== 'uscc' && f !== 'feeSupervision',
    width: f === 'name' ? 28 : f === 'uscc' || f === 'platformId' ? 20 : 12,
    example: EXAMPLE[f],
    note: `${PLATFORM_FIELD_LABELS[f]}：${NOTES[f]}`,
  }));
}

export interface PlatformSheetRow {
  rowNumber: number;
  value: PlatformImportRow;
}

/** A county as the worker takes it: [code, name]; `mine` whether the caller may import its rows. */
export type PlatformUnitRef = readonly [code: string, name: string, mine: boolean];

const unitKey = (v: string) => compactText(v).replace(/^(湖南省)?衡阳市(?=.)/, '');

/**
 * Reads the platform's export (or the template): the header row found by the mapping's texts, each row's county by
 * name (or code) among the caller's counties, PlatformImportRow's checks, one row per platform id. Errors name the
 * column by the file's own header text.
 */
export async function readPlatformSheet(
  buf: Buffer,
  args: { units: readonly PlatformUnitRef[]; mapping: Record<PlatformImportField, readonly string[]> },
  report: ParseReport,
): Promise<{ rows: PlatformSheetRow[]; errors: RowError[] }> {
  const columns = platformColumns(args.mapping);
  const headers: Record<string, string> = Object.fromEntries(columns.map((c) => [c.key, c.header]));
  const rows = await readSheet(buf, PLATFORM_SHEET, columns, {
    maxRows: IMPORT_LIMITS.maxRows,
    anySheet: true,
    onHeader: (key, text) => (headers[key] = text),
  });
  report({ parsed: rows.length });
  const shown = columns.map((c) => ({ ...c, header: headers[c.key]! }));
  const units = new Map<string, PlatformUnitRef>();
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
        message: `${unit[1]}的机构不在您的数据范围内（只能导入本县市区的名单）`,
      });
      continue;
    }
    const values = {
      platformId: v.platformId,
      name: v.name,
      uscc: v.uscc ? v.uscc : null,
      category: platformCategoryOf(v.category!) ?? v.category,
      unitCode: unit[0],
      feeSupervision: platformFeeOf(v.feeSupervision ?? '') ?? v.feeSupervision,
    };
    mapped.push({ rowNumber: row.rowNumber, values: values as unknown as Record<string, string> });
  }
  const { valid, errors: invalid } = validateRows(mapped, PlatformImportRow, shown);
  errors.push(...invalid);
  const seen = new Map<string, number>();
  const out: PlatformSheetRow[] = [];
  for (const r of valid) {
    const first = seen.get(r.value.platformId);
    if (first !== undefined) errors.push({ row: r.rowNumber, column: headers.platformId!, message: `与第${first}行的机构编号相同` });
    else {
      seen.set(r.value.platformId, r.rowNumber);
      out.push(r);
    }
  }
  report({ checked: rows.length });
  return { rows: out, errors };
}
