import { describe, expect, it } from 'vitest';
import { leverCensus, leverEffect, LeverInput, LeverStepInput, projectedCounts, LEVER_WORKFLOW as wf } from './levers.ts';

const county = { level: 'county' as const, username: 'hengnan' };

describe('levers that lower the private share', () => {
  it('take the whole school for 转为公办, 转设 and 终止; the number entered (at most the school’s) for the others', () => {
    expect(leverEffect({ kind: 'to_public', students: null }, 1200, 'public')).toBe(1200);
    expect(leverEffect({ kind: 'terminate', students: 5 }, 1200, 'public')).toBe(1200);
    expect(leverEffect({ kind: 'reduce_plan', students: 150 }, 1200, 'public')).toBe(150);
    expect(leverEffect({ kind: 'purchase', students: 2000 }, 1200, 'public')).toBe(1200);
    expect(leverEffect({ kind: 'purchase', students: 300 }, 1200, 'private')).toBe(0);
  });

  it('show in the census after their completion date, or the year planned; a dropped one never', () => {
    expect(leverCensus({ status: 'done', plannedYear: '2022-2023', doneOn: '2021-07-01' })).toBe('2021-2022');
    expect(leverCensus({ status: 'planned', plannedYear: '2023-2024', doneOn: null })).toBe('2023-2024');
    expect(leverCensus({ status: 'dropped', plannedYear: '2022-2023', doneOn: null })).toBeNull();
  });

  it('project the share beyond the latest census, each school once, done apart from planned', () => {
    const census = { privateStudents: 2000, totalStudents: 10_000 };
    const levers = [
      { schoolId: 1, status: 'done' as const, plannedYear: '2021-2022', doneOn: '2021-08-01', effect: 800 }, // already in the 2021 census
      { schoolId: 2, status: 'done' as const, plannedYear: '2022-2023', doneOn: '2022-06-30', effect: 600 },
      { schoolId: 2, status: 'planned' as const, plannedYear: '2022-2023', doneOn: null, effect: 200 },
      { schoolId: 3, status: 'planned' as const, plannedYear: '2023-2024', doneOn: null, effect: 500 },
      { schoolId: 4, status: 'dropped' as const, plannedYear: '2022-2023', doneOn: null, effect: 900 },
    ];
    const p = projectedCounts(census, '2021-2022', levers);
    expect(p.done).toEqual({ privateStudents: 1400, totalStudents: 10_000 });
    expect(p.all).toEqual({ privateStudents: 900, totalStudents: 10_000 });
    expect(p.projectedShare).toBeCloseTo(0.09);
  });

  it('is completed with a date or dropped with a reason, by the county or the city', () => {
    expect(wf.allowed({ state: 'planned' }, county)).toEqual(['complete']);
    expect(wf.corrections({ state: 'planned' }, county)).toEqual(['drop']);
    expect(wf.allowed({ state: 'planned' }, { level: 'school', username: 's' })).toEqual([]);
    expect(LeverStepInput.safeParse({ id: 1, expectedVersion: 1, action: 'complete' }).error?.issues[0]).toMatchObject({
      path: ['doneOn'],
      message: '请填写完成日期',
    });
    expect(LeverInput.safeParse({ schoolId: 1, kind: 'reduce_plan', plannedYear: '2022-2023' }).error?.issues[0]).toMatchObject({
      path: ['students'],
      message: '“招生计划压减”请填写影响的在校生数',
    });
    expect(LeverInput.safeParse({ schoolId: 1, kind: 'to_public', plannedYear: '2022-2023' }).success).toBe(true);
  });
});
