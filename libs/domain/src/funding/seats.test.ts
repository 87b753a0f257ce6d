import { describe, expect, it } from 'vitest';
import { HENGYANG_NAMED_PROJECTS_2022, HENGYANG_SEAT_WINDOW_2022, HENGYANG_TARGETS_2022 } from '../hengyang/index.ts';
import { allocationRefusal, milestoneDelay, milestoneRefusal, planRefusal, projectSchedule, seatsDelivered, stageOf } from './seats.ts';

const plan = { approved: '2022-01-10', started: '2022-03-01', topped_out: '2022-07-01', accepted: '2022-10-01', in_use: '2022-11-01' };

describe('学位建设 (第9项 “高标准完成33730个学位建设任务”)', () => {
  it('takes the target from the seed', () => {
    expect(HENGYANG_TARGETS_2022.seatConstructionTarget).toBe(33_730);
  });

  it('requires the allocation to add up to 33,730 exactly, once per unit, sector and area', () => {
    const units = ['430422', '430481'];
    const rows = [
      { unitCode: '430422', sector: 'general' as const, area: 'urban' as const, seats: 20_000 },
      { unitCode: '430481', sector: 'vocational' as const, area: 'rural' as const, seats: 13_730 },
    ];
    expect(allocationRefusal(rows, 33_730, units)).toBeNull();
    expect(allocationRefusal([rows[0]!, { ...rows[1]!, seats: 13_729 }], 33_730, units)).toEqual({
      field: 'rows',
      message: '分配合计33,729个，应等于目标33,730个',
    });
    expect(allocationRefusal([rows[0]!, rows[0]!], 33_730, units)?.message).toBe('同一单位、类别和城乡只能分配一次');
    expect(allocationRefusal([{ ...rows[0]!, unitCode: '430500' }], 33_730, units)?.field).toBe('rows.0.unitCode');
  });

  it('counts places delivered only at 投入使用 within the plan window', () => {
    const w = HENGYANG_SEAT_WINDOW_2022;
    expect(seatsDelivered({ inUseOn: '2022-09-01', deliveredSeats: 1_350 }, w)).toBe(1_350);
    expect(seatsDelivered({ inUseOn: '2021-12-31', deliveredSeats: 1_350 }, w)).toBe(0);
    expect(seatsDelivered({ inUseOn: '2022-12-31', deliveredSeats: 1_350 }, w)).toBe(1_350);
    expect(seatsDelivered({ inUseOn: null, deliveredSeats: null }, w)).toBe(0);
  });

  it('plans every milestone of the kind in order (购买学位: 立项 and 投入使用 only)', () => {
    expect(planRefusal('new_build', plan)).toBeNull();
    expect(planRefusal('new_build', { ...plan, started: '2022-01-01' })?.field).toBe('planned.started');
    expect(planRefusal('new_build', { ...plan, accepted: undefined })?.message).toBe('请填写竣工验收的计划日期');
    expect(planRefusal('purchase', { approved: '2022-02-01', in_use: '2022-09-01' })).toBeNull();
    expect(planRefusal('purchase', { approved: '2022-02-01', started: '2022-03-01', in_use: '2022-09-01' })?.field).toBe('planned.started');
  });

  it('records milestones in order, not in the future, with the places at 投入使用', () => {
    const p = { kind: 'new_build' as const, plannedSeats: 1_000, reached: { approved: '2022-01-10' } };
    const today = '2022-11-30';
    expect(milestoneRefusal(p, { milestone: 'started', on: '2022-03-02' }, today)).toBeNull();
    expect(milestoneRefusal(p, { milestone: 'topped_out', on: '2022-07-02' }, today)?.message).toBe('请先记录开工');
    expect(milestoneRefusal(p, { milestone: 'started', on: '2022-01-09' }, today)?.field).toBe('on');
    expect(milestoneRefusal(p, { milestone: 'started', on: '2022-12-01' }, today)?.message).toBe('完成日期不能晚于今天');
    expect(milestoneRefusal(p, { milestone: 'approved', on: '2022-01-10' }, today)?.message).toBe('立项已记录');
    const all = { ...p, reached: { ...plan, in_use: undefined } };
    expect(milestoneRefusal(all, { milestone: 'in_use', on: '2022-11-02' }, today)?.field).toBe('deliveredSeats');
    expect(milestoneRefusal({ ...all, plannedSeats: 0 }, { milestone: 'in_use', on: '2022-11-02' }, today)).toBeNull();
  });

  it('is late when a planned date has passed without the milestone', () => {
    expect(projectSchedule('new_build', plan, { approved: '2022-01-10', started: '2022-03-05' }, '2022-07-10')).toEqual({
      state: 'late',
      milestone: 'topped_out',
      lateDays: 9,
    });
    expect(projectSchedule('new_build', plan, { approved: '2022-01-10', started: '2022-03-05' }, '2022-07-01')).toEqual({
      state: 'on_schedule',
      milestone: 'topped_out',
      lateDays: 0,
    });
    expect(projectSchedule('new_build', plan, plan, '2022-11-30').state).toBe('done');
    expect(milestoneDelay('2022-03-01', '2022-03-05')).toBe(4);
    expect(milestoneDelay('2022-03-01', '2022-02-25')).toBe(0);
    expect(stageOf('new_build', { approved: '2022-01-10', started: '2022-03-05' })).toBe('started');
    expect(stageOf('purchase', {})).toBeNull();
  });

  it('names the seven projects of the plan, two of them without places, one under item 12', () => {
    expect(HENGYANG_NAMED_PROJECTS_2022.map((p) => p.name)).toContain('衡钢中学初中部新建');
    expect(HENGYANG_NAMED_PROJECTS_2022.filter((p) => !p.addsSeats).map((p) => p.name)).toEqual([
      '市五中后勤综合楼',
      '市职业中专女生宿舍扩建',
    ]);
    expect(HENGYANG_NAMED_PROJECTS_2022.filter((p) => p.itemNo === 12)).toHaveLength(1);
  });
});
