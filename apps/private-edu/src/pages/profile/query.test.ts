import { describe, expect, it } from 'vitest';
import { profileQuery } from './query.ts';

describe('民办学校 list query', () => {
  it('reads the county, level, 公参民 and not-registered filters from the URL', () => {
    expect(profileQuery.parse({ unit: '430422', level: 'junior', gcm: 'yes', missing: 'no', q: '育才', page: '3' })).toMatchObject({
      unitCode: '430422',
      level: 'junior',
      gcm: true,
      missing: false,
      q: '育才',
      page: 3,
    });
    expect(profileQuery.parse({ unit: '43', level: 'x', gcm: 'maybe' })).toMatchObject({
      unitCode: undefined,
      level: undefined,
      gcm: undefined,
    });
  });
});
