import { describe, expect, it } from 'vitest';
import { ActivityInput, CAMPAIGN_TOPICS, campaignTopicsFor, coverageSince, coversCampaign, SAFETY_TOPIC_LABELS } from './education.ts';

describe('专项教育 (seed item 4)', () => {
  it('campaign topics are the eight the seed lists', () => {
    const seed = '继续推进校车、消防、禁毒防艾、防溺水、防性侵、防欺凌、防暴力伤害和交通安全等专项教育';
    expect(CAMPAIGN_TOPICS).toHaveLength(8);
    for (const t of CAMPAIGN_TOPICS) expect(seed).toContain(SAFETY_TOPIC_LABELS[t].replace('安全', ''));
  });
  it('a school covers the campaign only with every topic', () => {
    const buses = { runsBuses: true };
    expect(coversCampaign(CAMPAIGN_TOPICS, buses)).toBe(true);
    expect(coversCampaign(CAMPAIGN_TOPICS.slice(1), buses)).toBe(false);
    expect(coversCampaign([...CAMPAIGN_TOPICS.slice(1), 'epidemic', 'food_water'], buses)).toBe(false);
  });
  it('counts a rolling year', () => {
    expect(coverageSince('2022-12-31')).toBe('2022-01-01');
    expect(coverageSince('2024-02-29')).toBe('2023-03-02');
  });
  it('checks an activity field by field', () => {
    const r = ActivityInput.safeParse({ schoolId: 1, topic: 'x', heldOn: '2022-02-30', title: ' ', participants: 0 });
    expect(r.success).toBe(false);
    const byField = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byField).toEqual({
      topic: '请选择教育主题',
      heldOn: '日期应为有效的 YYYY-MM-DD 格式',
      title: '请填写活动名称',
      participants: '参与人数至少为1',
    });
  });
});

describe('campaign applicability (seed item 4: “继续推进校车、消防、禁毒防艾、防溺水、防性侵、防欺凌、防暴力伤害和交通安全等专项教育”)', () => {
  it('校车 is demanded only where the school runs buses: a kindergarten without buses covers the campaign with the other seven', () => {
    const seven = CAMPAIGN_TOPICS.filter((t) => t !== 'school_bus');
    expect(campaignTopicsFor({ runsBuses: false })).toEqual(seven);
    expect(campaignTopicsFor({ runsBuses: true })).toEqual(CAMPAIGN_TOPICS);
    expect(coversCampaign(seven, { runsBuses: false })).toBe(true);
    expect(coversCampaign(seven, { runsBuses: true })).toBe(false);
    expect(coversCampaign(seven.slice(1), { runsBuses: false })).toBe(false);
  });
});
