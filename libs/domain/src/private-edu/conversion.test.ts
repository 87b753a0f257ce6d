import { describe, expect, it } from 'vitest';
import { HENGYANG_TARGETS_2022 as T } from '../hengyang/targets.ts';
import {
  conversionCase,
  ConversionInput,
  conversionStanding,
  tasksDoneOf,
  TeacherPlaceInput,
  TeacherPlacementInput,
  CONVERSION_WORKFLOW as wf,
} from './conversion.ts';

const county = { level: 'county' as const, username: 'hengnan' };
const city = { level: 'city' as const, username: 'privedu' };
const base = { submittedBy: 'hengnan', disposal: 'to_public', plan: '随校转公，资产划转县教育局', tasksDone: 4, teachersUnplaced: 0 };

describe('公参民 conversion cases', () => {
  it('run 摸底 → 县级方案 → 市级审核 (退回 with a reason) → 实施 → 完成 → 市级验收', () => {
    expect(wf.allowed(conversionCase({ ...base, status: 'surveyed', submittedBy: null }), county)).toEqual(['submit_plan']);
    expect(wf.refusal(conversionCase({ ...base, status: 'surveyed', plan: null }), 'submit_plan', county)).toBe('请先填写县级方案');
    expect(wf.allowed(conversionCase({ ...base, status: 'under_review' }), city)).toEqual(['approve_plan', 'return_plan']);
    expect(wf.refusal(conversionCase({ ...base, status: 'under_review' }), 'return_plan', city, { reason: '' })).toBe('请填写退回原因');
    expect(wf.next('return_plan', 'under_review')).toBe('surveyed');
    expect(wf.next('approve_plan', 'under_review')).toBe('implementing');
    expect(wf.next('accept', 'completed')).toBe('accepted');
    expect(wf.finalStates).toEqual(['accepted']);
  });

  it('cannot complete while an affected teacher is unplaced or the checklist is open', () => {
    const implementing = { ...base, status: 'implementing' as const };
    expect(wf.refusal(conversionCase({ ...implementing, teachersUnplaced: 1 }), 'complete', county)).toBe(
      '还有受影响的教师未安置，不能确认完成',
    );
    expect(wf.refusal(conversionCase({ ...implementing, tasksDone: 3 }), 'complete', county)).toMatch(/实施事项尚未全部完成/);
    expect(wf.refusal(conversionCase(implementing), 'complete', county)).toBeNull();
  });

  it('counts a school converted only for 转为公办 reaching 完成, on time by 2022-06-30', () => {
    expect(T.gongCanMinDeadline).toBe('2022-06-30');
    const s = (status: 'implementing' | 'completed', disposal: string, completedOn: string | null, today = '2022-12-01') =>
      conversionStanding({ status, disposal, completedOn }, T.gongCanMinDeadline, today);
    expect(s('completed', 'to_public', '2022-06-30')).toEqual({ converted: true, onTime: true, overdue: false });
    expect(s('completed', 'to_public', '2022-07-01')).toEqual({ converted: true, onTime: false, overdue: true });
    expect(s('completed', 'withdraw', '2022-05-01')).toEqual({ converted: false, onTime: false, overdue: false });
    expect(s('implementing', 'to_public', null, '2022-06-30')).toEqual({ converted: false, onTime: false, overdue: false });
    expect(s('implementing', 'to_public', null, '2022-07-01').overdue).toBe(true);
  });

  it('lets only type-3 schools stay private; types 1 and 2 must become public', () => {
    const input = { schoolId: 1, type: 'with_government', publicPartner: '衡南县第一中学', disposal: 'withdraw' };
    expect(ConversionInput.safeParse(input).error?.issues[0]).toMatchObject({
      path: ['disposal'],
      message: '“与地方政府及相关机构合作举办”的学校应转为公办',
    });
    expect(ConversionInput.safeParse({ ...input, type: 'with_private' }).success).toBe(true);
  });

  it('asks a placement for its date, and a date for its placement', () => {
    const t = { caseId: 1, name: '张老师', idNumber: '430422198001010011', staffStatus: 'in_quota' };
    expect(TeacherPlacementInput.safeParse({ ...t, placement: 'other_public' }).error?.issues[0]?.message).toBe('请填写安置日期');
    expect(TeacherPlacementInput.safeParse({ ...t, placedOn: '2022-05-01' }).error?.issues[0]?.message).toBe('请选择安置方式');
    expect(TeacherPlacementInput.safeParse(t).success).toBe(true);
  });
});

describe('公参民 checklist and placement inputs', () => {
  it('counts the ticked checklist items from their dates', () => {
    expect(tasksDoneOf({ assetsOn: '2022-03-01', renameOn: null, legalPersonOn: '2022-03-02', studentsOn: null })).toBe(2);
    expect(tasksDoneOf({ assetsOn: null, renameOn: null, legalPersonOn: null, studentsOn: null })).toBe(0);
  });

  it('requires the placement and its date to place a teacher', () => {
    expect(TeacherPlaceInput.safeParse({ id: 1, expectedVersion: 1, placement: 'other_public', placedOn: '2022-05-01' }).success).toBe(
      true,
    );
    const r = TeacherPlaceInput.safeParse({ id: 1, expectedVersion: 1, placedOn: '2022-05-01' });
    expect(r.success ? null : r.error.issues[0]?.message).toBe('请选择安置方式');
  });
});
