// The national platform's institution list: the columns come from the city's mapping (per field the header texts of
// the platform's export), how a row's cells become PlatformImportRow and every check that needs no database. Runs in
// the parsing worker (see imports/worker.ts), so it imports no database code.
import {
  FEE_SUPERVISION_LABELS,
  PLATFORM_FIELD_LABELS,
  platformCategoryOf,
  platformFeeOf,
  PlatformImportField,
  PlatformImportRow,
  TRAINING_CATEGORY_LABELS,
} from '@hyedu/domain/private-edu';
import { validateRows, type Column, type RowError, type SheetRow } from '@hyedu/excel';
import { countyFinder, firstPerKey, isRowError, readMappedSheet, type CountyRef } from '../../../imports/mapped-sheet.ts';
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

/**
 * Reads the platform's export (or the template): the header row found by the mapping's texts, each row's county by
 * name (or code) among the caller's counties, PlatformImportRow's checks, one row per platform id. Errors name the
 * column by the file's own header text.
 */
export async function readPlatformSheet(
  buf: Buffer,
  args: { units: readonly CountyRef[]; mapping: Record<PlatformImportField, readonly string[]> },
  report: ParseReport,
): Promise<{ rows: PlatformSheetRow[]; errors: RowError[] }> {
  const { rows, headers, shown } = await readMappedSheet(buf, PLATFORM_SHEET, platformColumns(args.mapping), report);
  const countyOf = countyFinder(args.units, headers.unitName!, '机构');
  const errors: RowError[] = [];
  const mapped: SheetRow[] = [];
  for (const row of rows) {
    const v = row.values;
    const unit = countyOf(row.rowNumber, v.unitName!);
    if (isRowError(unit)) {
      errors.push(unit);
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
  const out = firstPerKey(valid, (r) => r.value.platformId, headers.platformId!, '机构编号', errors);
  report({ checked: rows.length });
  return { rows: out, errors };
}
