import { describe, expect, it } from 'vitest';
import { HENGYANG_TARGETS_2022 } from '../hengyang/targets.ts';
import {
  aidCoverage,
  AidFollowUpStep,
  AidPaymentInput,
  AidReissueInput,
  AidTargetScope,
  DEFAULT_AID_AMOUNTS,
  DEFAULT_AID_TARGET,
  inTargetScope,
  maskIdNumber,
  maskName,
  matchOutcome,
  paymentKey,
  paymentRefusal,
  previousSemester,
  semesterAmount,
  semesterLabel,
  semesterOf,
  AID_FOLLOW_UP_WORKFLOW as wf,
} from './aid.ts';

describe('the 100% target (第11项 “确保全市义务教育原建档立卡等家庭经济困难学生100%享受国家政策资助”)', () => {
  it('is 100% and covers compulsory education only, all six categories by default', () => {
    expect(HENGYANG_TARGETS_2022.aidCoverageTarget).toBe(1);
    expect(DEFAULT_AID_TARGET.stages).toEqual(['primary', 'junior']);
    expect(DEFAULT_AID_TARGET.categories).toEqual(['tuopin', 'jiance', 'dibao', 'tekun', 'orphan', 'disabled']);
    expect(inTargetScope('primary', ['dibao'], DEFAULT_AID_TARGET)).toBe(true);
    expect(inTargetScope('junior', ['tuopin'], DEFAULT_AID_TARGET)).toBe(true);
    expect(inTargetScope('senior', ['tuopin'], DEFAULT_AID_TARGET)).toBe(false);
    expect(inTargetScope('preschool', ['orphan'], DEFAULT_AID_TARGET)).toBe(false);
  });

  it('follows a narrowed category list', () => {
    const scope = { categories: ['tuopin', 'jiance'], stages: ['primary', 'junior'] } as const;
    expect(inTargetScope('primary', ['dibao'], { ...scope, categories: [...scope.categories], stages: [...scope.stages] })).toBe(false);
    expect(inTargetScope('primary', ['dibao', 'jiance'], { categories: [...scope.categories], stages: [...scope.stages] })).toBe(true);
  });

  it('refuses an empty or repeated scope in Chinese', () => {
    const empty = AidTargetScope.safeParse({ categories: [], stages: ['primary'] });
    expect(empty.success).toBe(false);
    expect(empty.error!.issues[0]!.message).toBe('至少选择一个困难类别');
    const twice = AidTargetScope.safeParse({ categories: ['dibao', 'dibao'], stages: ['primary'] });
    expect(twice.error!.issues[0]!.message).toBe('困难类别不能重复');
  });
});

describe('matching one listed child', () => {
  const scope = DEFAULT_AID_TARGET;
  it('is unmatched without a 学籍 record, and never in the target then', () => {
    expect(matchOutcome({ enrolled: null, categories: ['tuopin'], paidItems: [] }, scope)).toEqual({
      outcome: 'unmatched',
      inTarget: false,
    });
  });
  it('is aided only by an item of the student’s own stage', () => {
    expect(matchOutcome({ enrolled: { stage: 'primary' }, categories: ['tuopin'], paidItems: ['living_allowance'] }, scope)).toEqual({
      outcome: 'aided',
      inTarget: true,
    });
    expect(matchOutcome({ enrolled: { stage: 'primary' }, categories: ['tuopin'], paidItems: ['senior_grant'] }, scope).outcome).toBe(
      'unaided',
    );
    expect(matchOutcome({ enrolled: { stage: 'senior' }, categories: ['dibao'], paidItems: ['senior_fee_waiver'] }, scope)).toEqual({
      outcome: 'aided',
      inTarget: false,
    });
    expect(matchOutcome({ enrolled: { stage: 'junior' }, categories: ['disabled'], paidItems: [] }, scope)).toEqual({
      outcome: 'unaided',
      inTarget: true,
    });
  });
  it('gives coverage as aided ÷ eligible, no data without eligible students', () => {
    expect(aidCoverage(99, 100)).toBe(0.99);
    expect(aidCoverage(0, 0)).toBeNull();
  });
});

describe('amounts and semesters', () => {
  it('uses the 2019 living-allowance standard: boarding 小学 1,000 元, 初中 1,250 元 a year, non-boarding half', () => {
    expect(DEFAULT_AID_AMOUNTS.living_allowance.primary).toEqual({ boarding: 100_000, day: 50_000 });
    expect(DEFAULT_AID_AMOUNTS.living_allowance.junior).toEqual({ boarding: 125_000, day: 62_500 });
    expect(semesterAmount(DEFAULT_AID_AMOUNTS, 'living_allowance', 'junior', true)).toBe(62_500);
    expect(semesterAmount(DEFAULT_AID_AMOUNTS, 'living_allowance', 'junior', false)).toBe(31_250);
    expect(semesterAmount(DEFAULT_AID_AMOUNTS, 'living_allowance', 'senior', false)).toBeNull();
  });
  it('names semesters from the date: spring March–August, autumn September–February', () => {
    expect(semesterOf('2022-11-30')).toBe('2022-2');
    expect(semesterOf('2022-03-01')).toBe('2022-1');
    expect(semesterOf('2022-08-31')).toBe('2022-1');
    expect(semesterOf('2023-02-28')).toBe('2022-2');
    expect(semesterLabel('2022-2')).toBe('2022年秋季学期');
    expect(previousSemester('2022-1')).toBe('2021-2');
    expect(previousSemester('2022-2')).toBe('2022-1');
  });
});

describe('payments', () => {
  const student = { stage: 'primary' as const, boarding: false };
  const p = { item: 'living_allowance' as const, semester: '2022-2', amount: 25_000, paidOn: '2022-11-01', kind: 'regular' as const };
  it('keys a regular payment on student + item + semester', () => {
    expect(paymentKey('s1', 'living_allowance', '2022-2')).toBe(paymentKey('s1', 'living_allowance', '2022-2'));
    expect(paymentKey('s1', 'living_allowance', '2022-2')).not.toBe(paymentKey('s1', 'living_allowance', '2022-1'));
  });
  it('refuses another stage’s item, more than the standard, a future date or one before the semester, in Chinese', () => {
    expect(paymentRefusal(p, student, DEFAULT_AID_AMOUNTS, '2022-11-30')).toBeNull();
    expect(paymentRefusal({ ...p, item: 'senior_grant' }, student, DEFAULT_AID_AMOUNTS, '2022-11-30')).toEqual({
      field: 'item',
      message: '普通高中国家助学金不是小学学生的资助项目',
    });
    expect(paymentRefusal({ ...p, amount: 25_001 }, student, DEFAULT_AID_AMOUNTS, '2022-11-30')).toEqual({
      field: 'amount',
      message: '金额超过本学期标准250.00元',
    });
    expect(paymentRefusal({ ...p, amount: 25_001, kind: 'reissue' }, student, DEFAULT_AID_AMOUNTS, '2022-11-30')).toBeNull();
    expect(paymentRefusal({ ...p, paidOn: '2022-12-01' }, student, DEFAULT_AID_AMOUNTS, '2022-11-30')!.field).toBe('paidOn');
    expect(paymentRefusal({ ...p, paidOn: '2022-08-31' }, student, DEFAULT_AID_AMOUNTS, '2022-11-30')!.message).toBe(
      '发放日期不能早于该学期开始',
    );
  });
  it('refuses bad input in Chinese', () => {
    const bad = AidPaymentInput.safeParse({ studentId: 1, item: 'x', semester: '2022-3', amount: 0, paidOn: '2022-11-01' });
    const messages = bad.error!.issues.map((i) => i.message);
    expect(messages).toEqual(expect.arrayContaining(['请选择资助项目', '学期格式应为“2022-2”（1为春季，2为秋季）', '发放金额应大于0']));
    const reissue = AidReissueInput.safeParse({ ...p, studentId: 1, reason: '补', requestKey: 'abc' });
    expect(reissue.error!.issues.map((i) => i.message)).toEqual(expect.arrayContaining(['补发原因至少写2个字', '请求标识格式无效']));
  });
});

describe('the follow-up workflow', () => {
  const school = { level: 'school' as const, username: 's' };
  const county = { level: 'county' as const, username: 'c' };
  it('lets the school recognise, the county return or close with a reason; 资助到位 only by the payment', () => {
    expect(wf.allowed({ state: 'open' }, school)).toEqual(['recognise']);
    expect(wf.allowed({ state: 'recognised' }, county)).toEqual(['return', 'close', 'settle']);
    expect(wf.refusal({ state: 'recognised' }, 'close', county, { reason: '' })).toBe('请填写核销原因');
    expect(wf.next('settle', 'recognised')).toBe('aided');
    expect(wf.refusal({ state: 'aided' }, 'settle', county)).toBe('该学生本学期已资助或已核销');
    expect(AidFollowUpStep.safeParse({ id: 1, expectedVersion: 1, action: 'settle' }).success).toBe(false);
    expect(wf.finalStates).toEqual(['aided']);
  });
});

describe('masking', () => {
  it('masks names and ID numbers (first 6 + last 4)', () => {
    expect(maskName('张小明')).toBe('张*明');
    expect(maskName('王五')).toBe('王*');
    expect(maskName('欧阳小华')).toBe('欧**华');
    expect(maskIdNumber('430422201005011230')).toBe('430422********1230');
  });
});

describe('importing a list', () => {
  it('reads the owner systems’ words for a category, only those of the list’s kind', async () => {
    const { categoryOf, resolveAidListMapping, AidListMapping } = await import('./aid-import.ts');
    expect(categoryOf('脱贫户', 'poverty')).toBe('tuopin');
    expect(categoryOf('边缘易致贫户', 'poverty')).toBe('jiance');
    expect(categoryOf('农村低保', 'dibao')).toBe('dibao');
    expect(categoryOf('孤儿', 'tekun')).toBe('orphan');
    expect(categoryOf('孤儿', 'dibao')).toBeNull();
    expect(resolveAidListMapping({ name: ['学生'] }).name).toEqual(['学生']);
    expect(resolveAidListMapping(null).idNumber[0]).toBe('身份证号');
    const twice = AidListMapping.safeParse({ name: ['姓名'], category: ['姓名'] });
    expect(twice.error!.issues[0]!.message).toBe('表头“姓名”同时用于“姓名”和“困难类别”');
  });
});
