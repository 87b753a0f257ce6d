import { describe, expect, it } from 'vitest';
import { HazardStatus as Status } from '@hyedu/domain';
import { defineListQuery, oneOf, queryPage, queryString, text, unit, yesNo } from './list-query.ts';

const hazards = defineListQuery({ unitCode: unit(), status: oneOf(Status), overdue: yesNo(), q: text() });

describe('a list query declared once', () => {
  it('reads each filter from its URL parameter, and anything malformed as no filter', () => {
    expect(hazards.parse({ unit: '430405', status: 'closed', overdue: 'yes', q: ' 围墙 ', page: '3' })).toEqual({
      unitCode: '430405',
      status: 'closed',
      overdue: true,
      q: '围墙',
      page: 3,
      pageSize: 20,
    });
    expect(hazards.parse({ unit: '43', status: 'gone', overdue: 'maybe', q: '  ', page: '-1' })).toEqual({ page: 1, pageSize: 20 });
    expect(Object.keys(hazards.parse({}))).toEqual(['unitCode', 'status', 'overdue', 'q', 'page', 'pageSize']);
    expect(hazards.parse({ unitCode: '430405' })).toEqual({ page: 1, pageSize: 20 });
  });

  it('the export takes the filters without paging; a page alone is no filter', () => {
    const q = hazards.parse({ status: 'pending', page: '2' });
    expect(hazards.filterOf(q)).toEqual({ status: 'pending' });
    expect(hazards.filtered(q)).toBe(true);
    expect(hazards.filtered(hazards.parse({ page: '4' }))).toBe(false);
    expect(hazards.paramOf('unitCode')).toBe('unit');
    expect(hazards.paramOf('status')).toBe('status');
  });

  it('a URL value is trimmed, capped at 40 characters and the first of repeated values', () => {
    expect(queryString(['a', 'b'])).toBe('a');
    expect(queryString('x'.repeat(60))).toHaveLength(40);
    expect(queryPage('10001')).toBe(1);
    expect(queryPage('7')).toBe(7);
  });
});
