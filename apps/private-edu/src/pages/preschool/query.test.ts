import { describe, expect, it } from 'vitest';
import { preschoolQuery } from './query.ts';

describe('学前人口 query', () => {
  it('reads a school year from ?year= and drops a malformed one', () => {
    expect(preschoolQuery.parse({ year: '2021-2022' })).toMatchObject({ schoolYear: '2021-2022', page: 1 });
    expect(preschoolQuery.parse({ year: '2021-2023' })).toMatchObject({ schoolYear: undefined });
  });
});
