import { describe, expect, it } from 'vitest';
import { defineWorkflow, describeWorkflow, stateLabels } from './workflow.ts';

// A small review loop, as a module would declare one: a school submits, the county reviews or returns with a reason.
const report = defineWorkflow({
  key: 'test.report',
  noun: { zh: '报告', en: 'report' },
  states: ['draft', 'submitted', 'reviewed', 'voided'],
  stateLabels: {
    draft: { zh: '草稿', en: 'Draft' },
    submitted: { zh: '待审核', en: 'Submitted' },
    reviewed: { zh: '已审核', en: 'Reviewed' },
    voided: { zh: '已作废', en: 'Voided' },
  },
  initial: 'draft',
  turn: { draft: ['school'], submitted: ['county'], reviewed: [], voided: [] },
  steps: {
    submit: {
      label: { zh: '提交', en: 'Submit' },
      from: ['draft'],
      to: 'submitted',
      by: ['school'],
      evidence: { slot: 'scan', message: '请先上传盖章扫描件' },
    },
    review: {
      label: { zh: '审核通过', en: 'Approve' },
      from: ['submitted'],
      to: 'reviewed',
      by: ['county'],
      notBySubmitter: { message: '不能审核自己提交的报告' },
    },
    return: { label: { zh: '退回', en: 'Return' }, from: ['submitted'], to: 'draft', by: ['county'], reason: true },
    note: {
      label: { zh: '补充说明', en: 'Add a note' },
      from: ['draft', 'submitted'],
      by: ['school', 'county'],
      needs: [{ field: 'contact', message: '请先填写联系人' }],
    },
    void: { label: { zh: '作废', en: 'Void' }, from: ['draft', 'submitted'], to: 'voided', by: ['city'], reason: true },
  },
});
const school = { level: 'school' as const, username: 'school' };
const county = { level: 'county' as const, username: 'hengnan' };

describe('a workflow declared as data', () => {
  it('knows its steps, end states and the next state of each step (a step without `to` keeps the state)', () => {
    expect(report.actions).toEqual(['submit', 'review', 'return', 'note', 'void']);
    expect(report.finalStates).toEqual(['reviewed', 'voided']);
    expect(report.next('return', 'submitted')).toBe('draft');
    expect(report.next('note', 'submitted')).toBe('submitted');
    expect(stateLabels(report, 'zh')).toEqual({ draft: '草稿', submitted: '待审核', reviewed: '已审核', voided: '已作废' });
  });

  it('refuses by level, then by state, then for a missing reason, needed field, the submitter, missing evidence — each in Chinese', () => {
    const draft = { state: 'draft' as const, fields: { contact: '王老师' } };
    expect(report.refusal(draft, 'review', school)).toBe('“审核通过”由县区教育局进行');
    expect(report.refusal(draft, 'review', county)).toBe('报告当前为“草稿”，不能审核通过');
    expect(report.refusal({ state: 'submitted' }, 'return', county, {})).toBe('请填写退回原因');
    expect(report.refusal({ state: 'submitted' }, 'return', county, { reason: '  ' })).toBe('请填写退回原因');
    // One character is not a reason, whether the step asks for one or not.
    expect(report.refusal({ state: 'submitted' }, 'return', county, { reason: ' 否 ' })).toBe('退回原因至少写2个字');
    expect(report.refusal({ state: 'submitted' }, 'return', county, { reason: '不符' })).toBeNull();
    expect(report.refusal({ state: 'submitted' }, 'return', county, { reason: '数据有误' })).toBeNull();
    expect(report.refusal({ state: 'draft', fields: { contact: '' } }, 'note', school)).toBe('请先填写联系人');
    expect(report.refusal({ state: 'submitted', submittedBy: 'hengnan' }, 'review', county)).toBe('不能审核自己提交的报告');
    expect(report.refusal(draft, 'submit', school, { files: { scan: 0 } })).toBe('请先上传盖章扫描件');
    expect(report.refusal(draft, 'submit', school, { files: { scan: 1 } })).toBeNull();
  });

  it('without the step’s inputs it answers “may they start it”: the reason and the evidence are asked in the step', () => {
    expect(report.refusal({ state: 'submitted' }, 'return', county)).toBeNull();
    expect(report.refusal({ state: 'draft' }, 'submit', school)).toBeNull();
    expect(report.allowed({ state: 'submitted', submittedBy: 'school', fields: { contact: 'x' } }, county)).toEqual([
      'review',
      'return',
      'note',
    ]);
    expect(report.allowed({ state: 'reviewed' }, county)).toEqual([]);
  });

  it('a step that opens a record is allowed when there is none yet; any other step on no record is refused', () => {
    const opening = defineWorkflow({
      ...report,
      steps: {
        ...report.steps,
        submit: { ...report.steps.submit, opens: true, refusals: { state: { submitted: '该报告已提交，正在等待审核' } } },
      },
    });
    expect(opening.refusal(null, 'submit', school)).toBeNull();
    expect(opening.refusal(null, 'review', county)).toBe('报告不存在');
    expect(opening.refusal({ state: 'submitted' }, 'submit', school)).toBe('该报告已提交，正在等待审核');
    expect(opening.refusal({ state: 'reviewed' }, 'submit', school)).toBe('报告当前为“已审核”，不能提交');
    expect(opening.allowed(null, school)).toEqual(['submit']);
  });

  it('says what a refusal is about: the level (403), the state, a missing input (a field-level 400) or another rule', () => {
    expect(report.refusalOf({ state: 'submitted' }, 'return', county, {})).toMatchObject({ kind: 'input', field: 'reason' });
    expect(report.refusalOf({ state: 'draft' }, 'submit', school, { files: {} })).toMatchObject({ kind: 'input', field: 'scan' });
    expect(report.refusalOf({ state: 'draft' }, 'review', county, {})).toMatchObject({ kind: 'state', field: null });
    expect(report.refusalOf({ state: 'submitted' }, 'review', school, {})).toMatchObject({ kind: 'level', field: null });
    expect(report.refusalOf({ state: 'submitted', submittedBy: 'hengnan' }, 'review', county, {})).toMatchObject({
      kind: 'rule',
      field: null,
    });
  });

  it('whose turn it is, for the 待办 inbox', () => {
    expect(report.awaits('submitted', 'county')).toBe(true);
    expect(report.awaits('submitted', 'school')).toBe(false);
    expect(report.awaits('reviewed', 'county')).toBe(false);
  });

  it('refuses a declaration with an unknown state or a step nobody may take', () => {
    const base = {
      key: 'x',
      noun: { zh: '记录', en: 'record' },
      states: ['a', 'b'] as ['a', 'b'],
      stateLabels: { a: { zh: 'A', en: 'A' }, b: { zh: 'B', en: 'B' } },
      initial: 'a' as const,
      turn: { a: [], b: [] },
    };
    expect(() =>
      defineWorkflow({ ...base, steps: { go: { label: { zh: '走', en: 'Go' }, from: ['a'], to: 'c' as 'b', by: ['school'] } } }),
    ).toThrow(/unknown state c/);
    expect(() => defineWorkflow({ ...base, steps: { go: { label: { zh: '走', en: 'Go' }, from: ['a'], to: 'b', by: [] } } })).toThrow(
      /nobody may take it/,
    );
    expect(() =>
      defineWorkflow({
        ...base,
        steps: { go: { label: { zh: '走', en: 'Go' }, from: ['a'], to: 'b', by: ['county'], reason: true, bulk: true } },
      }),
    ).toThrow(/cannot be taken in bulk/);
  });

  it('reads back as plain data (JSON) for another bureau or a document', () => {
    const data = JSON.parse(JSON.stringify(describeWorkflow(report)));
    expect(data.steps.find((s: { step: string }) => s.step === 'return')).toEqual({
      step: 'return',
      label: { zh: '退回', en: 'Return' },
      from: ['submitted'],
      opens: false,
      to: 'draft',
      by: ['county'],
      reason: true,
      evidence: null,
      needs: [],
      fills: [],
      notBySubmitter: false,
      bulk: false,
      corrective: false,
    });
    expect(data.states[1]).toEqual({ state: 'submitted', label: { zh: '待审核', en: 'Submitted' }, turn: ['county'] });
  });
});
