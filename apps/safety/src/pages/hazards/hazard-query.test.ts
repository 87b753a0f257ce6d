import { describe, expect, it } from 'vitest';
import { alarmTags, hazardQuery, inspectionQuery, isConflict, statusTagType } from './hazard-query.ts';

describe('the hazard list URL', () => {
  it('reads the dashboard link ?unit=&q= and the list’s own filters', () => {
    expect(
      hazardQuery.parse({
        unit: '430422',
        q: ' 衡南县第一中学 ',
        status: 'awaiting_acceptance',
        severity: 'major',
        category: 'fire',
        source: 'self',
        overdue: 'yes',
        page: '3',
      }),
    ).toEqual({
      unitCode: '430422',
      q: '衡南县第一中学',
      status: 'awaiting_acceptance',
      severity: 'major',
      category: 'fire',
      source: 'self',
      overdue: true,
      page: 3,
      pageSize: 20,
    });
  });

  it('treats anything malformed as no filter, never as an error', () => {
    const q = hazardQuery.parse({
      unit: '43',
      status: 'open',
      severity: 'MAJOR',
      category: ['fire', 'x'],
      overdue: 'true',
      page: '-2',
      q: '   ',
    });
    expect(q).toEqual({
      unitCode: undefined,
      status: undefined,
      severity: undefined,
      category: 'fire',
      source: undefined,
      overdue: undefined,
      q: undefined,
      page: 1,
      pageSize: 20,
    });
    expect(hazardQuery.parse({ overdue: 'no', page: '1.5' })).toMatchObject({ overdue: false, page: 1 });
  });

  it('caps the search term at the server’s 40 characters', () => {
    expect(hazardQuery.parse({ q: '校'.repeat(60) }).q).toHaveLength(40);
  });

  it('exports with the list’s filters but without paging or empty values', () => {
    const q = hazardQuery.parse({ unit: '430422', overdue: 'no', page: '4' });
    expect(hazardQuery.filterOf(q)).toEqual({ unitCode: '430422', overdue: false });
    expect(hazardQuery.filtered(q)).toBe(true);
    expect(hazardQuery.filtered(hazardQuery.parse({ page: '2' }))).toBe(false);
  });

  it('reads the inspection list’s level, refusing 群众举报 (not an inspection level)', () => {
    expect(inspectionQuery.parse({ level: 'county', unit: '430422' })).toMatchObject({ level: 'county', unitCode: '430422', page: 1 });
    expect(inspectionQuery.parse({ level: 'report' }).level).toBeUndefined();
  });
});

describe('hazard tags', () => {
  it('flags 逾期 and an open 重大 hazard in red; a closed 重大 one turns grey', () => {
    expect(alarmTags({ status: 'rectifying', severity: 'major', lateness: 'school' })).toEqual([
      { key: 'overdue', type: 'danger' },
      { key: 'major', type: 'danger' },
    ]);
    expect(alarmTags({ status: 'awaiting_acceptance', severity: 'ordinary', lateness: 'county' })).toEqual([
      { key: 'lateAcceptance', type: 'danger' },
    ]);
    expect(alarmTags({ status: 'closed', severity: 'major', lateness: null })).toEqual([{ key: 'major', type: 'info' }]);
    expect(alarmTags({ status: 'voided', severity: 'major', lateness: null })).toEqual([{ key: 'major', type: 'info' }]);
    expect(alarmTags({ status: 'pending', severity: 'ordinary', lateness: null })).toEqual([]);
  });

  it('colours the status by who must act', () => {
    expect(statusTagType('closed')).toBe('success');
    expect(statusTagType('voided')).toBe('info');
    expect(statusTagType('rectifying')).toBe('primary');
    expect(statusTagType('pending')).toBe('warning');
    expect(statusTagType('awaiting_acceptance')).toBe('warning');
  });
});

describe('changes under the caller', () => {
  it('recognises the server’s CONFLICT (someone changed the record meanwhile)', () => {
    expect(isConflict({ data: { code: 'CONFLICT', httpStatus: 409 } })).toBe(true);
    expect(isConflict({ data: { code: 'BAD_REQUEST' } })).toBe(false);
    expect(isConflict(new Error('network'))).toBe(false);
    expect(isConflict(null)).toBe(false);
  });
});
