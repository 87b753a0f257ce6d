import { describe, expect, it } from 'vitest';
import { inspectionQuery } from './query.ts';

describe('the inspection list’s URL', () => {
  it('reads its filters leniently: a bad year or status is dropped', () => {
    expect(inspectionQuery.parse({ year: '2022', status: 'rectifying', overdue: 'yes', grade: 'fail' })).toMatchObject({
      year: 2022,
      status: 'rectifying',
      overdue: true,
      grade: 'fail',
    });
    expect(inspectionQuery.parse({ year: '22', status: 'nope' })).toMatchObject({ year: undefined, status: undefined });
  });
});
