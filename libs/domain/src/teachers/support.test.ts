import { describe, expect, it } from 'vitest';
import { gateRefusal } from './gate.ts';
import { dispatchRefusal, needFill, needOpen, needRefusal, SupportNeedInput } from './support.ts';

const need = { schoolId: 7, needed: 2, startsOn: '2022-09-01', endsOn: '2023-07-15' };
const dispatch = { need, dispatched: 0, teacher: { inPost: true, schoolId: 3 }, startsOn: '2022-09-01', endsOn: '2023-01-15' };

describe('支教 (seed item 18: 精准选派受援学校急需的支教教师)', () => {
  it('a need is stated for a school year, its period within it', () => {
    const n = { schoolYear: '2022-2023', startsOn: '2022-09-01', endsOn: '2023-07-15', needed: 2 };
    expect(needRefusal(n)).toBeNull();
    expect(needRefusal({ ...n, endsOn: '2022-09-01' })).toMatchObject({ field: 'endsOn' });
    expect(needRefusal({ ...n, endsOn: '2023-09-01' })).toMatchObject({
      field: 'startsOn',
      message: expect.stringContaining('2022-2023学年'),
    });
    expect(needRefusal(n, 3)).toEqual({ field: 'needed', message: '已派遣3人，需求人数不能少于已派遣人数' });
    const bad = SupportNeedInput.safeParse({
      schoolId: 1,
      schoolYear: '2022',
      subject: '',
      schoolStage: 'x',
      needed: 0,
      startsOn: 'x',
      endsOn: '2023-01-01',
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining(['学年应为“2021-2022”格式', '请选择学段', '需求人数至少为1']),
    );
  });

  it('the fill is dispatched ÷ needed; a need stays open until filled', () => {
    expect(needFill(1, 2)).toBe(0.5);
    expect(needFill(2, 2)).toBe(1);
    expect(needOpen(1, 2)).toBe(true);
    expect(needOpen(2, 2)).toBe(false);
  });

  it("refuses a dispatch beyond the need, of a teacher not in post or to their own school, outside the need's period", () => {
    expect(dispatchRefusal(dispatch)).toBeNull();
    expect(dispatchRefusal({ ...dispatch, dispatched: 2 })).toEqual({ field: 'needId', message: '该需求已派满（需2人）' });
    expect(dispatchRefusal({ ...dispatch, teacher: { inPost: false, schoolId: 3 } })).toMatchObject({ field: 'staffId' });
    expect(dispatchRefusal({ ...dispatch, teacher: { inPost: true, schoolId: 7 } })).toEqual({
      field: 'staffId',
      message: '受援学校就是该教师所在学校，不能派遣',
    });
    expect(dispatchRefusal({ ...dispatch, endsOn: '2023-08-01' })).toMatchObject({ field: 'startsOn' });
    expect(dispatchRefusal({ ...dispatch, overlapping: true })).toMatchObject({ field: 'staffId', message: '该教师在此期间已有支教派遣' });
  });

  it('a dispatch passes the entry gate: a recent clear 准入查询 and no standing 黑名单 entry', () => {
    const clear = { queriedOn: '2022-08-20', result: 'clear' as const };
    expect(gateRefusal({ kind: 'support', query: clear, blacklist: [], entersOn: '2022-09-01' })).toBeNull();
    expect(gateRefusal({ kind: 'support', query: null, blacklist: [], entersOn: '2022-09-01' })).toBe('no_query');
    expect(gateRefusal({ kind: 'support', query: { ...clear, queriedOn: '2022-05-01' }, blacklist: [], entersOn: '2022-09-01' })).toBe(
      'query_stale',
    );
    expect(gateRefusal({ kind: 'support', query: clear, blacklist: [{ from: '2021-01-01', until: null }], entersOn: '2022-09-01' })).toBe(
      'blacklisted',
    );
  });
});
