import { describe, expect, it } from 'vitest';
import { beijingIso, beijingLocalNow, elapsed, incidentQuery } from './incident-query.ts';

describe('the incident list URL', () => {
  it('reads ?unit=&type=&status=&q=&page= leniently', () => {
    expect(incidentQuery.parse({ unit: '430422', type: 'drowning', status: 'handling', q: '河道', page: '2' })).toEqual({
      unitCode: '430422',
      type: 'drowning',
      status: 'handling',
      q: '河道',
      page: 2,
      pageSize: 20,
    });
    expect(incidentQuery.parse({ type: 'flood', status: 'open', page: 'x' })).toEqual({
      unitCode: undefined,
      type: undefined,
      status: undefined,
      q: undefined,
      page: 1,
      pageSize: 20,
    });
  });

  it('exports with the filters, without paging', () => {
    expect(incidentQuery.filterOf(incidentQuery.parse({ unit: '430422', page: '3' }))).toEqual({ unitCode: '430422' });
  });
});

describe('Beijing time in the form', () => {
  it('sends a date-time input as Beijing time with +08:00, whatever the browser’s zone', () => {
    expect(beijingIso('2022-06-28T10:05')).toBe('2022-06-28T10:05:00+08:00');
    expect(beijingIso('2022-06-28T10:05:30')).toBe('2022-06-28T10:05:30+08:00');
    expect(new Date(beijingIso('2022-06-28T10:05')).toISOString()).toBe('2022-06-28T02:05:00.000Z');
  });

  it('leaves an empty or impossible value empty, for the server to name the field', () => {
    expect(beijingIso('')).toBe('');
    expect(beijingIso('2022-06-28')).toBe('');
    expect(beijingIso('2022-13-45T25:61')).toBe('');
  });

  it('gives now as a Beijing wall-clock value (the input’s max)', () => {
    expect(beijingLocalNow(new Date('2022-06-28T17:30:00Z'))).toBe('2022-06-29T01:30');
  });
});

describe('time since the incident', () => {
  it('splits into days, hours and minutes', () => {
    expect(elapsed('2022-06-28T10:00:00+08:00', '2022-06-28T10:35:00+08:00')).toEqual({ days: 0, hours: 0, minutes: 35 });
    expect(elapsed('2022-06-28T10:00:00+08:00', '2022-06-29T12:10:00+08:00')).toEqual({ days: 1, hours: 2, minutes: 10 });
  });

  it('shows no figure for a stage stamped before the incident', () => {
    expect(elapsed('2022-06-28T10:00:00+08:00', '2022-06-28T09:00:00+08:00')).toBeNull();
  });
});
