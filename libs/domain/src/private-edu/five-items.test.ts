import { describe, expect, it } from 'vitest';
import {
  afterSchoolCoverage,
  FIVE_ITEMS_DEFAULT_DUE,
  FIVE_ITEMS_DEFAULT_SETTINGS,
  FIVE_ITEMS_DEFAULT_WORK_END,
  FIVE_ITEMS_LEVELS,
  FIVE_ITEMS_LIMITS,
  fiveItemsComplianceRate,
  fiveItemsGrades,
  FiveItemsInput,
  fiveItemsJudgement,
  fiveItemsKpiTerm,
  fiveItemsOverdue,
  fiveItemsRefusals,
  fiveItemsReviewer,
  FIVE_ITEMS_WORKFLOW as wf,
  workEndFor,
  type FiveItemsFigures,
  type FiveItemsGrade,
  type FiveItemsGradeRow,
} from './five-items.ts';

const ok = (grade: FiveItemsGrade): FiveItemsGradeRow => ({ grade, homework: 0, weekend: 0, sleep: 10, pe: 4 });
const figures = (rows: FiveItemsGradeRow[], more: Partial<FiveItemsFigures> = {}): FiveItemsFigures => ({
  grades: rows,
  phoneManaged: true,
  phoneWrittenRequest: true,
  readingReviewed: true,
  afterSchoolCovered: 100,
  afterSchoolWilling: 100,
  afterSchoolEnd: '17:30',
  ...more,
});
const judge = (row: Partial<FiveItemsGradeRow> & { grade: FiveItemsGrade }, more: Partial<FiveItemsFigures> = {}) =>
  fiveItemsJudgement(figures([{ ...ok(row.grade), ...row }], more), { workEnd: '17:30' });
const texts = (j: ReturnType<typeof judge>) => j.breaches.map((b) => b.text);

describe('五项管理 limits (双减 opinion 2021-07-24; 教育部 五项管理 notices)', () => {
  it('written homework on school days: 小学一二年级 none, 三至六年级 ≤ 60 min, 初中 ≤ 90 min', () => {
    expect(FIVE_ITEMS_LIMITS.P1.homework).toBe(0);
    expect(judge({ grade: 'P1', homework: 0 }).compliant).toBe(true);
    expect(texts(judge({ grade: 'P2', homework: 10 }))).toEqual(['二年级布置了书面作业（平均10分钟），一二年级不布置家庭书面作业']);
    expect(judge({ grade: 'P3', homework: 60 }).compliant).toBe(true);
    expect(texts(judge({ grade: 'P3', homework: 65 }))).toEqual(['三年级书面作业平均65分钟，超过60分钟']);
    expect(judge({ grade: 'P6', homework: 60 }).compliant).toBe(true);
    expect(judge({ grade: 'P6', homework: 61 }).compliant).toBe(false);
    expect(judge({ grade: 'J1', homework: 90, sleep: 9, pe: 3 }).compliant).toBe(true);
    expect(texts(judge({ grade: 'J3', homework: 91, sleep: 9, pe: 3 }))).toEqual(['初中三年级书面作业平均91分钟，超过90分钟']);
  });

  it('weekend and holiday written homework: 小学 ≤ 90 min a day, 初中 ≤ 120 (一二年级 none)', () => {
    expect(judge({ grade: 'P4', weekend: 90 }).compliant).toBe(true);
    expect(texts(judge({ grade: 'P4', weekend: 91 }))).toEqual(['四年级周末书面作业每天91分钟，超过90分钟']);
    expect(judge({ grade: 'J2', weekend: 120, sleep: 9, pe: 3 }).compliant).toBe(true);
    expect(texts(judge({ grade: 'J2', weekend: 121, sleep: 9, pe: 3 }))).toEqual(['初中二年级周末书面作业每天121分钟，超过120分钟']);
    expect(judge({ grade: 'P1', weekend: 1 }).breaches[0]!.item).toBe('weekend');
  });

  it('sleep: 小学 10 h, 初中 9 h (高中 8 h lies outside compulsory returns)', () => {
    expect(judge({ grade: 'P5', sleep: 10 }).compliant).toBe(true);
    expect(texts(judge({ grade: 'P5', sleep: 9.9 }))).toEqual(['五年级平均睡眠9.9小时，不足10小时']);
    expect(judge({ grade: 'J1', sleep: 9, pe: 3 }).compliant).toBe(true);
    expect(texts(judge({ grade: 'J1', sleep: 8.5, pe: 3 }))).toEqual(['初中一年级平均睡眠8.5小时，不足9小时']);
  });

  it('PE lessons a week: 小1–2 4, 小3–6 and 初中 3', () => {
    expect(judge({ grade: 'P1', pe: 4 }).compliant).toBe(true);
    expect(texts(judge({ grade: 'P2', pe: 3 }))).toEqual(['二年级每周体育课3节，少于4节']);
    expect(judge({ grade: 'P3', pe: 3 }).compliant).toBe(true);
    expect(judge({ grade: 'P3', pe: 2 }).compliant).toBe(false);
    expect(judge({ grade: 'J3', sleep: 9, pe: 3 }).compliant).toBe(true);
    expect(texts(judge({ grade: 'J3', sleep: 9, pe: 2 }))).toEqual(['初中三年级每周体育课2节，少于3节']);
  });

  it('phones (measures and the parents’ written request) and reading materials reviewed', () => {
    expect(texts(judge({ grade: 'P1' }, { phoneManaged: false }))).toEqual(['未落实手机管理措施（原则上不得带入校园）']);
    expect(texts(judge({ grade: 'P1' }, { phoneWrittenRequest: false }))).toEqual(['未实行学生带手机进校园须家长书面申请']);
    expect(texts(judge({ grade: 'P1' }, { readingReviewed: false }))).toEqual(['进校园课外读物未经审核']);
  });

  it('课后服务 ends no earlier than the county’s 下班时间 (bureau default 17:30) and covers everyone willing', () => {
    expect(FIVE_ITEMS_DEFAULT_WORK_END).toBe('17:30');
    expect(judge({ grade: 'P1' }, { afterSchoolEnd: '17:30' }).compliant).toBe(true);
    expect(texts(judge({ grade: 'P1' }, { afterSchoolEnd: '17:29' }))).toEqual(['课后服务结束时间17:29，早于当地下班时间17:30']);
    const s = { ...FIVE_ITEMS_DEFAULT_SETTINGS, countyWorkEnd: { '430422': '18:00' } };
    expect(workEndFor(s, '430422')).toBe('18:00');
    expect(workEndFor(s, '430481')).toBe('17:30');
    expect(afterSchoolCoverage({ afterSchoolCovered: 90, afterSchoolWilling: 100 })).toBe(0.9);
    expect(afterSchoolCoverage({ afterSchoolCovered: 0, afterSchoolWilling: 0 })).toBeNull();
    expect(texts(judge({ grade: 'P1' }, { afterSchoolCovered: 99 }))).toEqual(['课后服务覆盖99人，有意愿100人，未全覆盖']);
    expect(judge({ grade: 'P1' }, { afterSchoolCovered: 0, afterSchoolWilling: 0 }).compliant).toBe(true);
  });
});

describe('return input', () => {
  it('a school reports every compulsory grade it teaches, once; covered ≤ willing', () => {
    expect(FIVE_ITEMS_LEVELS).toEqual(['primary', 'junior', 'nine_year', 'complete_middle']);
    expect(fiveItemsGrades('complete_middle')).toEqual(['J1', 'J2', 'J3']);
    expect(fiveItemsRefusals('junior', figures(['J1', 'J2', 'J3'].map((g) => ok(g as FiveItemsGrade))))).toEqual([]);
    expect(fiveItemsRefusals('junior', figures([ok('J1'), ok('J1'), ok('P1')], { afterSchoolCovered: 101 }))).toEqual([
      { field: 'grades.1.grade', message: '初中一年级填写了两次' },
      { field: 'grades.2.grade', message: '该校没有小学一年级' },
      { field: 'grades', message: '请填写初中二年级、初中三年级' },
      { field: 'afterSchoolCovered', message: '参加课后服务人数不能超过有意愿参加的人数' },
    ]);
  });

  it('bad figures are refused in Chinese per field', () => {
    const r = FiveItemsInput.safeParse({
      schoolId: 1,
      term: '2022-spring',
      ...figures([{ grade: 'P3', homework: 30.5, weekend: -1, sleep: 9.25, pe: 3 }], { afterSchoolEnd: '25:00' }),
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['grades.0.homework', '书面作业时长应为整数分钟'],
      ['grades.0.weekend', '周末书面作业时长不能为负数'],
      ['grades.0.sleep', '睡眠时间最多保留1位小数'],
      ['afterSchoolEnd', '时间应为HH:MM格式，如17:30'],
    ]);
  });
});

describe('terms, overdue and review', () => {
  it('overdue: past the term’s due date (the bureau’s, configurable) and not filed', () => {
    expect(FIVE_ITEMS_DEFAULT_DUE).toEqual({ '2022-spring': '2022-06-15', '2022-autumn': '2022-11-25' });
    expect(fiveItemsOverdue(null, '2022-11-25', '2022-11-25')).toBe(false);
    expect(fiveItemsOverdue(null, '2022-11-25', '2022-11-26')).toBe(true);
    expect(fiveItemsOverdue('draft', '2022-11-25', '2022-11-30')).toBe(true);
    expect(fiveItemsOverdue('returned', '2022-11-25', '2022-11-30')).toBe(true);
    expect(fiveItemsOverdue('submitted', '2022-11-25', '2022-11-30')).toBe(false);
    expect(fiveItemsOverdue('accepted', '2022-11-25', '2022-11-30')).toBe(false);
  });

  it('the school submits, the county accepts (not its own submission) or returns with a reason', () => {
    const school = { level: 'school' as const, username: 's' };
    const county = { level: 'county' as const, username: 'c' };
    expect(wf.allowed({ state: 'draft' }, school)).toEqual(['submit']);
    expect(wf.allowed({ state: 'returned' }, school)).toEqual(['submit']);
    expect(wf.allowed({ state: 'submitted', submittedBy: 's' }, county)).toEqual(['accept', 'return']);
    expect(wf.allowed({ state: 'submitted', submittedBy: 'c' }, county)).toEqual(['return']);
    expect(wf.allowed({ state: 'submitted', submittedBy: 's' }, school)).toEqual([]);
    expect(wf.steps.return.reason).toBe(true);
    expect(wf.steps.return.to).toBe('returned');
    expect(fiveItemsReviewer('430422', '430400')).toBe('county');
    expect(fiveItemsReviewer('430400', '430400')).toBe('city');
  });

  it('达标率 = compliant accepted ÷ schools concerned, for the latest term past its due date', () => {
    expect(fiveItemsKpiTerm(FIVE_ITEMS_DEFAULT_DUE, '2022-11-25')).toBe('2022-spring');
    expect(fiveItemsKpiTerm(FIVE_ITEMS_DEFAULT_DUE, '2022-11-26')).toBe('2022-autumn');
    expect(fiveItemsKpiTerm(FIVE_ITEMS_DEFAULT_DUE, '2022-03-01')).toBe('2022-spring');
    expect(fiveItemsComplianceRate(3, 4)).toBe(0.75);
    expect(fiveItemsComplianceRate(0, 0)).toBeNull();
  });
});
