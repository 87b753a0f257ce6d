import { describe, expect, it } from 'vitest';
import {
  acceptanceDueOn,
  closureRate,
  escalatesToCity,
  HAZARD_ACCEPTANCE_DAYS,
  HAZARD_COUNTED_STATES,
  HAZARD_FINAL_STATES,
  HAZARD_OPEN_STATES,
  HazardAction,
  hazardCase,
  HazardCorrection,
  hazardDuplicateKey,
  HazardInput,
  hazardLateness,
  hazardOverdue,
  sourcesFor,
  HAZARD_WORKFLOW as wf,
  type HazardStatus,
  type HazardStep,
} from './hazards.ts';

type Level = 'school' | 'county' | 'city';
/** Whom each step is open to, for the checks that concern only the state and the step's own inputs. */
const taker = (step: HazardStep) => ({ level: wf.steps[step].by[0] as Level, username: 'someone' });
/** A step on a hazard with a deadline, as the old pure transition: its next state or its refusal. */
function transition(state: HazardStatus, step: HazardStep, reason?: string) {
  const message = wf.refusal({ state, fields: { deadline: '2022-06-30' } }, step, taker(step), { reason });
  return message ? { ok: false, message } : { ok: true, to: wf.next(step, state) };
}
/** The refusal for an actor, with the reason given (evidence is asked separately). */
const refusal = (
  h: { status: HazardStatus; deadline: string | null; submittedBy: string | null },
  step: HazardStep,
  actor: { level: Level; username: string },
  reason?: string,
) => wf.refusal(hazardCase(h), step, actor, { reason });
/** The evidence refusal of a step with `n` 整改后 files (null when the step needs none or has enough). */
const evidence = (step: HazardStep, n: number) =>
  wf.refusal({ state: wf.steps[step].from[0]!, fields: { deadline: '2022-06-30' } }, step, taker(step), {
    reason: '整改照片不清楚',
    files: { after: n },
  });

describe('hazard rectification (docs/domain/safety.md: 待整改 → 整改中 → 待验收 → 已销号)', () => {
  it('moves one step at a time; a return at 验收 goes back to 整改中 and needs a reason', () => {
    expect(transition('pending', 'start')).toEqual({ ok: true, to: 'rectifying' });
    expect(transition('rectifying', 'submit')).toEqual({ ok: true, to: 'awaiting_acceptance' });
    expect(transition('awaiting_acceptance', 'return')).toEqual({ ok: false, message: '请填写退回原因' });
    expect(transition('awaiting_acceptance', 'return', '整改照片不清楚')).toEqual({ ok: true, to: 'rectifying' });
    expect(transition('awaiting_acceptance', 'close')).toEqual({ ok: true, to: 'closed' });
    expect(transition('pending', 'close')).toEqual({ ok: false, message: '隐患当前为“待整改”，不能验收销号' });
    expect(transition('closed', 'return', 'x')).toEqual({ ok: false, message: '隐患当前为“已销号”，不能退回' });
  });
  it('school lateness: past the deadline while still the school’s (“overdue = now > deadline ∧ status ≠ 已销号”, narrowed to 待整改/整改中)', () => {
    const h = (status: 'pending' | 'rectifying' | 'closed', deadline: string | null) => ({ status, deadline, submittedOn: null });
    expect(hazardLateness(h('rectifying', '2022-06-30'), '2022-06-30')).toBeNull();
    expect(hazardLateness(h('rectifying', '2022-06-30'), '2022-07-01')).toBe('school');
    expect(hazardLateness(h('pending', '2022-06-30'), '2022-07-01')).toBe('school');
    expect(hazardLateness(h('closed', '2022-06-30'), '2022-07-01')).toBeNull();
    expect(hazardLateness(h('pending', null), '2022-07-01')).toBeNull();
    expect(hazardOverdue(h('rectifying', '2022-06-30'), '2022-07-01')).toBe(true);
  });
  it('a hazard waiting for acceptance is not the school’s lateness; it is the county’s once the acceptance limit (局定 15 days) has passed', () => {
    expect(HAZARD_ACCEPTANCE_DAYS).toBe(15);
    expect(acceptanceDueOn('2022-06-20')).toBe('2022-07-05');
    const waiting = { status: 'awaiting_acceptance' as const, deadline: '2022-06-30', submittedOn: '2022-06-20' };
    expect(hazardLateness(waiting, '2022-07-01')).toBeNull();
    expect(hazardLateness(waiting, '2022-07-05')).toBeNull();
    expect(hazardLateness(waiting, '2022-07-06')).toBe('county');
    expect(hazardOverdue(waiting, '2022-07-06')).toBe(true);
    expect(hazardLateness({ ...waiting, submittedOn: null }, '2023-01-01')).toBeNull();
  });
  it('重大 hazards go to the city at once; closure rate is closed ÷ registered', () => {
    expect(escalatesToCity({ severity: 'major' })).toBe(true);
    expect(escalatesToCity({ severity: 'ordinary' })).toBe(false);
    expect(closureRate([{ status: 'closed' }, { status: 'rectifying' }, { status: 'closed' }, { status: 'pending' }])).toBe(0.5);
    expect(closureRate([])).toBeNull();
    expect(closureRate([{ status: 'closed' }, { status: 'voided' }, { status: 'pending' }])).toBe(0.5);
    expect(closureRate([{ status: 'voided' }])).toBeNull();
  });
});

describe('撤回, 更正 and 作废 with a reason', () => {
  const school = { level: 'school' as const, username: 'school' };
  const county = { level: 'county' as const, username: 'hengnan' };
  const at = (status: HazardStatus) => ({ status, deadline: '2022-06-30', submittedBy: 'school' });

  it('the submitter withdraws a submission awaiting acceptance back to 整改中, with a reason; nobody awaits it', () => {
    expect(refusal(at('awaiting_acceptance'), 'withdraw', school, '整改后照片传错了')).toBeNull();
    expect(refusal(at('awaiting_acceptance'), 'withdraw', school, '  ')).toBe('请填写撤回原因');
    expect(wf.next('withdraw', 'awaiting_acceptance')).toBe('rectifying');
    expect(refusal(at('rectifying'), 'withdraw', school)).toBe('只有待验收的隐患可以撤回');
    expect(refusal(at('awaiting_acceptance'), 'withdraw', { level: 'city', username: 'city' })).toBe(
      '整改由学校（或代其填报的县区教育局）进行',
    );
  });

  it('only the county or the city voids, only while the hazard is the school’s; a voided hazard is final and counts nowhere', () => {
    expect(refusal(at('pending'), 'void', county, '重复登记')).toBeNull();
    expect(refusal(at('pending'), 'void', school, '重复登记')).toBe('作废由县区教育局或市教育局进行');
    expect(refusal(at('awaiting_acceptance'), 'void', county, '重复登记')).toBe('只有待整改或整改中的隐患可以作废');
    expect(wf.next('void', 'rectifying')).toBe('voided');
    expect(HAZARD_FINAL_STATES).toEqual(['closed', 'voided']);
    expect(HAZARD_OPEN_STATES).toEqual(['pending', 'rectifying', 'awaiting_acceptance']);
    expect(HAZARD_COUNTED_STATES).not.toContain('voided');
    expect(wf.allowed(hazardCase(at('voided')), county)).toEqual([]);
    expect(wf.corrections(hazardCase(at('voided')), county)).toEqual([]);
    expect(wf.corrections(hazardCase(at('rectifying')), county)).toEqual(['correct', 'void']);
    expect(wf.allowed(hazardCase(at('rectifying')), county)).toEqual(['set_deadline', 'submit']);
  });

  it('更正 keeps the state, needs a reason, and is not a step of the move-on list', () => {
    expect(wf.next('correct', 'rectifying')).toBe('rectifying');
    expect(refusal(at('pending'), 'correct', school, '  ')).toBe('请填写更正原因');
    expect(refusal(at('closed'), 'correct', county, '写错了')).toBe('只有待整改或整改中的隐患可以更正');
    expect(HazardAction.options).not.toContain('correct');
    expect(HazardAction.options).toEqual(expect.arrayContaining(['withdraw', 'void']));
    expect(HazardCorrection.safeParse({ severity: 'major' }).error?.issues[0]).toMatchObject({ path: ['reason'] });
    expect(HazardCorrection.safeParse({ description: '短', reason: '描述有误' }).error?.issues[0]?.message).toBe('隐患描述至少写5个字');
  });
});

describe('who does what with a hazard (issue 5: schools rectify, counties and the city accept)', () => {
  const school = { level: 'school' as const, username: 'school' };
  const county = { level: 'county' as const, username: 'hengnan' };
  const city = { level: 'city' as const, username: 'safety' };
  const h = (
    status: 'pending' | 'rectifying' | 'awaiting_acceptance' | 'closed',
    deadline: string | null = '2022-06-30',
    submittedBy: string | null = null,
  ) => ({ status, deadline, submittedBy });
  it('the deadline is set by the county or city, not the school, and not after closing', () => {
    expect(refusal(h('pending', null), 'set_deadline', school)).toBe('整改期限由县区教育局或市教育局确定');
    expect(refusal(h('pending', null), 'set_deadline', county)).toBeNull();
    expect(refusal(h('closed'), 'set_deadline', city)).toBe('隐患已销号，不能修改整改期限');
  });
  it('rectification starts only with a deadline; the city does not rectify', () => {
    expect(refusal(h('pending', null), 'start', school)).toBe('尚未确定整改期限，请等待县区教育局确定后再开始整改');
    expect(refusal(h('pending'), 'start', school)).toBeNull();
    expect(refusal(h('pending'), 'start', county)).toBeNull();
    expect(refusal(h('pending'), 'start', city)).toBe('整改由学校（或代其填报的县区教育局）进行');
  });
  it('acceptance is the county’s or city’s, never by the one who submitted, and a return needs a reason', () => {
    expect(refusal(h('awaiting_acceptance', '2022-06-30', 'school'), 'close', school)).toBe('验收由县区教育局或市教育局进行');
    expect(refusal(h('awaiting_acceptance', '2022-06-30', 'hengnan'), 'close', county)).toBe('不能验收自己提交的整改');
    expect(refusal(h('awaiting_acceptance', '2022-06-30', 'school'), 'return', county)).toBe('请填写退回原因');
    expect(refusal(h('awaiting_acceptance', '2022-06-30', 'school'), 'return', county, '照片未显示整改后情况')).toBeNull();
    expect(refusal(h('awaiting_acceptance', '2022-06-30', 'school'), 'close', city)).toBeNull();
  });
  it('a school records only its own checks and reports', () => {
    expect(sourcesFor('school')).toEqual(['self', 'report']);
    expect(sourcesFor('city')).toContain('supervision');
  });
  it('checks a hazard field by field; the deadline cannot precede the finding', () => {
    const r = HazardInput.safeParse({
      schoolId: 1,
      source: 'self',
      category: 'fire',
      severity: 'major',
      foundOn: '2022-05-10',
      description: '灭火器',
      responsiblePerson: '张',
      deadline: '2022-05-01',
    });
    const byField = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byField).toEqual({
      description: '隐患描述至少写5个字',
      responsiblePerson: '请填写整改责任人',
      deadline: '整改期限不能早于发现日期',
    });
    const r2 = HazardInput.safeParse({
      schoolId: 1,
      source: 'self',
      category: 'fire',
      severity: 'major',
      foundOn: '2022-05-10',
      description: '灭火器过期未更换',
      responsiblePerson: '张三',
      deadline: '2022-05-01',
    });
    expect(r2.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['deadline', '整改期限不能早于发现日期']]);
  });
});

describe('duplicate rows in one hazard import', () => {
  const h = {
    schoolId: 7,
    foundOn: '2022-05-10',
    category: 'fire' as const,
    location: '教学楼二楼',
    description: '灭火器压力不足，需更换',
  };
  it('the same school, day, category, place and description are one hazard, however the text is spaced or typed', () => {
    expect(hazardDuplicateKey({ ...h, description: ' 灭火器压力不足，需更换  ' })).toBe(hazardDuplicateKey(h));
    expect(hazardDuplicateKey({ ...h, location: '教学楼 二楼'.replace(' ', '  ') })).toBe(
      hazardDuplicateKey({ ...h, location: '教学楼 二楼' }),
    );
    expect(hazardDuplicateKey({ ...h, description: 'ＡＢ栋 灭火器' })).toBe(hazardDuplicateKey({ ...h, description: 'ab栋 灭火器' }));
    expect(hazardDuplicateKey({ ...h, location: undefined })).toBe(hazardDuplicateKey({ ...h, location: '' }));
  });
  it('any of the five differing makes another hazard', () => {
    for (const other of [
      { schoolId: 8 },
      { foundOn: '2022-05-11' },
      { category: 'buildings' as const },
      { location: '教学楼三楼' },
      { description: '灭火器过期，需更换' },
    ]) {
      expect(hazardDuplicateKey({ ...h, ...other })).not.toBe(hazardDuplicateKey(h));
    }
  });
});

describe('整改后 evidence (docs/domain/safety.md: “measures, photos_before/after”)', () => {
  it('submitting for acceptance and accepting need at least one 整改后 file; other steps do not', () => {
    expect(evidence('submit', 0)).toBe('请先上传至少1个整改后照片或文件，再提交验收');
    expect(evidence('close', 0)).toBe('该隐患没有整改后照片或文件，不能验收销号，请退回并要求补充');
    expect(evidence('submit', 1)).toBeNull();
    expect(evidence('close', 2)).toBeNull();
    for (const step of ['start', 'return', 'set_deadline'] as const) expect(evidence(step, 0)).toBeNull();
  });

  it('acceptance (验收销号) and starting work may be taken on several hazards at once; a return, with its reason, only one by one', () => {
    expect(wf.actions.filter((a) => wf.steps[a].bulk)).toEqual(['start', 'close']);
  });
});
