import { describe, expect, it } from 'vitest';
import { licenceQuery } from './query.ts';

describe('办学许可事项 list query', () => {
  it('reads known filters from the URL and drops what it does not know', () => {
    const q = licenceQuery.parse({ kind: 'renew', status: 'submitted', q: '学校', page: '2', bogus: 'x' });
    expect(q).toMatchObject({ kind: 'renew', status: 'submitted', q: '学校', page: 2 });
    expect(licenceQuery.parse({ status: 'nonsense', kind: 'nonsense' })).toMatchObject({ status: undefined, kind: undefined });
  });
});
