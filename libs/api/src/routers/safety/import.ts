import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import {
  HAZARD_CATEGORY_LABELS, HAZARD_SOURCE_LABELS, HazardInput, ProfileInput, SEVERITY_LABELS, sourcesFor, termOf, type DataScope, type SafetyLevel,
} from '@hyedu/domain';
import { formatRowError, readSheet, validateRows, writeTemplate, type Column, type RowError, type SheetRow } from '@hyedu/excel';
import { tables, type Db } from '@hyedu/db';
import { scopeCondition } from '../../queries.ts';

const { schools, safetyProfiles } = tables;
const YES_NO = ['是', '否'];

export const PROFILE_SHEET = '4个100%';
export const PROFILE_COLUMNS: Column[] = [
  { key: 'schoolCode', header: '学校标识码', required: true, width: 14, example: '2143000001', note: '10位学校标识码' },
  { key: 'schoolName', header: '学校名称', width: 24, example: '衡南县示例小学', note: '仅供核对，以学校标识码为准' },
  { key: 'term', header: '学期', required: true, width: 13, example: '2022-2023-1', note: '如 2022-2023-1 表示2022-2023学年第一学期' },
  { key: 'students', header: '在校生数', required: true, width: 10, example: 800 },
  { key: 'staff', header: '教职工数', required: true, width: 10, example: 60 },
  { key: 'fulltimeGuards', header: '专职保安人数', required: true, width: 12, example: 2 },
  { key: 'closedManagement', header: '封闭化管理', required: true, width: 11, options: YES_NO, example: '是' },
  { key: 'alarmLinked110', header: '一键式报警与110联网', required: true, width: 18, options: YES_NO, example: '是' },
  { key: 'videoLinkedPolice', header: '视频监控与公安联网', required: true, width: 18, options: YES_NO, example: '是' },
  { key: 'guardPost', header: '设置护学岗', required: true, width: 11, options: YES_NO, example: '是' },
  { key: 'antiRam', header: '硬质防冲撞设施', required: true, width: 14, options: ['是', '否', '不适用'], example: '不适用', note: '不要求安装的学校填“不适用”' },
  { key: 'evidenceDate', header: '核查日期', required: true, width: 12, example: '2022-09-15', note: '格式 YYYY-MM-DD' },
];

export const HAZARD_SHEET = '隐患清单';
export const hazardColumns = (level: SafetyLevel): Column[] => [
  { key: 'schoolCode', header: '学校标识码', required: true, width: 14, example: '2143000001' },
  { key: 'schoolName', header: '学校名称', width: 24, example: '衡南县示例小学', note: '仅供核对，以学校标识码为准' },
  { key: 'foundOn', header: '发现日期', required: true, width: 12, example: '2022-05-10', note: '格式 YYYY-MM-DD' },
  { key: 'source', header: '隐患来源', required: true, width: 11, options: sourcesFor(level).map((s) => HAZARD_SOURCE_LABELS[s]), example: HAZARD_SOURCE_LABELS.self },
  { key: 'category', header: '隐患类别', required: true, width: 12, options: Object.values(HAZARD_CATEGORY_LABELS), example: '消防' },
  { key: 'severity', header: '严重程度', required: true, width: 10, options: Object.values(SEVERITY_LABELS), example: '一般' },
  { key: 'location', header: '隐患部位', width: 16, example: '教学楼二楼' },
  { key: 'description', header: '隐患描述', required: true, width: 40, example: '灭火器压力不足，需更换' },
  { key: 'responsiblePerson', header: '整改责任人', required: true, width: 11, example: '张三' },
  { key: 'deadline', header: '整改期限', width: 12, example: '2022-05-31', note: '学校自查可填；未填的由县区教育局确定' },
  { key: 'measures', header: '整改措施', width: 30, example: '联系供应商更换灭火器' },
];

export const profileTemplate = () =>
  writeTemplate([{ name: PROFILE_SHEET, columns: PROFILE_COLUMNS }], [
    '中小学幼儿园安全防范建设“4个100%”情况导入模板。请勿修改表头和工作表名称；示例行导入时会被忽略。',
    '每所学校每学期一行；已由县区核实的学期不能通过导入覆盖。',
    '导入时先检查全部内容，发现任何错误都不会导入，并逐行说明错误所在。',
  ]);
export const hazardTemplate = (level: SafetyLevel) =>
  writeTemplate([{ name: HAZARD_SHEET, columns: hazardColumns(level) }], [
    '安全隐患清单导入模板。请勿修改表头和工作表名称；示例行导入时会被忽略。',
    '每行一条隐患，导入后状态为“待整改”。',
    '导入时先检查全部内容，发现任何错误都不会导入，并逐行说明错误所在。',
  ]);

const int = (v: string) => (/^-?\d+$/.test(v) ? Number(v) : v === '' ? undefined : v);
const yesNo = (v: string) => (v === '是' ? true : v === '否' ? false : v === '' ? undefined : v);
const byLabel = <K extends string>(labels: Record<K, string>, v: string) => (Object.entries(labels).find(([, l]) => l === v)?.[0] as K | undefined) ?? (v === '' ? undefined : v);
const opt = (v: string) => (v === '' ? undefined : v);

/** The schools of the file's codes that the caller may enter for (a code outside the scope is an error on its row). */
async function schoolsByCode(db: Db, scope: DataScope, rows: readonly SheetRow[]) {
  const codes = [...new Set(rows.map((r) => r.values.schoolCode!).filter((c) => /^\d{10}$/.test(c)))];
  const found = codes.length ? await db.select({ id: schools.id, code: schools.code, unitCode: schools.unitCode }).from(schools).where(and(inArray(schools.code, codes), scopeCondition(scope))) : [];
  return new Map(found.map((s) => [s.code, s]));
}

interface Parsed<T> {
  errors: string[];
  errorCount: number;
  rows: { rowNumber: number; value: T; unitCode: string; schoolCode: string }[];
}

/** Reads every row, maps Chinese cells to the domain's input and checks it; all problems at once, by row and column. */
async function parse<T extends { schoolId: number }>(
  db: Db, scope: DataScope, buf: Buffer, sheet: string, columns: Column[], schema: z.ZodType<T>, toInput: (v: Record<string, string>, schoolId: number) => unknown,
  extra?: (rows: Parsed<T>['rows']) => Promise<RowError[]>,
): Promise<Parsed<T>> {
  const rows = await readSheet(buf, sheet, columns, { maxRows: 5_000 });
  const bySchool = await schoolsByCode(db, scope, rows);
  const errors: RowError[] = [];
  const mapped: SheetRow[] = [];
  const schoolOf = new Map<number, { unitCode: string; code: string }>();
  for (const row of rows) {
    const school = bySchool.get(row.values.schoolCode!);
    if (!school) {
      errors.push({ row: row.rowNumber, column: '学校标识码', message: /^\d{10}$/.test(row.values.schoolCode!) ? '学校不存在或不在您的数据范围内' : '应为10位数字' });
      continue;
    }
    schoolOf.set(row.rowNumber, school);
    mapped.push({ rowNumber: row.rowNumber, values: toInput(row.values, school.id) as Record<string, string> });
  }
  const { valid, errors: invalid } = validateRows(mapped, schema, columns);
  errors.push(...invalid);
  const out = valid.map((v) => ({ ...v, unitCode: schoolOf.get(v.rowNumber)!.unitCode, schoolCode: schoolOf.get(v.rowNumber)!.code }));
  if (extra) errors.push(...(await extra(out)));
  errors.sort((a, b) => a.row - b.row);
  return { errors: errors.slice(0, 200).map(formatRowError), errorCount: errors.length, rows: out };
}

export function parseProfiles(db: Db, scope: DataScope, buf: Buffer, today: string) {
  return parse(db, scope, buf, PROFILE_SHEET, PROFILE_COLUMNS, ProfileInput, (v, schoolId) => ({
    schoolId, term: v.term, students: int(v.students!), staff: int(v.staff!), fulltimeGuards: int(v.fulltimeGuards!),
    closedManagement: yesNo(v.closedManagement!), alarmLinked110: yesNo(v.alarmLinked110!), videoLinkedPolice: yesNo(v.videoLinkedPolice!), guardPost: yesNo(v.guardPost!),
    antiRam: v.antiRam === '不适用' ? null : yesNo(v.antiRam!), evidenceDate: v.evidenceDate,
  }), async (rows) => {
    const errors: RowError[] = [];
    const seen = new Map<string, number>();
    for (const r of rows) {
      if (r.value.term > termOf(today)) errors.push({ row: r.rowNumber, column: '学期', message: '不能填报尚未开始的学期' });
      if (r.value.evidenceDate > today) errors.push({ row: r.rowNumber, column: '核查日期', message: '不能晚于今天' });
      const key = `${r.value.schoolId}|${r.value.term}`;
      if (seen.has(key)) errors.push({ row: r.rowNumber, column: '学校标识码', message: `与第${seen.get(key)}行重复（同一学校同一学期只能有一行）` });
      else seen.set(key, r.rowNumber);
    }
    const ids = rows.map((r) => r.value.schoolId);
    const verified = ids.length ? await db.select({ schoolId: safetyProfiles.schoolId, term: safetyProfiles.term }).from(safetyProfiles).where(and(inArray(safetyProfiles.schoolId, ids), eq(safetyProfiles.review, 'reviewed'))) : [];
    for (const r of rows) if (verified.some((v) => v.schoolId === r.value.schoolId && v.term === r.value.term)) errors.push({ row: r.rowNumber, column: '学期', message: '该学期情况已核实，不能通过导入覆盖' });
    return errors;
  });
}

export function parseHazards(db: Db, scope: DataScope, level: SafetyLevel, buf: Buffer, today: string) {
  return parse(db, scope, buf, HAZARD_SHEET, hazardColumns(level), HazardInput, (v, schoolId) => ({
    schoolId, foundOn: v.foundOn, source: byLabel(HAZARD_SOURCE_LABELS, v.source!), category: byLabel(HAZARD_CATEGORY_LABELS, v.category!), severity: byLabel(SEVERITY_LABELS, v.severity!),
    location: opt(v.location!), description: v.description, responsiblePerson: v.responsiblePerson, deadline: opt(v.deadline!) ?? null, measures: opt(v.measures!),
  }), async (rows) =>
    rows.flatMap((r) => [
      ...(sourcesFor(level).includes(r.value.source) ? [] : [{ row: r.rowNumber, column: '隐患来源', message: `您不能登记“${HAZARD_SOURCE_LABELS[r.value.source]}”发现的隐患` }]),
      ...(r.value.foundOn > today ? [{ row: r.rowNumber, column: '发现日期', message: '不能晚于今天' }] : []),
    ]),
  );
}
