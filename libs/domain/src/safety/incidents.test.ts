import { describe, expect, it } from 'vitest';
import { inboxRules, whoseTurn } from '../workflow/inbox.ts';
import { chainRefusal, chainState, INCIDENT_CHAIN, IncidentInput } from './incidents.ts';

describe('incident reporting chain (docs/domain/safety.md “report chain with timestamps”)', () => {
  it('goes school → county → city, in order, each once', () => {
    expect(chainRefusal([], 'school_report', 'school')).toBeNull();
    expect(chainRefusal([], 'county_received', 'county')).toBe('请先记录“学校初报”');
    expect(chainRefusal(['school_report'], 'county_received', 'county')).toBeNull();
    expect(chainRefusal(['school_report'], 'county_received', 'school')).toBe('“县区接报”不能由学校填写');
    expect(chainRefusal(['school_report', 'county_received'], 'city_received', 'city')).toBe('请先记录“县区上报市局”');
    expect(chainRefusal(['school_report'], 'school_report', 'school')).toBe('“学校初报”已记录');
  });
  it('allows follow-ups; nothing after the final report', () => {
    expect(chainRefusal(['school_report', 'follow_up'], 'follow_up', 'school')).toBeNull();
    expect(chainRefusal(['school_report', 'final_report'], 'follow_up', 'county')).toBe('事件已终报结案，不能再报送');
    expect(chainRefusal(['school_report'], 'final_report', 'school')).toBe('“终报”不能由学校填写');
  });
  it('is a declared workflow: how far the chain has come, and whose turn it is (the 待办 inbox)', () => {
    expect(chainState(['school_report'])).toBe('reported');
    expect(chainState(['school_report', 'county_received', 'follow_up', 'county_report'])).toBe('county_reported');
    expect(chainState(['school_report', 'final_report'])).toBe('closed');
    expect(whoseTurn(INCIDENT_CHAIN, 'reported')).toEqual([{ level: 'county', steps: ['county_received', 'final_report'] }]);
    expect(whoseTurn(INCIDENT_CHAIN, 'county_reported')).toEqual([{ level: 'city', steps: ['city_received', 'final_report'] }]);
    expect(inboxRules(INCIDENT_CHAIN, 'school')).toEqual([]);
    expect(whoseTurn(INCIDENT_CHAIN, 'closed')).toEqual([]);
    expect(INCIDENT_CHAIN.next('follow_up', 'county_received')).toBe('county_received');
  });

  it('checks an incident field by field', () => {
    const r = IncidentInput.safeParse({
      schoolId: 1,
      type: 'drowning',
      occurredAt: '昨天',
      place: '河',
      deaths: -1,
      injuries: 0,
      publicOpinion: false,
      summary: '短',
    });
    const byField = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byField).toEqual({
      occurredAt: '请填写发生时间',
      place: '请填写发生地点',
      deaths: '死亡人数不能为负',
      summary: '事件经过至少写10个字',
    });
  });
});
