import { describe, expect, it } from 'vitest';
import { closureRate, escalatesToCity, hazardOverdue, hazardTransition } from './hazards.ts';

describe('hazard rectification (domain.md §2.1: 待整改 → 整改中 → 待验收 → 已销号)', () => {
  it('moves one step at a time; a return at 验收 goes back to 整改中 and needs a reason', () => {
    expect(hazardTransition('pending', 'start')).toEqual({ ok: true, to: 'rectifying' });
    expect(hazardTransition('rectifying', 'submit')).toEqual({ ok: true, to: 'awaiting_acceptance' });
    expect(hazardTransition('awaiting_acceptance', 'return')).toEqual({ ok: false, message: '退回必须填写原因' });
    expect(hazardTransition('awaiting_acceptance', 'return', '整改照片不清楚')).toEqual({ ok: true, to: 'rectifying' });
    expect(hazardTransition('awaiting_acceptance', 'close')).toEqual({ ok: true, to: 'closed' });
    expect(hazardTransition('pending', 'close')).toEqual({ ok: false, message: '隐患当前为“待整改”，不能验收销号' });
    expect(hazardTransition('closed', 'return', 'x')).toEqual({ ok: false, message: '隐患当前为“已销号”，不能退回' });
  });
  it('overdue = past the deadline and not closed (“overdue = now > deadline ∧ status ≠ 已销号”)', () => {
    expect(hazardOverdue({ status: 'rectifying', deadline: '2022-06-30' }, '2022-06-30')).toBe(false);
    expect(hazardOverdue({ status: 'rectifying', deadline: '2022-06-30' }, '2022-07-01')).toBe(true);
    expect(hazardOverdue({ status: 'closed', deadline: '2022-06-30' }, '2022-07-01')).toBe(false);
    expect(hazardOverdue({ status: 'pending', deadline: null }, '2022-07-01')).toBe(false);
  });
  it('重大 hazards go to the city at once; closure rate is closed ÷ registered', () => {
    expect(escalatesToCity({ severity: 'major' })).toBe(true);
    expect(escalatesToCity({ severity: 'ordinary' })).toBe(false);
    expect(closureRate([{ status: 'closed' }, { status: 'rectifying' }, { status: 'closed' }, { status: 'pending' }])).toBe(0.5);
    expect(closureRate([])).toBeNull();
  });
});
