// The training records import's sheet (the national system's export): columns by their header texts, each row's
// cells as the domain's TrainingImportRow, and the checks that need no database. Runs in the parsing worker.
import { IMPORT_LIMITS } from '@hyedu/domain';
import { TRAINING_IMPORT_HEADERS, trainingImportInput, TrainingImportRow, type TrainingImportField } from '@hyedu/domain/teachers';
import { readSheet, validateRows, type Column, type RowError, type SheetRow } from '@hyedu/excel';
import type { ParseReport } from '../../../imports/types.ts';

export const TRAINING_SHEET = '培训记录';

const REQUIRED: readonly TrainingImportField[] = ['idNumber', 'name', 'hours', 'completion'];
const EXAMPLE: Record<TrainingImportField, string> = {
  idNumber: '43042219900512002X',
  name: '王晓梅',
  projectCode: 'GP2022-001',
  projectName: '国培计划（2022）信息技术应用能力提升工程2.0',
  hours: '25',
  completion: '已完成',
  recordedOn: '2022-06-30',
};
const NOTES: Record<TrainingImportField, string> = {
  idNumber: '本人身份证号，须为本单位在岗教职员工',
  name: '须与教职员工登记的姓名一致',
  projectCode: '与项目名称至少填一项；填写时按项目编号识别项目',
  projectName: '与培训项目中登记的名称一致',
  hours: '获得的学时，整数，不超过项目计划学时',
  completion: '已完成或未完成',
  recordedOn: '完成日期；未完成的可不填（按导入当天记）',
};

export const trainingColumns = (): Column[] =>
  (Object.keys(TRAINING_IMPORT_HEADERS) as TrainingImportField[]).map((k) => ({
    key: k,
    header: TRAINING_IMPORT_HEADERS[k][0],
    aliases: TRAINING_IMPORT_HEADERS[k].slice(1),
    required: REQUIRED.includes(k),
    width: k === 'projectName' ? 36 : k === 'idNumber' ? 20 : 12,
    example: EXAMPLE[k],
    note: NOTES[k],
    ...(k === 'completion' ? { options: ['已完成', '未完成'] } : {}),
  }));

export interface TrainingSheetRow {
  rowNumber: number;
  value: TrainingImportRow;
}

/** Reads the export (or the template): every row checked, one row per person and project. */
export async function readTrainingSheet(
  buf: Buffer,
  _args: Record<string, never>,
  report: ParseReport,
): Promise<{ rows: TrainingSheetRow[]; errors: RowError[]; headers: Record<string, string> }> {
  const columns = trainingColumns();
  const headers: Record<string, string> = Object.fromEntries(columns.map((c) => [c.key, c.header]));
  const raw = await readSheet(buf, TRAINING_SHEET, columns, {
    maxRows: IMPORT_LIMITS.maxRows,
    anySheet: true,
    onHeader: (key, text) => (headers[key] = text),
  });
  report({ parsed: raw.length });
  const shown = columns.map((c) => ({ ...c, header: headers[c.key]! }));
  const mapped: SheetRow[] = raw.map((row) => ({
    rowNumber: row.rowNumber,
    values: trainingImportInput(row.values) as unknown as Record<string, string>,
  }));
  const { valid, errors } = validateRows(mapped, TrainingImportRow, shown);
  const seen = new Map<string, number>();
  const rows: TrainingSheetRow[] = [];
  for (const v of valid) {
    const key = `${v.value.idNumber}|${v.value.projectCode ?? ''}|${v.value.projectName ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ row: v.rowNumber, column: headers.idNumber!, message: `与第${first}行是同一人的同一项目` });
      continue;
    }
    seen.set(key, v.rowNumber);
    rows.push(v);
  }
  report({ checked: raw.length });
  return { rows, errors, headers };
}
