import { describe, expect, it } from 'vitest';
import { HENGYANG_TARGETS_2022 } from '../hengyang/targets.ts';
import { beijingDate, milestoneState, PlanTask, weekOf } from './tasks.ts';

describe('milestones', () => {
  it('the 公参民 deadline (seed item 5: “6月底前将‘公参民’学校全部转为公办”) is on time on 2022-06-30 and overdue on 07-01', () => {
    const m = { due: HENGYANG_TARGETS_2022.gongCanMinDeadline, doneOn: null };
    expect(milestoneState(m, '2022-06-30')).toBe('due_this_week');
    expect(milestoneState(m, '2022-07-01')).toBe('overdue');
    expect(milestoneState({ ...m, doneOn: '2022-07-05' }, '2022-08-01')).toBe('done');
    expect(milestoneState(m, '2022-06-01')).toBe('upcoming');
  });

  it('weeks run Monday to Sunday', () => {
    expect(weekOf('2022-06-30')).toEqual({ monday: '2022-06-27', sunday: '2022-07-03' }); // a Thursday
    expect(weekOf('2022-07-03')).toEqual({ monday: '2022-06-27', sunday: '2022-07-03' }); // the Sunday
    expect(weekOf('2022-06-27')).toEqual({ monday: '2022-06-27', sunday: '2022-07-03' }); // the Monday
  });

  it('today is the Beijing date: 2022-12-31 16:30 UTC is already 2023-01-01 in 衡阳', () => {
    expect(beijingDate(new Date('2022-12-31T15:59:59Z'))).toBe('2022-12-31');
    expect(beijingDate(new Date('2022-12-31T16:30:00Z'))).toBe('2023-01-01');
  });
});

describe('tasks', () => {
  const task = {
    code: '5.1',
    itemNo: 5,
    title: '“公参民”学校转为公办',
    lead: 'private-edu',
    coOwners: ['personnel'],
    units: 'all',
    milestones: [{ title: '全部转为公办', due: '2022-06-30' }],
  };
  it('a valid task parses', () => expect(PlanTask.safeParse(task).success).toBe(true));
  it('its code starts with its item; the lead is not also a co-owner; it has a milestone', () => {
    expect(PlanTask.safeParse({ ...task, code: '4.1' }).error?.issues[0]?.message).toBe('任务编号应以所属事项号开头');
    expect(PlanTask.safeParse({ ...task, coOwners: ['private-edu'] }).error?.issues[0]?.message).toBe('牵头科室不能同时是配合科室');
    expect(PlanTask.safeParse({ ...task, milestones: [] }).error?.issues[0]?.message).toBe('每项任务至少要有一个时间节点');
    expect(PlanTask.safeParse({ ...task, milestones: [{ title: 'x', due: '2022-02-30' }] }).success).toBe(false);
  });
});
