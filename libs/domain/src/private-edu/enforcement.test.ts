import { describe, expect, it } from 'vitest';
import {
  addMonths,
  caseDays,
  DEFAULT_ENFORCEMENT_DEADLINES,
  enforcementCase,
  enforcementDue,
  EnforcementInput,
  enforcementOverdue,
  EnforcementStepInput,
  handlerRefusal,
  PREPAYMENT_MAX_LESSONS,
  PREPAYMENT_MAX_MONTHS,
  prepaymentBreach,
  stepDateRefusal,
  ENFORCEMENT_WORKFLOW as wf,
} from './enforcement.ts';

const county = { level: 'county' as const, username: 'c' };
const city = { level: 'city' as const, username: 'p' };
const base = { handlerLevel: 'county' as const, penalties: null, decidedOn: null, executionResult: null };

describe('校外培训执法案件: the workflow', () => {
  it('runs 线索 → 核查 → 立案 → 告知 → 决定 → 执行 → 结案, or ends at 不予立案', () => {
    expect(wf.allowed(enforcementCase({ ...base, status: 'clue' }), county)).toEqual(['verify', 'decline']);
    expect(wf.allowed(enforcementCase({ ...base, status: 'verifying' }), county)).toEqual(['file', 'decline']);
    expect(wf.allowed(enforcementCase({ ...base, status: 'investigating' }), county)).toEqual(['notify']);
    expect(wf.next('decide', 'notified')).toBe('decided');
    expect(wf.next('execute', 'decided')).toBe('executed');
    expect(wf.finalStates).toEqual(['closed', 'not_filed']);
    expect(wf.allowed(enforcementCase({ ...base, status: 'closed' }), county)).toEqual([]);
  });

  it('不予立案 needs a reason; 告知 needs evidence of 调查取证; 结案 needs the decision and its execution recorded', () => {
    const clue = enforcementCase({ ...base, status: 'clue' });
    expect(wf.refusalOf(clue, 'decline', county, { reason: ' ' })).toMatchObject({ kind: 'input', field: 'reason' });
    const inv = enforcementCase({ ...base, status: 'investigating' });
    expect(wf.refusalOf(inv, 'notify', county, { files: { evidence: 0 } })).toMatchObject({
      message: '调查取证须上传至少一份证据材料',
      field: 'evidence',
    });
    expect(wf.refusal(inv, 'notify', county, { files: { evidence: 1 } })).toBeNull();
    const executed = enforcementCase({ ...base, status: 'executed', executionResult: '已缴纳罚款' });
    expect(wf.refusal(executed, 'close', county)).toBe('请先记录处罚决定，再结案');
    const decided = enforcementCase({
      ...base,
      status: 'executed',
      penalties: ['fine'],
      decidedOn: '2022-05-01',
      executionResult: '已缴纳',
    });
    expect(wf.refusal(decided, 'close', county)).toBeNull();
  });

  it('the county handles its cases; the city takes one up (提级) or hands it back, with a reason', () => {
    expect(handlerRefusal('county', 'county')).toBeNull();
    expect(handlerRefusal('city', 'county')).toBe('该案件由县市区教育局办理，市教育局可先提级办理');
    expect(handlerRefusal('county', 'city')).toBe('该案件已由市教育局提级办理');
    const atCounty = enforcementCase({ ...base, status: 'verifying' });
    expect(wf.corrections(atCounty, city)).toEqual(['escalate']);
    expect(wf.corrections(atCounty, county)).toEqual([]);
    const atCity = enforcementCase({ ...base, handlerLevel: 'city', status: 'verifying' });
    expect(wf.corrections(atCity, city)).toEqual(['hand_back']);
    expect(wf.refusalOf(atCounty, 'escalate', city, { reason: '' })).toMatchObject({ field: 'reason' });
    expect(wf.corrections(enforcementCase({ ...base, status: 'closed' }), city)).toEqual([]);
  });
});

describe('stage deadlines (the bureau’s defaults: 核查 7 days, 立案决定 15 days after the 线索, 结案 90 days after 立案)', () => {
  it('declares them once', () => {
    expect(DEFAULT_ENFORCEMENT_DEADLINES.map((d) => [d.stage, d.from, d.days])).toEqual([
      ['核查', 'clueOn', 7],
      ['立案决定', 'clueOn', 15],
      ['结案', 'filedOn', 90],
    ]);
  });
  it('computes the due day and overdue from the table', () => {
    const clue = { status: 'clue' as const, clueOn: '2022-11-01', filedOn: null };
    expect(enforcementDue(clue)).toBe('2022-11-08');
    expect(enforcementOverdue(clue, '2022-11-08')).toBe(false);
    expect(enforcementOverdue(clue, '2022-11-09')).toBe(true);
    expect(enforcementDue({ ...clue, status: 'verifying' })).toBe('2022-11-16');
    expect(enforcementDue({ status: 'decided', clueOn: '2022-06-01', filedOn: '2022-06-10' })).toBe('2022-09-08');
    expect(enforcementDue({ status: 'closed', clueOn: '2022-06-01', filedOn: '2022-06-10' })).toBeNull();
    const strict = [{ stage: '核查', states: ['clue'] as const, from: 'clueOn' as const, days: 3 }];
    expect(enforcementOverdue(clue, '2022-11-05', strict)).toBe(true);
    expect(caseDays({ filedOn: '2022-06-10', closedOn: '2022-07-10' })).toBe(30);
  });
});

describe('预收费: one charge covers at most 3 months or 60 lessons (教监管函〔2021〕2号, 穗教规字〔2021〕8号)', () => {
  it('quotes the numbers', () => {
    expect([PREPAYMENT_MAX_MONTHS, PREPAYMENT_MAX_LESSONS]).toEqual([3, 60]);
  });
  it('exactly 3 months and 60 lessons pass; 61 lessons fail; 3 months and a day fail', () => {
    expect(prepaymentBreach({ from: '2022-03-15', to: '2022-06-15', lessons: 60 })).toEqual({
      breach: false,
      months: false,
      lessons: false,
      message: null,
    });
    expect(prepaymentBreach({ from: '2022-03-15', to: '2022-04-15', lessons: 61 })).toMatchObject({
      breach: true,
      lessons: true,
      months: false,
    });
    expect(prepaymentBreach({ from: '2022-03-15', to: '2022-06-16', lessons: 10 })).toMatchObject({
      breach: true,
      months: true,
      message: '一次收费的时间跨度超过3个月',
    });
  });
  it('counts calendar months, with the month end when the day does not exist', () => {
    expect(addMonths('2021-11-30', 3)).toBe('2022-02-28');
    expect(addMonths('2022-11-15', 3)).toBe('2023-02-15');
    expect(prepaymentBreach({ from: '2021-11-30', to: '2022-02-28', lessons: 0 }).breach).toBe(false);
    expect(prepaymentBreach({ from: '2021-11-30', to: '2022-03-01', lessons: 0 }).breach).toBe(true);
  });
});

describe('inputs', () => {
  const clue = {
    subjectName: '某某教育咨询工作室',
    subjectAddress: '衡南县云集街道某小区3栋',
    violation: 'unlicensed',
    clueSource: 'report',
    clueOn: '2022-11-01',
    summary: '群众举报周末开展数学培训',
  };
  it('accepts a 线索 and gives Chinese field errors', () => {
    expect(EnforcementInput.safeParse(clue).success).toBe(true);
    const bad = EnforcementInput.safeParse({ ...clue, violation: 'covert', uscc: '123', clueOn: '2022-13-01' });
    expect(bad.success).toBe(false);
    const issues = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(issues).toMatchObject({ uscc: '统一社会信用代码应为18位', clueOn: '日期应为有效的 YYYY-MM-DD 格式' });
  });
  it('a prepayment case must be a breach of the rule', () => {
    const p = { ...clue, violation: 'prepayment', prepaidFrom: '2022-09-01', prepaidTo: '2022-12-01', prepaidLessons: 60 };
    expect(EnforcementInput.safeParse(p).error?.issues[0]).toMatchObject({ path: ['prepaidLessons'] });
    expect(EnforcementInput.safeParse({ ...p, prepaidLessons: 61 }).success).toBe(true);
  });
  it('a covert case names its form', () => {
    expect(EnforcementInput.safeParse({ ...clue, violation: 'covert' }).error?.issues[0]).toMatchObject({
      path: ['covertForm'],
      message: '请选择隐形变异形式',
    });
  });
  it('a decision with a fine gives its amount', () => {
    const d = {
      id: 1,
      expectedVersion: 3,
      action: 'decide',
      decidedOn: '2022-06-01',
      decisionNo: '衡南教罚〔2022〕1号',
      penalties: ['fine'],
    };
    expect(EnforcementStepInput.safeParse(d).error?.issues[0]).toMatchObject({ path: ['fineFen'], message: '请填写罚款金额' });
    expect(EnforcementStepInput.safeParse({ ...d, fineFen: 500_000 }).success).toBe(true);
  });
  it('refuses a step date before the stage it follows or after today', () => {
    const r = { clueOn: '2022-05-01', filedOn: '2022-05-10', notifiedOn: null, decidedOn: null, executedOn: null };
    expect(stepDateRefusal(r, 'file', '2022-04-30', '2022-11-30')).toBe('立案日期不能早于线索日期');
    expect(stepDateRefusal(r, 'notify', '2022-12-01', '2022-11-30')).toBe('日期不能晚于今天');
    expect(stepDateRefusal(r, 'notify', '2022-05-10', '2022-11-30')).toBeNull();
  });
});
