import { describe, expect, it } from 'vitest';
import {
  addMonths,
  blacklistedOn,
  blacklistEntry,
  blacklistStanding,
  certificateBar,
  clauseLabel,
  decisionRefusal,
  ETHICS_DONE_STATES,
  ETHICS_WORKFLOW,
  EthicsDecision,
  liftRefusal,
  listingAfterReview,
  reportPersonRefusal,
  reviewedDecision,
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

describe('申诉复核: the review upholds or changes the decision', () => {
  const current = {
    handling: 'expulsion' as const,
    effectiveOn: '2022-05-10',
    certificate: 'revoked' as const,
    blacklist: true,
    blacklistUntil: '2027-05-10',
  };
  const changed = {
    outcome: 'changed' as const,
    handling: 'demotion' as const,
    effectiveOn: '2022-05-10',
    certificate: 'none' as const,
    blacklist: false,
    text: '经复核，原处理偏重，改为降低岗位等级。',
  };
  it('an upheld decision carries no new handling; a changed one needs every field and obeys the decision rules', () => {
    expect(reviewedDecision({ outcome: 'upheld' }, { privateSchool: false, current })).toEqual({ ok: true, decision: null });
    expect(reviewedDecision({ outcome: 'upheld', handling: 'warning' }, { privateSchool: false, current })).toMatchObject({
      ok: false,
      field: 'handling',
    });
    expect(reviewedDecision({ outcome: 'changed', handling: 'warning' }, { privateSchool: false, current })).toMatchObject({
      ok: false,
      field: 'effectiveOn',
    });
    expect(reviewedDecision(changed, { privateSchool: false, current })).toMatchObject({ ok: true, decision: { handling: 'demotion' } });
    expect(reviewedDecision(changed, { privateSchool: true, current })).toMatchObject({ ok: false, field: 'handling' });
    expect(reviewedDecision({ ...changed, handling: 'expulsion' }, { privateSchool: false, current })).toMatchObject({
      ok: false,
      message: '开除或撤销、丧失教师资格的，应列入黑名单',
    });
    expect(
      reviewedDecision(
        { ...changed, handling: 'expulsion', certificate: 'revoked', blacklist: true, blacklistUntil: '2027-05-10' },
        {
          privateSchool: false,
          current,
        },
      ),
    ).toMatchObject({ ok: false, field: 'outcome', message: '处理内容与原决定相同，请选择维持原决定' });
  });

  it('the 黑名单 entry follows the changed decision: new dates, restored, or lifted on the day of the review', () => {
    const entry = { from: '2022-05-10', until: '2027-05-10', liftedOn: null };
    expect(listingAfterReview(entry, null, '2022-11-30')).toEqual({ kind: 'keep' });
    const d = (x: Partial<Decision>) => decision({ ...x });
    expect(listingAfterReview(entry, d({ blacklist: false }), '2022-11-30')).toEqual({ kind: 'lift', on: '2022-11-30' });
    expect(listingAfterReview(null, d({ blacklist: false }), '2022-11-30')).toEqual({ kind: 'keep' });
    expect(listingAfterReview({ ...entry, liftedOn: '2022-10-01' }, d({ blacklist: false }), '2022-11-30')).toEqual({ kind: 'keep' });
    expect(listingAfterReview(entry, d({ blacklist: true }), '2022-11-30')).toEqual({ kind: 'set', from: '2022-05-10', until: null });
    expect(listingAfterReview(null, d({ blacklist: true, blacklistUntil: '2024-01-01' }), '2022-11-30')).toEqual({
      kind: 'set',
      from: '2022-05-10',
      until: '2024-01-01',
    });
  });
});

describe('lifting a 黑名单 entry (the city department only, with reasons)', () => {
  const entry = { from: '2022-05-10', until: null, liftedOn: null };
  const decided = { certificate: 'none' as const, effectiveOn: '2022-05-10', status: 'executing' as const };
  it('never for 丧失教师资格; not before the 5-year bar of a 撤销; not during an appeal; not twice nor after the end', () => {
    expect(liftRefusal(entry, decided, '2022-11-30')).toBeNull();
    expect(liftRefusal(entry, { ...decided, certificate: 'lost' }, '2099-01-01')).toBe('丧失教师资格的，永久列入黑名单，不得解除');
    expect(liftRefusal(entry, { ...decided, certificate: 'revoked' }, '2027-05-09')).toBe(
      '撤销教师资格的，2027-05-10前不得解除（5年内不得重新申请）',
    );
    expect(liftRefusal(entry, { ...decided, certificate: 'revoked' }, '2027-05-10')).toBeNull();
    expect(liftRefusal(entry, { ...decided, status: 'appeal' }, '2022-11-30')).toBe('申诉复核期间不得解除，由复核决定处理');
    expect(liftRefusal({ ...entry, liftedOn: '2022-11-01' }, decided, '2022-11-30')).toBe('该黑名单记录已于2022-11-01解除');
    expect(liftRefusal({ ...entry, until: '2022-11-30' }, decided, '2022-11-30')).toBe('黑名单期限已于2022-11-30届满，无需解除');
  });

  it('an entry is in force, lifted, run out or not yet in force on a day', () => {
    expect(blacklistStanding(entry, '2022-11-30')).toBe('active');
    expect(blacklistStanding({ ...entry, liftedOn: '2022-11-30' }, '2022-11-30')).toBe('lifted');
    expect(blacklistStanding({ ...entry, until: '2022-11-30' }, '2022-11-30')).toBe('expired');
    expect(blacklistStanding(entry, '2022-05-09')).toBe('pending');
  });
});

describe('a clue names its person', () => {
  it('a staff member, or a name and an ID number', () => {
    expect(reportPersonRefusal({ staffId: 3 })).toBeNull();
    expect(reportPersonRefusal({ name: '王某', idNumber: '430422198806060011' })).toBeNull();
    expect(reportPersonRefusal({ staffId: 3, name: '王某' })).toMatchObject({ field: 'staffId' });
    expect(reportPersonRefusal({})).toMatchObject({ field: 'name' });
    expect(reportPersonRefusal({ name: '王某' })).toMatchObject({ field: 'idNumber', message: '请填写身份证号' });
  });
});
