import { describe, expect, it } from 'vitest';
import { ADMISSION_QUERY_VALID_DAYS, GATE_GENERIC_TEXT, gateRefusal, gateRefusalText } from './gate.ts';

const clear = { queriedOn: '2022-08-20', result: 'clear' as const };

describe('the entry gate: 准入查询 (高检发〔2020〕14号, 教师函〔2023〕1号) and the ethics 黑名单', () => {
  it('lets in a person whose query is clear and recent and who is on no blacklist', () => {
    expect(gateRefusal({ query: clear, blacklist: [], entersOn: '2022-09-01' })).toBeNull();
  });

  it('refuses an entry without a query, with a query after the entry or older than the period, or with a hit', () => {
    expect(gateRefusal({ query: null, blacklist: [], entersOn: '2022-09-01' })).toBe('no_query');
    expect(gateRefusal({ query: { ...clear, queriedOn: '2022-09-02' }, blacklist: [], entersOn: '2022-09-01' })).toBe('query_future');
    expect(ADMISSION_QUERY_VALID_DAYS).toBe(90);
    expect(gateRefusal({ query: { ...clear, queriedOn: '2022-06-03' }, blacklist: [], entersOn: '2022-09-01' })).toBeNull();
    expect(gateRefusal({ query: { ...clear, queriedOn: '2022-06-02' }, blacklist: [], entersOn: '2022-09-01' })).toBe('query_stale');
    expect(gateRefusal({ query: { ...clear, result: 'hit' }, blacklist: [], entersOn: '2022-09-01' })).toBe('query_hit');
  });

  it('refuses a person on the blacklist on the day, wherever the entry was made; an ended or lifted one lets them in', () => {
    const entry = { from: '2021-03-01', until: '2026-03-01' };
    expect(gateRefusal({ query: clear, blacklist: [entry], entersOn: '2022-09-01' })).toBe('blacklisted');
    expect(gateRefusal({ query: clear, blacklist: [{ ...entry, until: null }], entersOn: '2022-09-01' })).toBe('blacklisted');
    expect(gateRefusal({ query: clear, blacklist: [{ ...entry, liftedOn: '2022-01-01' }], entersOn: '2022-09-01' })).toBeNull();
    expect(gateRefusal({ query: { ...clear, queriedOn: '2026-02-20' }, blacklist: [entry], entersOn: '2026-03-01' })).toBeNull();
  });

  it('names the reason to those entitled to know it; others read 不符合准入条件 unless it is about the query they entered', () => {
    expect(gateRefusalText('blacklisted', true)).toBe('该人员在师德失范黑名单期限内，不得录用');
    expect(gateRefusalText('blacklisted', false)).toBe(GATE_GENERIC_TEXT);
    expect(gateRefusalText('query_hit', false)).toBe('不符合准入条件');
    expect(gateRefusalText('no_query', false)).toBe('未进行教职员工准入查询（性侵违法犯罪信息查询），不得录用');
  });
});
