import { describe, expect, it } from 'vitest';
import { inspectionQuery } from './query.ts';

describe('年检 list query', () => {
  it('reads known filters from the URL and drops what it does not know', () => {
    const q = inspectionQuery.parse({ status: 'submitted', q: '学校', page: '2', bogus: 'x' });
    expect(q).toMatchObject({ status: 'submitted', q: '学校', page: 2 });
    expect(inspectionQuery.parse({ status: 'nonsense' }).status).toBeUndefined();
  });
});
