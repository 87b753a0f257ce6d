import { describe, expect, it } from 'vitest';
import { IsoDate } from './date.ts';
import { DateTime, MAX_MILESTONES_PER_TASK, PlanTask, RecordId, ReportPeriod } from './index.ts';

// Issue 11 §2: "ids at or above 2³¹, the date 0000-01-01" gave 500s; "report periods 0000-01 and 9999-12, 5,000 milestones
// on one task" were accepted. Each is refused on its field, in Chinese.
describe('bounds', () => {
  it('record ids are positive integers below 2³¹ (PostgreSQL integer)', () => {
    expect(RecordId.safeParse(2 ** 31 - 1).success).toBe(true);
    for (const bad of [2 ** 31, 0, -1, 1.5, Number.NaN]) expect(RecordId.safeParse(bad).success, String(bad)).toBe(false);
    expect(RecordId.safeParse(2 ** 31).error?.issues[0]?.message).toBe('记录编号超出范围');
  });
  it('dates are real calendar dates between 1900 and 2100', () => {
    for (const good of ['1900-01-01', '2022-06-30', '2100-12-31']) expect(IsoDate.safeParse(good).success, good).toBe(true);
    for (const bad of ['0000-01-01', '1899-12-31', '2101-01-01', '9999-12-31', '2022-02-30'])
      expect(IsoDate.safeParse(bad).success, bad).toBe(false);
    expect(DateTime.safeParse('2022-06-30T08:00:00+08:00').success).toBe(true);
    for (const bad of ['0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2022-02-30T00:00:00Z', '2022-06-30'])
      expect(DateTime.safeParse(bad).success, bad).toBe(false);
  });
  it('report periods are months of the plan years', () => {
    expect(ReportPeriod.safeParse('2022-06').success).toBe(true);
    for (const bad of ['0000-01', '9999-12', '2022-13', '2022-6']) expect(ReportPeriod.safeParse(bad).success, bad).toBe(false);
  });
  it(`a task has at most ${MAX_MILESTONES_PER_TASK} milestones`, () => {
    const task = (n: number) => ({
      code: '1.1',
      itemNo: 1,
      title: '任务',
      lead: 'office',
      units: 'all',
      milestones: Array.from({ length: n }, () => ({ title: '节点', due: '2022-06-30' })),
    });
    expect(PlanTask.safeParse(task(MAX_MILESTONES_PER_TASK)).success).toBe(true);
    expect(PlanTask.safeParse(task(5_000)).error?.issues[0]?.message).toBe(`每项任务最多${MAX_MILESTONES_PER_TASK}个时间节点`);
  });
});
