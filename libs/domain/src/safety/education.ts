import { z } from 'zod';
import { SchoolRef } from '../bounds.ts';
import { IsoDate } from '../date.ts';
import { textField } from '../text.ts';

/**
 * 专项教育 topics (docs/domain/safety.md): the eight the seed lists for item 4 (“继续推进校车、消防、禁毒防艾、防溺水、防性侵、
 * 防欺凌、防暴力伤害和交通安全等专项教育”), plus 传染病防控 and 食品饮用水安全 from the same item.
 */
export const SafetyTopic = z.enum(
  ['school_bus', 'fire', 'drugs_aids', 'drowning', 'sexual_assault', 'bullying', 'violence', 'traffic', 'epidemic', 'food_water'],
  { message: '请选择教育主题' },
);
export type SafetyTopic = z.infer<typeof SafetyTopic>;
export const SAFETY_TOPIC_LABELS: Record<SafetyTopic, string> = {
  school_bus: '校车安全',
  fire: '消防安全',
  drugs_aids: '禁毒防艾',
  drowning: '防溺水',
  sexual_assault: '防性侵',
  bullying: '防欺凌',
  violence: '防暴力伤害',
  traffic: '交通安全',
  epidemic: '传染病防控',
  food_water: '食品饮用水安全',
};
/** The eight topics the seed names as 专项教育: a school “covers” the campaign when it has held all of them. */
export const CAMPAIGN_TOPICS: readonly SafetyTopic[] = [
  'school_bus',
  'fire',
  'drugs_aids',
  'drowning',
  'sexual_assault',
  'bullying',
  'violence',
  'traffic',
];

/** Coverage counts activities of the last 365 days up to today (a rolling year, so the figure never resets to 0 in September). */
export const COVERAGE_WINDOW_DAYS = 365;
export function coverageSince(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - COVERAGE_WINDOW_DAYS + 1);
  return d.toISOString().slice(0, 10);
}

/** What decides whether a campaign topic applies to a school: 校车安全 only where the school runs school buses. */
export interface TopicApplicability {
  runsBuses: boolean;
}
/** The campaign topics demanded of one school: all eight, less 校车 where it runs no buses (most 幼儿园 run none). */
export const campaignTopicsFor = (school: TopicApplicability): readonly SafetyTopic[] =>
  CAMPAIGN_TOPICS.filter((t) => t !== 'school_bus' || school.runsBuses);

/** True when a school's topics include every campaign topic that applies to it. */
export const coversCampaign = (topics: Iterable<SafetyTopic>, school: TopicApplicability): boolean => {
  const held = new Set(topics);
  return campaignTopicsFor(school).every((t) => held.has(t));
};

export const ActivityInput = z
  .object({
    schoolId: SchoolRef,
    topic: SafetyTopic,
    heldOn: IsoDate,
    title: textField(100, '活动名称').pipe(z.string().min(2, { message: '请填写活动名称' })),
    participants: z
      .number({ message: '参与人数应为整数' })
      .int({ message: '参与人数应为整数' })
      .min(1, { message: '参与人数至少为1' })
      .max(100_000, { message: '参与人数过大' }),
    note: textField(500, '活动情况').optional(),
  })
  .strict();
export type ActivityInput = z.infer<typeof ActivityInput>;
