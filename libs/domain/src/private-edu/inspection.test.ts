import { describe, expect, it } from 'vitest';
import {
  ALL_INSPECTION_GRADES,
  approvingAuthority,
  authorityRefusal,
  DEFAULT_INSPECTION_GRADES,
  enrolmentStoppedYear,
  gradeLabel,
  gradeScaleLabel,
  INSPECTION_GRADE_SCALES,
  INSPECTION_GRADED_STATES,
  INSPECTION_TAKEN_PART_STATES,
  inspectionCase,
  InspectionConclusionInput,
  InspectionOpinionRequest,
  inspectionOverdue,
  inspectionYearOf,
  opinionsComplete,
  PASS_DEFER_FAIL_GRADES,
  INSPECTION_WORKFLOW as wf,
} from './inspection.ts';

const school = { level: 'school' as const, username: 'minban' };
const county = { level: 'county' as const, username: 'hengnan' };
const base = { submittedBy: 'minban', materials: '年检自查报告：办学规范', siteVisit: '实地查看无异常', opinionsComplete: true };

describe('民办学校年检', () => {
  it('is run by the approving authority: the county for kindergartens and compulsory schools, the city for 高中阶段', () => {
    for (const level of ['kindergarten', 'primary', 'junior', 'nine_year'] as const) expect(approvingAuthority(level)).toBe('county');
    for (const level of ['senior', 'complete_middle', 'vocational'] as const) expect(approvingAuthority(level)).toBe('city');
    expect(approvingAuthority('primary', true)).toBe('city');
    expect(authorityRefusal('city', 'county')).toBe('该校由县市区教育局审批，年检由县市区教育局办理');
    expect(authorityRefusal('county', 'city')).toBe('该校由市教育局审批，年检由市教育局办理');
    expect(authorityRefusal('county', 'county')).toBeNull();
  });

  it('runs 材料待提交 → 初审 (退回 with a reason) → 联审 → 整改 → 复审 (退回) → 已出结论 → 已公示', () => {
    const at = (status: Parameters<typeof inspectionCase>[0]['status'], over = {}) => inspectionCase({ ...base, status, ...over });
    expect(wf.allowed(at('materials'), school)).toEqual(['submit']);
    expect(wf.refusal(at('materials', { materials: null }), 'submit', school)).toBe('请先填写年检自查报告');
    expect(wf.allowed(at('materials'), county)).toEqual([]);
    expect(wf.allowed(at('preliminary'), county)).toEqual(['return_materials', 'request_opinions']);
    expect(wf.refusal(at('preliminary'), 'return_materials', county, { reason: '' })).toBe('请填写退回补充材料原因');
    expect(wf.next('return_materials', 'preliminary')).toBe('materials');
    expect(wf.next('request_opinions', 'preliminary')).toBe('joint_review');
    expect(wf.allowed(at('joint_review'), county)).toEqual(['issue_notice', 'conclude']);
    expect(wf.allowed(at('rectifying'), school)).toEqual(['submit_report']);
    expect(wf.allowed(at('rechecking'), county)).toEqual(['conclude', 'return_report']);
    expect(wf.next('return_report', 'rechecking')).toBe('rectifying');
    expect(wf.next('publish', 'concluded')).toBe('published');
    expect(wf.finalStates).toEqual(['published']);
  });

  it('cannot close 联审 while an asked 科室 has not answered', () => {
    const pending = inspectionCase({ ...base, status: 'joint_review', opinionsComplete: false });
    expect(wf.refusal(pending, 'issue_notice', county)).toBe('还有科室未提出联审意见，不能结束联审');
    expect(wf.refusal(pending, 'conclude', county)).toBe('还有科室未提出联审意见，不能结束联审');
    expect(opinionsComplete([{ verdict: 'agree' }, { verdict: null }])).toBe(false);
    expect(opinionsComplete([{ verdict: 'agree' }, { verdict: 'concerns' }])).toBe(true);
    expect(opinionsComplete([])).toBe(false);
  });

  it('grades on a configurable scale: 不合格 stops next year’s enrolment', () => {
    expect(DEFAULT_INSPECTION_GRADES.map((g) => g.zh)).toEqual(['优秀', '良好', '合格', '不合格']);
    expect(enrolmentStoppedYear('fail', 2022)).toBe(2023);
    expect(enrolmentStoppedYear('pass', 2022)).toBeNull();
    expect(enrolmentStoppedYear(null, 2022)).toBeNull();
    expect(enrolmentStoppedYear('deferred', 2022, PASS_DEFER_FAIL_GRADES)).toBeNull();
    expect(enrolmentStoppedYear('fail', 2022, PASS_DEFER_FAIL_GRADES)).toBe(2023);
    expect(InspectionConclusionInput.safeParse({ id: 1, expectedVersion: 1, grade: '' }).error?.issues[0]?.message).toBe('请选择年检结论');
  });

  it('is overdue when the 整改 deadline has passed without a report', () => {
    expect(inspectionOverdue({ status: 'rectifying', rectifyBy: '2022-06-30' }, '2022-07-01')).toBe(true);
    expect(inspectionOverdue({ status: 'rectifying', rectifyBy: '2022-06-30' }, '2022-06-30')).toBe(false);
    expect(inspectionOverdue({ status: 'rechecking', rectifyBy: '2022-06-30' }, '2022-07-01')).toBe(false);
  });

  it('asks at least one 科室, each once', () => {
    const ask = (departments: string[]) =>
      InspectionOpinionRequest.safeParse({ id: 1, expectedVersion: 1, siteVisit: '实地查看无异常', departments }).error?.issues[0]?.message;
    expect(ask([])).toBe('至少选择一个联审科室');
    expect(ask(['safety', 'safety'])).toBe('联审科室不能重复');
    expect(ask(['safety', 'party'])).toBeUndefined();
  });

  it('counts a school in its year’s 年检 once it has submitted its materials, and as graded once concluded', () => {
    expect(inspectionYearOf('2022-11-30')).toBe(2022);
    expect(inspectionYearOf('2023-01-01')).toBe(2023);
    expect(INSPECTION_TAKEN_PART_STATES).not.toContain('materials');
    expect(INSPECTION_TAKEN_PART_STATES).toContain('preliminary');
    expect(INSPECTION_TAKEN_PART_STATES).toContain('published');
    expect([...INSPECTION_GRADED_STATES].sort()).toEqual(['concluded', 'published']);
  });

  it('offers two grade scales; a grade of either keeps its label after the scale changes', () => {
    expect(gradeScaleLabel('standard')).toBe('优秀 / 良好 / 合格 / 不合格');
    expect(gradeScaleLabel('pass_defer_fail', 'en')).toBe('Pass / Deferred / Fail');
    expect(ALL_INSPECTION_GRADES.map((g) => g.key)).toEqual(['excellent', 'good', 'pass', 'fail', 'deferred']);
    expect(gradeLabel('deferred')).toBe('暂缓通过');
    expect(gradeLabel('excellent', 'en')).toBe('Excellent');
    expect(gradeLabel(null)).toBeNull();
    // Only 不合格 stops enrolment, on either scale.
    for (const scale of Object.values(INSPECTION_GRADE_SCALES)) expect(scale.filter((g) => g.failing).map((g) => g.key)).toEqual(['fail']);
  });
});
