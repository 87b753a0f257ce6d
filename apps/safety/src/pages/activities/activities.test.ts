import { describe, expect, it } from 'vitest';
import { activityQuery, anyActivity, coverageRate, sumCoverage, topicSchools } from './activities.ts';

describe('专项教育 page helpers', () => {
  it('reads unit, topic, q and page from the URL; an unknown topic is no filter', () => {
    expect(activityQuery.parse({ unit: '430422', topic: 'drowning', q: '防溺水', page: '2' })).toEqual({
      unitCode: '430422',
      topic: 'drowning',
      q: '防溺水',
      page: 2,
      pageSize: 20,
    });
    expect(activityQuery.parse({ topic: 'swimming' }).topic).toBeUndefined();
  });

  it('coverage is no data until an activity is recorded, then a share of all schools', () => {
    const none = [{ schools: 10, covered: 0, byTopic: { fire: 0 } }];
    expect(anyActivity(none)).toBe(false);
    expect(coverageRate(0, 10, anyActivity(none))).toBeNull();
    const some = [...none, { schools: 30, covered: 3, byTopic: { fire: 12, drowning: 4 } }];
    const total = sumCoverage(some);
    expect(total.schools).toBe(40);
    expect(total.byTopic.fire).toBe(12);
    expect(total.byTopic.traffic).toBe(0);
    expect(coverageRate(total.byTopic.fire!, total.schools, anyActivity(some))).toBe(0.3);
    expect(coverageRate(0, 0, true)).toBeNull();
  });
  it('校车安全 counts among the schools that run buses only; every other topic among all schools', () => {
    const rows = [
      { schools: 10, covered: 4, withBuses: 2, byTopic: { school_bus: 2, fire: 8 } },
      { schools: 30, covered: 20, withBuses: 0, byTopic: { school_bus: 0, fire: 25 } },
    ];
    const total = sumCoverage(rows);
    expect(total.withBuses).toBe(2);
    expect(topicSchools(total, 'school_bus')).toBe(2);
    expect(topicSchools(total, 'fire')).toBe(40);
    expect(coverageRate(total.byTopic.school_bus!, topicSchools(total, 'school_bus'), true)).toBe(1);
    expect(coverageRate(0, topicSchools(rows[1]!, 'school_bus'), true)).toBeNull();
  });
});
