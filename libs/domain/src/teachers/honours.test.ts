import { describe, expect, it } from 'vitest';
import { ethicsBars, gateRefusal, gateRefusalText } from './gate.ts';
import { HonourRoundInput, nominationCase, nominationRefusal, roundRefusal, NOMINATION_WORKFLOW as wf } from './honours.ts';

const decided = { status: 'closed', handling: 'criticism', effectiveOn: '2022-03-01', sanctionEndsOn: null };

describe('表彰: rounds with county quotas, nominations through the gate, the city reviews', () => {
  it('a round names each county once with its quota', () => {
    expect(
      HonourRoundInput.safeParse({ name: '优秀教师', year: 2022, level: 'city', quotas: [{ unitCode: '430422', quota: 12 }] }).success,
    ).toBe(true);
    expect(
      roundRefusal({
        quotas: [
          { unitCode: '430422', quota: 1 },
          { unitCode: '430422', quota: 2 },
        ],
      }),
    ).toMatchObject({ field: 'quotas' });
    const bad = HonourRoundInput.safeParse({ name: '', year: 1800, level: 'x', quotas: [] });
    expect(bad.error!.issues.map((i) => i.message)).toEqual(expect.arrayContaining(['请选择表彰级别', '请填写各县市区名额']));
  });

  it('refuses a nomination over the county quota, twice in a round, or of a teacher not in post', () => {
    const ok = { inPost: true, already: false, quota: 3, counted: 2 };
    expect(nominationRefusal(ok)).toBeNull();
    expect(nominationRefusal({ ...ok, counted: 3 })).toEqual({ field: 'roundId', message: '推荐人数已达名额（3名），不能再推荐' });
    expect(nominationRefusal({ ...ok, quota: null })).toMatchObject({ field: 'roundId' });
    expect(nominationRefusal({ ...ok, already: true })).toMatchObject({ field: 'staffId' });
    expect(nominationRefusal({ ...ok, inPost: false })).toMatchObject({ field: 'staffId' });
  });

  it('the gate refuses a blacklisted person and a 师德 record (处分 running, a decision that year, a case pending); no 准入查询 asked', () => {
    const gate = (blacklist: { from: string; until: string | null }[], ethicsBarred: boolean) =>
      gateRefusal({ kind: 'nomination', query: null, blacklist, entersOn: '2022-11-30', ethicsBarred });
    expect(gate([], false)).toBeNull();
    expect(gate([{ from: '2021-01-01', until: null }], false)).toBe('blacklisted');
    expect(gate([], true)).toBe('ethics_record');
    expect(gateRefusalText('ethics_record', false)).toBe('不符合准入条件');
    expect(ethicsBars([decided], 2022, '2022-11-30')).toBe(true);
    expect(ethicsBars([decided], 2023, '2023-05-01')).toBe(false);
    const demerit = { status: 'closed', handling: 'demerit', effectiveOn: '2021-06-01', sanctionEndsOn: '2022-06-01' };
    expect(ethicsBars([demerit], 2022, '2022-05-01')).toBe(true);
    expect(ethicsBars([demerit], 2022, '2022-11-30')).toBe(false);
    expect(ethicsBars([{ status: 'investigating', handling: null, effectiveOn: null, sanctionEndsOn: null }], 2022, '2022-11-30')).toBe(
      true,
    );
    expect(ethicsBars([{ status: 'dismissed', handling: null, effectiveOn: null, sanctionEndsOn: null }], 2022, '2022-11-30')).toBe(false);
    expect(ethicsBars([{ status: 'clue', handling: null, effectiveOn: null, sanctionEndsOn: null }], 2022, '2022-11-30')).toBe(false);
  });

  it('the county nominates, the city approves or refuses with a reason, never its own nomination', () => {
    const mine = nominationCase({ status: 'nominated', createdBy: 'teachers' });
    expect(wf.refusal(mine, 'approve', { level: 'city', username: 'teachers' })).toBe('不能审核自己推荐的人选');
    const county = nominationCase({ status: 'nominated', createdBy: 'hengnan' });
    expect(wf.allowed(county, { level: 'city', username: 'teachers' })).toEqual(['approve', 'refuse']);
    expect(wf.allowed(county, { level: 'county', username: 'hengnan' })).toEqual([]);
    expect(wf.corrections(county, { level: 'county', username: 'hengnan' })).toEqual(['withdraw']);
    expect(wf.awaits('nominated', 'city')).toBe(true);
  });
});
