import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { h } from 'vue';
import FormField from './FormField.vue';

const input = (p: { id: string; describedBy?: string; invalid: boolean }) =>
  h('input', { id: p.id, 'aria-describedby': p.describedBy, 'aria-invalid': p.invalid || undefined });

describe('FormField', () => {
  it('labels its control and ties the hint and the error to it; the error is announced', () => {
    const w = mount(FormField, {
      props: { label: '整改期限', id: 'hz-deadline', hint: '重大隐患不超过30天', error: '不能早于发现日期', optional: '（选填）' },
      slots: { default: input },
    });
    expect(w.get('label').attributes('for')).toBe('hz-deadline');
    expect(w.get('label').text()).toBe('整改期限（选填）');
    expect(w.get('input').attributes('aria-describedby')).toBe('hz-deadline-hint hz-deadline-error');
    expect(w.get('input').attributes('aria-invalid')).toBe('true');
    const error = w.get('.hy-field-error');
    expect({ id: error.attributes('id'), role: error.attributes('role'), text: error.text() }).toEqual({
      id: 'hz-deadline-error',
      role: 'alert',
      text: '不能早于发现日期',
    });
  });

  it("without an error: no message, no aria-invalid; a group is named by the label's id, a required one is marked", () => {
    const w = mount(FormField, {
      props: { label: '隐患等级', id: 'hz-severity', group: true, required: true },
      slots: { default: (p: { labelId: string }) => h('div', { role: 'radiogroup', 'aria-labelledby': p.labelId }) },
    });
    expect(w.find('.hy-field-error').exists()).toBe(false);
    expect(w.find('label').exists()).toBe(false);
    expect(w.get('[role="radiogroup"]').attributes('aria-labelledby')).toBe('hz-severity-label');
    expect(w.get('#hz-severity-label').text()).toBe('隐患等级*');
    expect(w.get('.hy-field__required').attributes('aria-hidden')).toBe('true');
  });
});
