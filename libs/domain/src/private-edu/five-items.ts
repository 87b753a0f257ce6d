import { z } from 'zod';
import { MAX_RECORD_ID, RecordId, RecordVersion, SchoolRef } from '../bounds.ts';
import { IsoDate } from '../date.ts';
import { DivisionCode } from '../org.ts';
import { gradeLabel, GRADES_BY_LEVEL, isCompulsoryGrade, type SchoolLevel } from '../school.ts';
import { textField } from '../text.ts';
import { stateLabels, stepEnum } from '../workflow/workflow.ts';
import { FIVE_ITEMS_WORKFLOW } from './five-items-workflow.ts';

/**
 * 双减 at school: 五项管理 (作业、睡眠、手机、读物、体质) and 课后服务. Every school with compulsory grades (public or
 * private) files one return per term; its county reviews it. Sources (docs/domain/private-education.md, "五项管理"):
 * - 中办国办《关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见》(2021-07-24): 小学一、二年级不布置家庭书面作业;
 *   三至六年级书面作业平均完成时间不超过60分钟; 初中不超过90分钟; 课后服务结束时间原则上不早于当地正常下班时间.
 * - 教育部 五项管理 notices (2021): 睡眠 小学10小时、初中9小时、高中8小时; 手机原则上不得带入校园（确有需求的须家长书面申请，
 *   禁止带入课堂）; 周末、假期书面作业 小学每天不超过90分钟、初中不超过120分钟; 体育课 小学一二年级每周4节，三至六年级和初中每周3节，
 *   高中每周2节; 进校园课外读物须经学校审核.
 */

/** The terms a return is filed for. */
export const FiveItemsTerm = z.enum(['2022-spring', '2022-autumn'], { message: '请选择学期' });
export type FiveItemsTerm = z.infer<typeof FiveItemsTerm>;
export const FIVE_ITEMS_TERM_LABELS: Record<FiveItemsTerm, { zh: string; en: string }> = {
  '2022-spring': { zh: '2022年春季学期', en: 'Spring term 2022' },
  '2022-autumn': { zh: '2022年秋季学期', en: 'Autumn term 2022' },
};

/**
 * The bureau's due dates (configuration, not from the notices): the return of a term is due by this day; the city may
 * set another date per term.
 */
export const FIVE_ITEMS_DEFAULT_DUE: Record<FiveItemsTerm, string> = {
  '2022-spring': '2022-06-15',
  '2022-autumn': '2022-11-25',
};

/**
 * The bureau's 下班时间 (configuration, not from the opinion): 课后服务 must not end before it. The city sets the default,
 * a county its own.
 */
export const FIVE_ITEMS_DEFAULT_WORK_END = '17:30';

/** A time of day, HH:MM (24 h). */
export const ClockTime = z.string({ message: '请填写时间' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '时间应为HH:MM格式，如17:30' });

/** The grades a return covers: 小学 and 初中 (义务教育). */
export const FiveItemsGrade = z.enum(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'J1', 'J2', 'J3'], { message: '请选择义务教育年级' });
export type FiveItemsGrade = z.infer<typeof FiveItemsGrade>;

/** The norms of one grade: written homework per school day and per weekend/holiday day (minutes, at most), sleep (hours, at least), PE lessons per week (at least). */
export interface GradeLimits {
  homework: number;
  weekend: number;
  sleep: number;
  pe: number;
}
const primaryLow: GradeLimits = { homework: 0, weekend: 0, sleep: 10, pe: 4 };
const primaryHigh: GradeLimits = { homework: 60, weekend: 90, sleep: 10, pe: 3 };
const junior: GradeLimits = { homework: 90, weekend: 120, sleep: 9, pe: 3 };
/**
 * The limits by grade, the one table. 小学一二年级: no written homework on any day (双减), so the weekend limit is 0 too;
 * 高中 (sleep 8 h, PE 2) is outside the returns, which cover compulsory grades only.
 */
export const FIVE_ITEMS_LIMITS: Record<FiveItemsGrade, GradeLimits> = {
  P1: primaryLow,
  P2: primaryLow,
  P3: primaryHigh,
  P4: primaryHigh,
  P5: primaryHigh,
  P6: primaryHigh,
  J1: junior,
  J2: junior,
  J3: junior,
};

/** The school levels a return is due from: those teaching compulsory grades. */
export const FIVE_ITEMS_LEVELS = (Object.keys(GRADES_BY_LEVEL) as SchoolLevel[]).filter((l) => GRADES_BY_LEVEL[l].some(isCompulsoryGrade));

/** The grades a school of `level` reports on. */
export const fiveItemsGrades = (level: SchoolLevel): FiveItemsGrade[] =>
  GRADES_BY_LEVEL[level].filter(isCompulsoryGrade).map((g) => FiveItemsGrade.parse(g));

const minutes = (label: string) =>
  z
    .number({ message: `请填写${label}` })
    .int({ message: `${label}应为整数分钟` })
    .min(0, { message: `${label}不能为负数` })
    .max(600, { message: `${label}不能超过600分钟` });

/** One grade's row: averages over the term. */
export const FiveItemsGradeRow = z
  .object({
    grade: FiveItemsGrade,
    homework: minutes('书面作业时长'),
    weekend: minutes('周末书面作业时长'),
    sleep: z
      .number({ message: '请填写睡眠时间' })
      .min(0, { message: '睡眠时间不能为负数' })
      .max(24, { message: '睡眠时间不能超过24小时' })
      .refine((v) => Number.isInteger(v * 10), { message: '睡眠时间最多保留1位小数' }),
    pe: z
      .number({ message: '请填写每周体育课节数' })
      .int({ message: '每周体育课节数应为整数' })
      .min(0, { message: '每周体育课节数不能为负数' })
      .max(20, { message: '每周体育课节数不能超过20' }),
  })
  .strict();
export type FiveItemsGradeRow = z.infer<typeof FiveItemsGradeRow>;

const pupils = (label: string) =>
  z
    .number({ message: `请填写${label}` })
    .int({ message: `${label}应为整数` })
    .min(0, { message: `${label}不能为负数` })
    .max(50_000, { message: `${label}不能超过50000` });

/** What a return says (the school's figures for the term). */
export const FiveItemsFigures = z
  .object({
    grades: z.array(FiveItemsGradeRow).min(1, { message: '请填写各年级情况' }).max(9, { message: '年级不能超过9个' }),
    phoneManaged: z.boolean({ message: '请选择是否落实手机管理措施' }),
    phoneWrittenRequest: z.boolean({ message: '请选择是否实行家长书面申请' }),
    readingReviewed: z.boolean({ message: '请选择进校园读物是否已审核' }),
    afterSchoolCovered: pupils('参加课后服务人数'),
    afterSchoolWilling: pupils('有意愿参加课后服务人数'),
    afterSchoolEnd: ClockTime,
    note: textField(1000, '说明').optional(),
  })
  .strict();
export type FiveItemsFigures = z.infer<typeof FiveItemsFigures>;

export const FiveItemsInput = FiveItemsFigures.extend({ schoolId: SchoolRef, term: FiveItemsTerm }).strict();
export type FiveItemsInput = z.infer<typeof FiveItemsInput>;
export const FiveItemsUpdate = FiveItemsFigures.extend({ id: RecordId, expectedVersion: RecordVersion }).strict();
export type FiveItemsUpdate = z.infer<typeof FiveItemsUpdate>;

/** Refusals of a return's rows for a school of `level`, each with its field: every grade it teaches once, no other. */
export function fiveItemsRefusals(level: SchoolLevel, f: FiveItemsFigures): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  const taught = fiveItemsGrades(level);
  const seen = new Set<string>();
  f.grades.forEach((row, i) => {
    if (!taught.includes(row.grade)) out.push({ field: `grades.${i}.grade`, message: `该校没有${gradeLabel(row.grade)}` });
    else if (seen.has(row.grade)) out.push({ field: `grades.${i}.grade`, message: `${gradeLabel(row.grade)}填写了两次` });
    seen.add(row.grade);
  });
  const absent = taught.filter((g) => !seen.has(g));
  if (absent.length) out.push({ field: 'grades', message: `请填写${absent.map((g) => gradeLabel(g)).join('、')}` });
  if (f.afterSchoolCovered > f.afterSchoolWilling)
    out.push({ field: 'afterSchoolCovered', message: '参加课后服务人数不能超过有意愿参加的人数' });
  return out;
}

export const FiveItemsItem = z.enum(['homework', 'weekend', 'sleep', 'phone', 'reading', 'pe', 'afterSchoolEnd', 'afterSchoolCoverage']);
export type FiveItemsItem = z.infer<typeof FiveItemsItem>;
export const FIVE_ITEMS_ITEM_LABELS: Record<FiveItemsItem, { zh: string; en: string }> = {
  homework: { zh: '作业管理', en: 'Homework' },
  weekend: { zh: '周末作业', en: 'Weekend homework' },
  sleep: { zh: '睡眠管理', en: 'Sleep' },
  phone: { zh: '手机管理', en: 'Phones' },
  reading: { zh: '读物管理', en: 'Reading materials' },
  pe: { zh: '体质管理', en: 'Physical education' },
  afterSchoolEnd: { zh: '课后服务时间', en: 'After-school end time' },
  afterSchoolCoverage: { zh: '课后服务覆盖', en: 'After-school coverage' },
};

export interface FiveItemsBreach {
  item: FiveItemsItem;
  grade: FiveItemsGrade | null;
  text: string;
}

/** What a judgement needs of the settings: the 下班时间 of the school's county. */
export interface FiveItemsJudgementSettings {
  workEnd: string;
}

const hours = (v: number) => String(Math.round(v * 10) / 10);

/** 课后服务 coverage = students covered ÷ students willing; null when nobody asked for it. */
export const afterSchoolCoverage = (r: { afterSchoolCovered: number; afterSchoolWilling: number }): number | null =>
  r.afterSchoolWilling > 0 ? r.afterSchoolCovered / r.afterSchoolWilling : null;

/**
 * The breaches of a return, each with its Chinese text, against the limits table and the county's 下班时间; compliant
 * when there is none. 课后服务 must serve every student who wants it (双减: 努力实现有需求的学生全覆盖).
 */
export function fiveItemsJudgement(
  r: Omit<FiveItemsFigures, 'note'>,
  settings: FiveItemsJudgementSettings,
): { breaches: FiveItemsBreach[]; compliant: boolean; coverage: number | null } {
  const breaches: FiveItemsBreach[] = [];
  for (const row of r.grades) {
    const lim = FIVE_ITEMS_LIMITS[row.grade];
    const name = row.grade.startsWith('P') ? gradeLabel(row.grade).slice(2) : gradeLabel(row.grade);
    if (row.homework > lim.homework)
      breaches.push({
        item: 'homework',
        grade: row.grade,
        text:
          lim.homework === 0
            ? `${name}布置了书面作业（平均${row.homework}分钟），一二年级不布置家庭书面作业`
            : `${name}书面作业平均${row.homework}分钟，超过${lim.homework}分钟`,
      });
    if (row.weekend > lim.weekend)
      breaches.push({
        item: 'weekend',
        grade: row.grade,
        text:
          lim.weekend === 0
            ? `${name}周末布置了书面作业（每天${row.weekend}分钟），一二年级不布置家庭书面作业`
            : `${name}周末书面作业每天${row.weekend}分钟，超过${lim.weekend}分钟`,
      });
    if (row.sleep < lim.sleep)
      breaches.push({ item: 'sleep', grade: row.grade, text: `${name}平均睡眠${hours(row.sleep)}小时，不足${lim.sleep}小时` });
    if (row.pe < lim.pe) breaches.push({ item: 'pe', grade: row.grade, text: `${name}每周体育课${row.pe}节，少于${lim.pe}节` });
  }
  if (!r.phoneManaged) breaches.push({ item: 'phone', grade: null, text: '未落实手机管理措施（原则上不得带入校园）' });
  if (!r.phoneWrittenRequest) breaches.push({ item: 'phone', grade: null, text: '未实行学生带手机进校园须家长书面申请' });
  if (!r.readingReviewed) breaches.push({ item: 'reading', grade: null, text: '进校园课外读物未经审核' });
  if (r.afterSchoolEnd < settings.workEnd)
    breaches.push({
      item: 'afterSchoolEnd',
      grade: null,
      text: `课后服务结束时间${r.afterSchoolEnd}，早于当地下班时间${settings.workEnd}`,
    });
  const coverage = afterSchoolCoverage(r);
  if (coverage !== null && coverage < 1)
    breaches.push({
      item: 'afterSchoolCoverage',
      grade: null,
      text: `课后服务覆盖${r.afterSchoolCovered}人，有意愿${r.afterSchoolWilling}人，未全覆盖`,
    });
  return { breaches, compliant: breaches.length === 0, coverage };
}

export { FIVE_ITEMS_WORKFLOW } from './five-items-workflow.ts';

export const FiveItemsStatus = z.enum(FIVE_ITEMS_WORKFLOW.states);
export type FiveItemsStatus = z.infer<typeof FiveItemsStatus>;
export const FIVE_ITEMS_STATUS_LABELS = stateLabels(FIVE_ITEMS_WORKFLOW, 'zh');
export const FiveItemsAction = stepEnum(FIVE_ITEMS_WORKFLOW);
export type FiveItemsAction = z.infer<typeof FiveItemsAction>;
/** Who reviews a school's return: the county of its unit, the city for a school of the city's own unit (市直). */
export const fiveItemsReviewer = (schoolUnit: string, cityCode: string): 'county' | 'city' => (schoolUnit === cityCode ? 'city' : 'county');

/** The states in which the school may still change its figures. */
export const FIVE_ITEMS_EDITABLE: readonly FiveItemsStatus[] = ['draft', 'returned'];
/** The states that count as filed (the county has it). */
export const FIVE_ITEMS_FILED: readonly FiveItemsStatus[] = ['submitted', 'accepted'];

export const fiveItemsCase = (r: { status: FiveItemsStatus; submittedBy: string | null }) => ({
  state: r.status,
  submittedBy: r.submittedBy,
});

/**
 * Overdue, the one rule: a term's return is overdue when its due date has passed (today is later) and the school has
 * not filed it — no return, or one still 待提交 or 已退回.
 */
export function fiveItemsOverdue(status: FiveItemsStatus | null, due: string, today: string): boolean {
  return today > due && (status === null || !FIVE_ITEMS_FILED.includes(status));
}

/** The settings a judgement and the overdue rule read: 下班时间 (city default and per county) and each term's due date. */
export interface FiveItemsSettings {
  workEnd: string;
  countyWorkEnd: Record<string, string>;
  due: Record<FiveItemsTerm, string>;
}
export const FIVE_ITEMS_DEFAULT_SETTINGS: FiveItemsSettings = {
  workEnd: FIVE_ITEMS_DEFAULT_WORK_END,
  countyWorkEnd: {},
  due: FIVE_ITEMS_DEFAULT_DUE,
};
/** The 下班时间 of a county: its own, else the city's default. */
export const workEndFor = (s: FiveItemsSettings, unitCode: string) => s.countyWorkEnd[unitCode] ?? s.workEnd;

/** 五项管理达标率 = schools whose accepted return for the term is compliant ÷ schools concerned; null without schools. */
export const fiveItemsComplianceRate = (compliant: number, concerned: number): number | null =>
  concerned > 0 ? compliant / concerned : null;

const SettingsVersion = z.number({ message: '版本号无效' }).int().min(0).max(MAX_RECORD_ID);
/**
 * The term 五项管理达标率 counts: the latest term whose due date has passed on `today` (before any has, the first).
 */
export function fiveItemsKpiTerm(due: Record<FiveItemsTerm, string>, today: string): FiveItemsTerm {
  const past = FiveItemsTerm.options.filter((t) => due[t] < today);
  return past.at(-1) ?? '2022-spring';
}

/** Settings changes: the 下班时间 of the city (unitCode absent) or a county, and a term's due date. */
export const FiveItemsWorkEndInput = z
  .object({ unitCode: DivisionCode.optional(), workEnd: ClockTime, expectedVersion: SettingsVersion })
  .strict();
export const FiveItemsDueInput = z.object({ term: FiveItemsTerm, dueDate: IsoDate, expectedVersion: SettingsVersion }).strict();
