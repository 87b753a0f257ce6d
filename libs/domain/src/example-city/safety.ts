import type { SafetySettings } from '../safety/compliance.ts';

/**
 * 示例市's 4个100% configuration (what the 安全科 sets): the fourth indicator is 硬质防冲撞设施, not the default 护学岗, and
 * its guard norm is stricter — 3 guards at least, per-mille rates above 1,000 people.
 */
export const EXAMPLE_CITY_SAFETY_SETTINGS: SafetySettings = {
  fourth: 'anti_ram',
  norm: { minimum: 3, largeSchoolAbove: 1_000, perMille: 2, boardingPerMille: 3 },
};
