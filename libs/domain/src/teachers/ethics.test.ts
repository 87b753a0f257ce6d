import { describe, expect, it } from 'vitest';
import {
  addMonths,
  blacklistedOn,
  blacklistEntry,
  certificateBar,
  clauseLabel,
  decisionRefusal,
  ETHICS_DONE_STATES,
  ETHICS_WORKFLOW,
  EthicsDecision,
  sanctionEnds,
  type EthicsDecision as Decision,
} from './ethics.ts';

const county = { level: 'county' as const, username: 'hengnan' };
const school = { level: 'school' as const, username: 'school' };
const decision = (d: Partial<Decision>): Decision => ({
  handling: 'demerit',
  effectiveOn: '2022-05-10',
  certificate: 'none',
  blacklist: false,
  text: '经调查核实，该教师组织有偿补课，违反第十条。',
  ...d,
});

describe('师德失范 handling (处理办法 2018; 教师资格条例)', () => {
  it('处分 periods: 警告 6 months, 记过 12, 降低岗位等级或撤职 24; 开除 and other handling have none', () => {
    expect(sanctionEnds('warning', '2022-03-01')).toBe('2022-09-01');
    expect(sanctionEnds('demerit', '2022-03-01')).toBe('2023-03-01');
    expect(sanctionEnds('demotion', '2022-03-01')).toBe('2024-03-01');
    expect(sanctionEnds('expulsion', '2022-03-01')).toBeNull();
    expect(sanctionEnds('admonition', '2022-03-01')).toBeNull();
    expect(addMonths('2021-08-31', 6)).toBe('2022-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
  });

  it('撤销教师资格 bars a new application for 5 years; 丧失 for ever', () => {
    expect(certificateBar('revoked', '2022-05-10')).toBe('2027-05-10');
    expect(certificateBar('lost', '2022-05-10')).toBe('permanent');
    expect(certificateBar('none', '2022-05-10')).toBeNull();
  });

  it('a private-school teacher receives no 处分, only other handling', () => {
    expect(decisionRefusal(decision({ handling: 'warning' }), { privateSchool: true })).toEqual({
      field: 'handling',
      message: '民办学校教师不适用处分，请选择批评教育、诫勉谈话、责令检查或通报批评',
    });
    expect(decisionRefusal(decision({ handling: 'circular' }), { privateSchool: true })).toBeNull();
    expect(decisionRefusal(decision({ handling: 'warning' }), { privateSchool: false })).toBeNull();
  });

  it('开除 or a certificate lost or revoked blacklists, at least for the certificate’s bar; 丧失 for ever', () => {
    expect(decisionRefusal(decision({ handling: 'expulsion' }), { privateSchool: false })?.field).toBe('blacklist');
    expect(decisionRefusal(decision({ certificate: 'revoked' }), { privateSchool: false })?.field).toBe('blacklist');
    const revoked = decision({ handling: 'expulsion', certificate: 'revoked', blacklist: true });
    expect(decisionRefusal({ ...revoked, blacklistUntil: '2026-05-10' }, { privateSchool: false })?.message).toBe(
      '撤销教师资格的，黑名单期限不得早于2027-05-10（5年内不得重新申请）',
    );
    expect(decisionRefusal({ ...revoked, blacklistUntil: '2027-05-10' }, { privateSchool: false })).toBeNull();
    expect(decisionRefusal({ ...revoked, certificate: 'lost', blacklistUntil: '2040-01-01' }, { privateSchool: false })?.field).toBe(
      'blacklistUntil',
    );
    expect(decisionRefusal({ ...revoked, certificate: 'lost' }, { privateSchool: false })).toBeNull();
    expect(decisionRefusal(decision({ blacklistUntil: '2023-01-01' }), { privateSchool: false })?.field).toBe('blacklistUntil');
    expect(decisionRefusal(decision({ blacklist: true, blacklistUntil: '2022-05-10' }), { privateSchool: false })?.field).toBe(
      'blacklistUntil',
    );
  });

  it('a blacklist entry stands from the decision to its end (none: for ever), unless lifted', () => {
    const permanent = blacklistEntry({ blacklist: true, effectiveOn: '2022-05-10' })!;
    expect(permanent).toEqual({ from: '2022-05-10', until: null });
    expect(blacklistedOn(permanent, '2022-05-09')).toBe(false);
    expect(blacklistedOn(permanent, '2060-01-01')).toBe(true);
    const fiveYears = { from: '2022-05-10', until: '2027-05-10' };
    expect(blacklistedOn(fiveYears, '2027-05-09')).toBe(true);
    expect(blacklistedOn(fiveYears, '2027-05-10')).toBe(false);
    expect(blacklistedOn({ ...fiveYears, liftedOn: '2023-01-01' }, '2023-06-01')).toBe(false);
    expect(blacklistEntry({ blacklist: false, effectiveOn: '2022-05-10' })).toBeNull();
  });

  it('refuses a malformed decision in Chinese', () => {
    const r = EthicsDecision.safeParse({ handling: 'x', effectiveOn: '2022-13-01', certificate: 'none', blacklist: true, text: '短' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toEqual(expect.arrayContaining(['请选择处理方式', '处理决定至少写10个字']));
  });
});

describe('the case workflow: 线索 → 核查 → 立案 → 调查 → 告知 → 决定 → 执行 → (申诉复核) → 结案', () => {
  it('walks from a clue to closure, with an appeal reviewed on the way', () => {
    const path = [
      ['verify', 'verifying'],
      ['file', 'filed'],
      ['investigate', 'investigating'],
      ['notify', 'notified'],
      ['decide', 'decided'],
      ['appeal', 'appeal'],
      ['review', 'decided'],
      ['execute', 'executing'],
      ['close', 'closed'],
    ] as const;
    let state: (typeof ETHICS_WORKFLOW.states)[number] = 'clue';
    const fields = { findings: '事实', notifiedOn: '2022-04-01' };
    for (const [action, to] of path) {
      expect(ETHICS_WORKFLOW.refusal({ state, fields }, action, county, { reason: '申诉理由' })).toBeNull();
      state = ETHICS_WORKFLOW.next(action, state);
      expect(state).toBe(to);
    }
    expect(ETHICS_WORKFLOW.finalStates).toEqual(['closed', 'dismissed']);
    expect(ETHICS_DONE_STATES).toEqual(ETHICS_WORKFLOW.finalStates);
  });

  it('the school reports clues but takes no step; 告知 needs the findings; 不予立案 needs a reason', () => {
    expect(ETHICS_WORKFLOW.allowed({ state: 'clue' }, school)).toEqual([]);
    expect(ETHICS_WORKFLOW.refusal({ state: 'investigating', fields: {} }, 'notify', county)).toBe('请先填写调查认定的事实');
    expect(ETHICS_WORKFLOW.refusal({ state: 'clue' }, 'dismiss', county, { reason: '' })).toBe('请填写不予立案原因');
    expect(ETHICS_WORKFLOW.refusal({ state: 'filed' }, 'close', county)).toBe('师德失范案件当前为“立案”，不能结案');
  });

  it('labels the ten clauses of the 十项准则', () => {
    expect(clauseLabel(5)).toBe('第五条 关心爱护学生');
    expect(clauseLabel(10)).toBe('第十条 规范从教行为');
    expect(clauseLabel(10, 'en')).toBe('Clause 10: Proper teaching conduct');
  });
});
