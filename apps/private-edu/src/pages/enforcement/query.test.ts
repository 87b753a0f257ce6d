import { describe, expect, it } from 'vitest';
import { enforcementQuery } from './query.ts';

describe('执法案件 list query', () => {
  it('reads known filters from the URL and drops what it does not know', () => {
    const q = enforcementQuery.parse({
      status: 'verifying',
      unit: '430422',
      source: 'grid',
      handler: 'city',
      overdue: 'yes',
      q: '工作室',
      page: '2',
      bogus: 'x',
    });
    expect(q).toMatchObject({
      status: 'verifying',
      unitCode: '430422',
      clueSource: 'grid',
      handlerLevel: 'city',
      overdue: true,
      q: '工作室',
      page: 2,
    });
    expect(enforcementQuery.parse({ status: 'nonsense', violation: 'x' })).toMatchObject({ status: undefined, violation: undefined });
  });
});
