// The safety imports' sheets: columns, how a row's Chinese cells become the domain's input (read by
// imports/school-sheet.ts), and every check that needs no database. Runs in the parsing worker (see
// imports/worker.ts), so it imports no database code.
import {
  HAZARD_CATEGORY_LABELS,
  HAZARD_SOURCE_LABELS,
  hazardDuplicateKey,
  HazardInput,
  ProfileInput,
  SEVERITY_LABELS,
  sourcesFor,
  termOf,
  type SafetyLevel,
} from '@hyedu/domain';
import type { Column, RowError } from '@hyedu/excel';
import { cell, readSchoolSheet, YES_NO, type SchoolRef } from '../../imports/school-sheet.ts';
import type { ParseReport } from '../../imports/types.ts';

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
  {
    key: 'antiRam',
    header: '硬质防冲撞设施',
    required: true,
    width: 14,
    options: ['是', '否', '不适用'],
    example: '不适用',
    note: '不要求安装的学校填“不适用”',
  },
  { key: 'evidenceDate', header: '核查日期', required: true, width: 12, example: '2022-09-15', note: '格式 YYYY-MM-DD' },
];

export const HAZARD_SHEET = '隐患清单';
export const hazardColumns = (level: SafetyLevel): Column[] => [
  { key: 'schoolCode', header: '学校标识码', required: true, width: 14, example: '2143000001' },
  { key: 'schoolName', header: '学校名称', width: 24, example: '衡南县示例小学', note: '仅供核对，以学校标识码为准' },
  { key: 'foundOn', header: '发现日期', required: true, width: 12, example: '2022-05-10', note: '格式 YYYY-MM-DD' },
  {
    key: 'source',
    header: '隐患来源',
    required: true,
    width: 11,
    options: sourcesFor(level).map((s) => HAZARD_SOURCE_LABELS[s]),
    example: HAZARD_SOURCE_LABELS.self,
  },
  { key: 'category', header: '隐患类别', required: true, width: 12, options: Object.values(HAZARD_CATEGORY_LABELS), example: '消防' },
  { key: 'severity', header: '严重程度', required: true, width: 10, options: Object.values(SEVERITY_LABELS), example: '一般' },
  { key: 'location', header: '隐患部位', width: 16, example: '教学楼二楼' },
  { key: 'description', header: '隐患描述', required: true, width: 40, example: '灭火器压力不足，需更换' },
  { key: 'responsiblePerson', header: '整改责任人', required: true, width: 11, example: '张三' },
  { key: 'deadline', header: '整改期限', width: 12, example: '2022-05-31', note: '学校自查可填；未填的由县区教育局确定' },
  { key: 'measures', header: '整改措施', width: 30, example: '联系供应商更换灭火器' },
];

const { int, yesNo, byLabel, opt } = cell;

/** The 4个100% sheet: every check but the one against verified terms in the database. */
export function readProfileSheet(buf: Buffer, args: { today: string; schools: readonly SchoolRef[] }, report: ParseReport) {
  const { today } = args;
  return readSchoolSheet(
    buf,
    PROFILE_SHEET,
    PROFILE_COLUMNS,
    ProfileInput,
    (v, schoolId) => ({
      schoolId,
      term: v.term,
      students: int(v.students!),
      staff: int(v.staff!),
      fulltimeGuards: int(v.fulltimeGuards!),
      closedManagement: yesNo(v.closedManagement!),
      alarmLinked110: yesNo(v.alarmLinked110!),
      videoLinkedPolice: yesNo(v.videoLinkedPolice!),
      guardPost: yesNo(v.guardPost!),
      antiRam: v.antiRam === '不适用' ? null : yesNo(v.antiRam!),
      evidenceDate: v.evidenceDate,
    }),
    args.schools,
    report,
    (rows) => {
      const errors: RowError[] = [];
      const seen = new Map<string, number>();
      for (const r of rows) {
        if (r.value.term > termOf(today)) errors.push({ row: r.rowNumber, column: '学期', message: '不能填报尚未开始的学期' });
        if (r.value.evidenceDate > today) errors.push({ row: r.rowNumber, column: '核查日期', message: '不能晚于今天' });
        const key = `${r.value.schoolId}|${r.value.term}`;
        if (seen.has(key))
          errors.push({ row: r.rowNumber, column: '学校标识码', message: `与第${seen.get(key)}行重复（同一学校同一学期只能有一行）` });
        else seen.set(key, r.rowNumber);
      }
      return errors;
    },
  );
}

/** The hazard sheet: sources the caller may record, no future dates, no row that repeats another (hazardDuplicateKey). */
export function readHazardSheet(
  buf: Buffer,
  args: { level: SafetyLevel; today: string; schools: readonly SchoolRef[] },
  report: ParseReport,
) {
  const { level, today } = args;
  return readSchoolSheet(
    buf,
    HAZARD_SHEET,
    hazardColumns(level),
    HazardInput,
    (v, schoolId) => ({
      schoolId,
      foundOn: v.foundOn,
      source: byLabel(HAZARD_SOURCE_LABELS, v.source!),
      category: byLabel(HAZARD_CATEGORY_LABELS, v.category!),
      severity: byLabel(SEVERITY_LABELS, v.severity!),
      location: opt(v.location!),
      description: v.description,
      responsiblePerson: v.responsiblePerson,
      deadline: opt(v.deadline!) ?? null,
      measures: opt(v.measures!),
    }),
    args.schools,
    report,
    (rows) => {
      const errors: RowError[] = [];
      const seen = new Map<string, number>();
      for (const r of rows) {
        if (!sourcesFor(level).includes(r.value.source))
          errors.push({ row: r.rowNumber, column: '隐患来源', message: `您不能登记“${HAZARD_SOURCE_LABELS[r.value.source]}”发现的隐患` });
        if (r.value.foundOn > today) errors.push({ row: r.rowNumber, column: '发现日期', message: '不能晚于今天' });
        const key = hazardDuplicateKey(r.value);
        const first = seen.get(key);
        if (first !== undefined)
          errors.push({
            row: r.rowNumber,
            column: '隐患描述',
            message: `与第${first}行重复（同一学校、发现日期、类别、部位和描述都相同）`,
          });
        else seen.set(key, r.rowNumber);
      }
      return errors;
    },
  );
}
