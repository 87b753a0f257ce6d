import {
  INDICATOR_LABELS,
  INDICATOR_LABELS_EN,
  SAFETY_TOPIC_LABELS,
  termLabel,
  type FourthIndicator,
  type ReviewState,
  type SafetyTopic,
  type Term,
} from '@hyedu/domain';
import type { Locale } from '@hyedu/ui';

/**
 * The module's domain words in the page's language: Chinese from @hyedu/domain (the same words as the exports and
 * templates), English beside them. Review wording follows the exports: a county 核实s a school's status.
 */
const TOPIC_EN: Record<SafetyTopic, string> = {
  school_bus: 'School bus',
  fire: 'Fire',
  drugs_aids: 'Drugs and AIDS',
  drowning: 'Drowning',
  sexual_assault: 'Sexual abuse',
  bullying: 'Bullying',
  violence: 'Violence',
  traffic: 'Traffic',
  epidemic: 'Infectious disease',
  food_water: 'Food and water',
};
export const topicLabel = (topic: SafetyTopic, locale: Locale = 'zh-CN') =>
  locale === 'en-US' ? TOPIC_EN[topic] : SAFETY_TOPIC_LABELS[topic];

export type IndicatorKey = keyof typeof INDICATOR_LABELS;
export const indicatorLabel = (key: IndicatorKey, locale: Locale = 'zh-CN') =>
  locale === 'en-US' ? INDICATOR_LABELS_EN[key] : INDICATOR_LABELS[key];

/** The four indicators in order, the fourth as configured by the city. */
export const indicatorKeys = (fourth: FourthIndicator): readonly IndicatorKey[] => ['guards', 'closed', 'alarm', fourth];

const REVIEW_ZH: Record<ReviewState, string> = { submitted: '待核实', reviewed: '已核实', returned: '已退回' };
const REVIEW_EN: Record<ReviewState, string> = { submitted: 'Awaiting verification', reviewed: 'Verified', returned: 'Returned' };
/** A profile's review state; null (no profile for the term) is 未填报. */
export function reviewLabel(state: ReviewState | null, locale: Locale = 'zh-CN'): string {
  if (state === null) return locale === 'en-US' ? 'Not reported' : '未填报';
  return (locale === 'en-US' ? REVIEW_EN : REVIEW_ZH)[state];
}

/** '2022-2023学年第一学期' / '2022-2023 autumn term'. */
export const termText = (term: Term, locale: Locale = 'zh-CN') =>
  locale === 'en-US' ? `${term.slice(0, 9)} ${term.endsWith('1') ? 'autumn' : 'spring'} term` : termLabel(term);
