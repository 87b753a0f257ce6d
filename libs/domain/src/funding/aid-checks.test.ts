import { describe, expect, it } from 'vitest';
import {
  AidCheckCreateInput,
  AidCheckResult,
  AidCheckResultsInput,
  checkCase,
  checkSideRefusal,
  checkTally,
  checkTurn,
  drawSample,
  resultsRefusal,
  AID_CHECK_WORKFLOW as wf,
} from './aid-checks.ts';

const city = { level: 'city' as const, username: 'zizhu' };

describe('资助抽查: the sample', () => {
  const population = Array.from({ length: 500 }, (_, i) => 1000 + i * 3);
  it('draws the size asked, distinct, from the population only', () => {
    const s = drawSample(population, 20, 12345);
    expect(s).toHaveLength(20);
    expect(new Set(s).size).toBe(20);
    expect(s.every((id) => population.includes(id))).toBe(true);
  });
  it('is reproducible: the same ids (in any order) and seed draw the same sample; another seed another one', () => {
    expect(drawSample([...population].reverse(), 20, 12345)).toEqual(drawSample(population, 20, 12345));
    expect(drawSample(population, 20, 54321)).not.toEqual(drawSample(population, 20, 12345));
  });
  it('takes everyone when the population is smaller than the size, never a duplicate', () => {
    expect(drawSample([5, 3, 3, 9], 20, 1).sort()).toEqual([3, 5, 9]);
    expect(drawSample([], 20, 1)).toEqual([]);
  });
  it('bounds the size: 1 to 200', () => {
    const base = { semester: '2022-2', unitCode: '430422' };
    expect(AidCheckCreateInput.safeParse({ ...base, size: 20 }).success).toBe(true);
    expect(AidCheckCreateInput.safeParse({ ...base, size: 0 }).error?.issues[0]?.message).toBe('抽查人数至少1人');
    expect(AidCheckCreateInput.safeParse({ ...base, size: 201 }).error?.issues[0]?.message).toBe('抽查人数最多200人');
  });
});

describe('资助抽查: results and the case', () => {
  it('不属实 names its problem; 其他问题 says which; 属实 has none', () => {
    expect(AidCheckResult.safeParse({ itemId: 1, verdict: 'confirmed' }).success).toBe(true);
    expect(AidCheckResult.safeParse({ itemId: 1, verdict: 'refuted' }).error?.issues[0]).toMatchObject({
      path: ['problem'],
      message: '不属实的须选择存在问题',
    });
    expect(AidCheckResult.safeParse({ itemId: 1, verdict: 'refuted', problem: 'other' }).error?.issues[0]?.path).toEqual(['note']);
    expect(AidCheckResult.safeParse({ itemId: 1, verdict: 'confirmed', problem: 'duplicate' }).success).toBe(false);
    const twice = AidCheckResultsInput.safeParse({
      id: 1,
      expectedVersion: 1,
      results: [
        { itemId: 1, verdict: 'confirmed' },
        { itemId: 1, verdict: 'confirmed' },
      ],
    });
    expect(twice.error?.issues[0]?.message).toBe('核查结果中有重复的抽查对象');
  });

  it('all 属实 → 办结 at once; any 不属实 → 待整改 → 已整改 → 已办结; nothing before every result is in', () => {
    const open = checkCase('checking', checkTally([{ verdict: 'confirmed' }, { verdict: null }]));
    expect(wf.refusal(open, 'conclude', city)).toBe('还有抽查对象未登记核查结果');
    expect(wf.refusal(open, 'demand', city)).toBe('还有抽查对象未登记核查结果');
    const clean = checkCase('checking', checkTally([{ verdict: 'confirmed' }, { verdict: 'confirmed' }]));
    expect(wf.allowed(clean, city)).toEqual(['conclude']);
    expect(wf.refusal(clean, 'demand', city)).toBe('抽查结果全部属实，无需整改');
    const failed = checkCase('checking', checkTally([{ verdict: 'confirmed' }, { verdict: 'refuted' }]));
    expect(wf.allowed(failed, city)).toEqual(['demand']);
    expect(wf.next('demand', 'checking')).toBe('rectifying');
    expect(wf.allowed({ state: 'rectifying' }, { level: 'county', username: 'hnzizhu' })).toEqual(['rectify']);
    expect(wf.allowed({ state: 'rectified' }, city)).toEqual(['reject', 'close']);
    expect(wf.finalStates).toEqual(['closed']);
  });

  it('says whose turn a check is: the checker’s, then the checked side’s', () => {
    expect(checkTurn('city')).toEqual({ checking: ['city'], rectifying: ['county', 'school'], rectified: ['city'], closed: [] });
    expect(checkTurn('county').rectifying).toEqual(['school']);
  });

  it('the checker takes the checker’s steps and enters results; the checked side reports 整改', () => {
    expect(checkSideRefusal('demand', 'city', 'county')).toBe('该抽查由市学生资助管理中心办理');
    expect(checkSideRefusal('close', 'county', 'county')).toBeNull();
    expect(checkSideRefusal('rectify', 'county', 'county')).toBe('整改情况由被抽查单位提交');
    expect(checkSideRefusal('rectify', 'city', 'county')).toBeNull();
    expect(checkSideRefusal('rectify', 'county', 'school')).toBeNull();
    expect(resultsRefusal('checking', 'city', 'county')).toBe('核查结果由市学生资助管理中心登记');
    expect(resultsRefusal('rectifying', 'city', 'city')).toBe('资助抽查当前为“待整改”，不能再修改核查结果');
    expect(resultsRefusal('checking', 'city', 'city')).toBeNull();
  });
});
