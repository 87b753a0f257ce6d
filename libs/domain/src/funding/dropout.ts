import { z } from 'zod';
import { RecordId, RecordVersion, SchoolRef } from '../bounds.ts';
import { IsoDate } from '../date.ts';
import { IdCardNumber } from '../id-card.ts';
import { DivisionCode } from '../org.ts';
import { Grade, GRADES_BY_LEVEL, isCompulsoryGrade, type SchoolLevel } from '../school.ts';
import { requiredText, textField } from '../text.ts';
import { stepEnum, type CaseRecord } from '../workflow/workflow.ts';
import { DROPOUT_RETURN_REMINDER, DROPOUT_WORKFLOW } from './dropout-workflow.ts';

export { DROPOUT_RETURN_REMINDER, DROPOUT_WORKFLOW } from './dropout-workflow.ts';

/**
 * 控辍保学 (docs/domain/funding.md, *Dropout control*): the county's ledgers of 疑似辍学 and 辍学 children of compulsory
 * age, every 劝返 attempt, return to school and 动态销号. The platform holds no 户籍 data, so the ledger lists the
 * exceptions only (the children a school or the county found missing), never the 适龄儿童 roll itself.
 */
export const DropoutStatus = z.enum(DROPOUT_WORKFLOW.states, { message: '台账状态无效' });
export type DropoutStatus = z.infer<typeof DropoutStatus>;
export const DropoutAction = stepEnum(DROPOUT_WORKFLOW, ['persuade', 'return']);
export type DropoutAction = z.infer<typeof DropoutAction>;

/** Still on the ledger (动态监测): not cleared, closed or placed in 送教上门. */
export const DROPOUT_OPEN_STATES = ['suspected', 'confirmed', 'persuading', 'returned'] as const satisfies readonly DropoutStatus[];
/** Counted as a dropout (the KPI 义务教育辍学学生数): confirmed and not back at school. 送教上门 counts as enrolled. */
export const DROPOUT_COUNTED_STATES = ['confirmed', 'persuading'] as const satisfies readonly DropoutStatus[];
/** A confirmed dropout brought back (劝返率's numerator): back at school, closed after returning, or placed in 送教上门. */
export const DROPOUT_BACK_STATES = ['returned', 'closed', 'home_taught'] as const satisfies readonly DropoutStatus[];

export const isCountedDropout = (s: DropoutStatus) => (DROPOUT_COUNTED_STATES as readonly string[]).includes(s);

/** Why a child is (suspected to be) out of school — the usual categories of the 控辍保学 ledgers. */
export const DropoutReason = z.enum(['study_weariness', 'family_hardship', 'working', 'illness_disability', 'marriage', 'other'], {
  message: '请选择辍学原因',
});
export type DropoutReason = z.infer<typeof DropoutReason>;
export const DROPOUT_REASON_LABELS: Record<DropoutReason, { zh: string; en: string }> = {
  study_weariness: { zh: '厌学', en: 'Weary of school' },
  family_hardship: { zh: '家庭经济困难', en: 'Family hardship' },
  working: { zh: '外出务工', en: 'Gone to work' },
  illness_disability: { zh: '身体原因或残疾', en: 'Illness or disability' },
  marriage: { zh: '早婚早育', en: 'Early marriage' },
  other: { zh: '其他', en: 'Other' },
};

/** The priority groups of 控辍保学 (孤儿, 事实无人抚养, 残疾, 留守, 困境, 随迁子女, 涉案未成年人), or none. */
export const DropoutGroup = z.enum(['none', 'orphan', 'unsupported', 'disabled', 'left_behind', 'hardship', 'migrant', 'offender'], {
  message: '请选择重点群体',
});
export type DropoutGroup = z.infer<typeof DropoutGroup>;
export const DROPOUT_GROUP_LABELS: Record<DropoutGroup, { zh: string; en: string }> = {
  none: { zh: '非重点群体', en: 'None' },
  orphan: { zh: '孤儿', en: 'Orphan' },
  unsupported: { zh: '事实无人抚养儿童', en: 'De facto unsupported' },
  disabled: { zh: '残疾儿童', en: 'Disabled' },
  left_behind: { zh: '留守儿童', en: 'Left behind' },
  hardship: { zh: '困境儿童', en: 'In distress' },
  migrant: { zh: '随迁子女', en: 'Migrant child' },
  offender: { zh: '涉案未成年人', en: 'Minor in a case' },
};

/** What a 劝返 attempt came to: back at school (the step 劝返复学), or not yet. */
export const AttemptResult = z.enum(['returned', 'promised', 'refused', 'unreachable'], { message: '请选择劝返结果' });
export type AttemptResult = z.infer<typeof AttemptResult>;
export const ATTEMPT_RESULT_LABELS: Record<AttemptResult, { zh: string; en: string }> = {
  returned: { zh: '已返校复学', en: 'Back at school' },
  promised: { zh: '同意返校，待观察', en: 'Agreed to return' },
  refused: { zh: '拒绝返校', en: 'Refused' },
  unreachable: { zh: '未联系上', en: 'Not reached' },
};
/** The step an attempt takes: one that brings the child back is 劝返复学, any other 记录劝返. */
export const attemptStep = (result: AttemptResult): 'return' | 'persuade' => (result === 'returned' ? 'return' : 'persuade');

/**
 * 适龄: a child of compulsory-education age on the day it was found — 6 to 16 full years (入学年满6周岁, nine years of
 * schooling, a year's margin for late starters and repeaters; the bureau's rule, docs/domain/funding.md).
 */
export const DROPOUT_MIN_AGE = 6;
export const DROPOUT_MAX_AGE = 16;
/** Full years from `birthDate` to `on` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
export function ageRefusal(birthDate: string, foundOn: string): string | null {
  const age = ageOn(birthDate, foundOn);
  if (age < DROPOUT_MIN_AGE) return `发现时未满${DROPOUT_MIN_AGE}周岁，不属于义务教育适龄儿童`;
  if (age > DROPOUT_MAX_AGE) return `发现时已满${DROPOUT_MAX_AGE + 1}周岁，超出义务教育适龄范围`;
  return null;
}

/** The compulsory grades (小学、初中) a school of `level` teaches: a child's grade must be one of them. */
export const dropoutGrades = (level: SchoolLevel): Grade[] => GRADES_BY_LEVEL[level].filter(isCompulsoryGrade);
/** The school levels that teach compulsory grades (they keep the ledger and file the monthly return). */
export const DROPOUT_SCHOOL_LEVELS = (Object.keys(GRADES_BY_LEVEL) as SchoolLevel[]).filter((l) => dropoutGrades(l).length > 0);

const person = {
  childName: requiredText(20, '学生姓名'),
  idNumber: IdCardNumber,
  studentGrade: Grade,
  reason: DropoutReason,
  group: DropoutGroup,
  foundOn: IsoDate,
  note: textField(500, '情况说明').optional(),
};
/** 疑似辍学 registration: the child, the school it last attended, its grade there, why, when it was found. */
export const DropoutInput = z.object({ schoolId: SchoolRef, ...person }).strict();
export type DropoutInput = z.infer<typeof DropoutInput>;

/** Why a registration is refused beyond its schema (the grade at that school, the age, the date), with its field. */
export function dropoutRefusal(
  input: Pick<DropoutInput, 'studentGrade' | 'foundOn'>,
  school: { level: SchoolLevel; name: string },
  birthDate: string,
  today: string,
): { field: string; message: string } | null {
  if (!dropoutGrades(school.level).includes(input.studentGrade))
    return { field: 'studentGrade', message: `${school.name}没有该年级（只登记义务教育年级的学生）` };
  if (input.foundOn > today) return { field: 'foundOn', message: '发现日期不能晚于今天' };
  if (input.foundOn < birthDate) return { field: 'foundOn', message: '发现日期不能早于出生日期' };
  const age = ageRefusal(birthDate, input.foundOn);
  return age ? { field: 'idNumber', message: age } : null;
}

/** One 劝返 attempt: its date, who went (包保责任人), what came of it and what was said. */
export const AttemptInput = z
  .object({
    id: RecordId,
    expectedVersion: RecordVersion,
    visitedOn: IsoDate,
    persons: requiredText(100, '劝返人员', 2),
    result: AttemptResult,
    note: textField(500, '劝返情况').optional(),
  })
  .strict();
export type AttemptInput = z.infer<typeof AttemptInput>;

/** An attempt is dated from the day the dropout was confirmed (else found) up to today. */
export function attemptRefusal(
  on: string,
  c: { foundOn: string; confirmedOn: string | null },
  today: string,
): { field: string; message: string } | null {
  if (on > today) return { field: 'visitedOn', message: '劝返日期不能晚于今天' };
  if (c.confirmedOn && on < c.confirmedOn) return { field: 'visitedOn', message: '劝返日期不能早于确认辍学日期' };
  if (on < c.foundOn) return { field: 'visitedOn', message: '劝返日期不能早于发现日期' };
  return null;
}

/** The other steps: 确认辍学, 核实排除 (a reason), 送教上门安置, 销号, 再次辍学 (a reason). */
export const DropoutStepInput = z
  .object({ id: RecordId, expectedVersion: RecordVersion, action: DropoutAction, reason: requiredText(500, '原因', 2).optional() })
  .strict();
export type DropoutStepInput = z.infer<typeof DropoutStepInput>;

export const dropoutCase = (r: { status: DropoutStatus; createdBy?: string | null }): CaseRecord<DropoutStatus> => ({
  state: r.status,
  submittedBy: r.createdBy ?? null,
});

/**
 * The two KPI figures over a set of cases: 辍学学生数 (confirmed and not back — 送教上门 is not a dropout) and 劝返率
 * (confirmed dropouts brought back — back at school, closed after returning, or placed in 送教上门 — ÷ every case ever
 * confirmed; a child cleared at 核实 or placed in 送教上门 without being confirmed is in neither).
 */
export function dropoutFigures(cases: readonly { status: DropoutStatus; confirmedOn: string | null }[]) {
  const confirmed = cases.filter((c) => c.confirmedOn !== null);
  return {
    open: cases.filter((c) => isCountedDropout(c.status)).length,
    confirmed: confirmed.length,
    back: confirmed.filter((c) => (DROPOUT_BACK_STATES as readonly string[]).includes(c.status)).length,
  };
}
/** 劝返率 as a ratio, or null without a confirmed dropout (no data, never 0%). */
export const returnRate = (f: { confirmed: number; back: number }): number | null => (f.confirmed === 0 ? null : f.back / f.confirmed);

// ---- returns: 学校一月一报告, 县区一季度一复核 ----

export const DropoutReturnKind = z.enum(['school_month', 'county_quarter'], { message: '报告类型无效' });
export type DropoutReturnKind = z.infer<typeof DropoutReturnKind>;
export const DROPOUT_RETURN_KIND_LABELS: Record<DropoutReturnKind, { zh: string; en: string }> = {
  school_month: { zh: '学校月报告', en: 'School monthly return' },
  county_quarter: { zh: '县区季度复核', en: 'County quarterly review' },
};

/**
 * The cadence, declared once (the bureau's own days; docs/domain/funding.md): a month's school return is due on the
 * 5th of the next month, a quarter's county review on the 15th of the month after the quarter; the 待办 inbox reminds
 * from `remindDays` before the due date and looks back `lookbackMonths` for returns never filed.
 */
export const DROPOUT_RETURN_RULES = { monthlyDueDay: 5, quarterlyDueDay: 15, remindDays: 7, lookbackMonths: 12 } as const;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
export const DropoutPeriod = z.string({ message: '报告期应为文本' }).refine((v) => {
  const m = MONTH.exec(v) ?? QUARTER.exec(v);
  return !!m && Number(m[1]) >= 2000 && Number(m[1]) <= 2100;
}, '报告期应为“2022-10”（月）或“2022-Q3”（季度）格式');

export const periodKind = (period: string): DropoutReturnKind => (QUARTER.test(period) ? 'county_quarter' : 'school_month');
const pad = (n: number) => String(n).padStart(2, '0');
/** The month a date falls in ('2022-11') and its quarter ('2022-Q4'). */
export const monthOf = (date: string) => date.slice(0, 7);
export const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
/** The first and last day of a period. */
export function periodBounds(period: string): { from: string; to: string } {
  const q = QUARTER.exec(period);
  const year = Number(period.slice(0, 4));
  const [first, last] = q ? [(Number(q[2]) - 1) * 3 + 1, Number(q[2]) * 3] : [Number(period.slice(5, 7)), Number(period.slice(5, 7))];
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay)}` };
}
/** The day a period's return is due: the 5th of the next month (a month), the 15th of the month after the quarter. */
export function returnDue(period: string): string {
  const { to } = periodBounds(period);
  const year = Number(to.slice(0, 4));
  const month = Number(to.slice(5, 7));
  const [y, m] = month === 12 ? [year + 1, 1] : [year, month + 1];
  const day = periodKind(period) === 'county_quarter' ? DROPOUT_RETURN_RULES.quarterlyDueDay : DROPOUT_RETURN_RULES.monthlyDueDay;
  return `${y}-${pad(m)}-${pad(day)}`;
}
/** A return filed after its due day was late; one not filed is overdue once the due day has passed (due day itself is on time). */
export const returnLate = (due: string, filedOn: string | null, today: string): boolean => (filedOn === null ? today > due : filedOn > due);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A period without a return, as the 待办 inbox sees it on `today`: overdue, due soon (within the window), or nothing yet. */
export function returnStanding(due: string, today: string): 'overdue' | 'dueSoon' | null {
  if (today > due) return 'overdue';
  return addDays(today, DROPOUT_RETURN_RULES.remindDays) >= due ? 'dueSoon' : null;
}

/** Every period of a kind that has ended or is under way on `today`, newest first, whose due day is within the look-back. */
export function periodsToRemind(kind: DropoutReturnKind, today: string): string[] {
  const out: string[] = [];
  const earliest = addDays(today, -31 * DROPOUT_RETURN_RULES.lookbackMonths);
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  for (let i = 0; i < DROPOUT_RETURN_RULES.lookbackMonths + 3; i++) {
    const period = kind === 'school_month' ? `${y}-${pad(m)}` : `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
    if (!out.includes(period) && returnDue(period) >= earliest && returnStanding(returnDue(period), today) !== null) out.push(period);
    [y, m] = m === 1 ? [y - 1, 12] : [y, m - 1];
  }
  return out;
}

/** A school's monthly return or a county's quarterly review: the period and a note (复核意见 is required of a county). */
export const DropoutReturnInput = z
  .object({
    period: DropoutPeriod,
    schoolId: SchoolRef.optional(),
    unitCode: DivisionCode.optional(),
    note: textField(1000, '报告说明').optional(),
  })
  .strict();
export type DropoutReturnInput = z.infer<typeof DropoutReturnInput>;

/** Why a return for `period` cannot be filed on `today` (a period not begun; a quarter's review without its opinion). */
export function returnRefusal(input: DropoutReturnInput, today: string): { field: string; message: string } | null {
  const kind = periodKind(input.period);
  if (periodBounds(input.period).from > today) return { field: 'period', message: '报告期尚未开始，不能报送' };
  if (kind === 'school_month' && input.schoolId === undefined) return { field: 'schoolId', message: '请选择学校' };
  if (kind === 'county_quarter' && !input.unitCode) return { field: 'unitCode', message: '请选择县市区' };
  if (kind === 'county_quarter' && (input.note ?? '').length < 4) return { field: 'note', message: '请填写复核意见（至少4个字）' };
  return null;
}
export const DROPOUT_RETURN_STANDING_LABELS = DROPOUT_RETURN_REMINDER.stateLabels;
