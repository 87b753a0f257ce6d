import { describe, expect, it } from 'vitest';
import { fieldLabel, labelledMessage, namesField } from './fields.ts';

// Issue 11 §2: a validation error comes back as "a 4xx whose Chinese message names that field".
describe('field labels', () => {
  it('finds a label by the full path first, then by the field name', () => {
    expect(fieldLabel(['task', 'milestones', 3, 'title'])).toBe('节点名称');
    expect(fieldLabel(['task', 'title'])).toBe('任务名称');
    expect(fieldLabel(['title'])).toBe('标题');
    expect(fieldLabel(['report', 'period'])).toBe('报告期');
    expect(fieldLabel(['nonsense'])).toBeUndefined();
  });
  it('puts the label in front of a message that does not name its field', () => {
    expect(labelledMessage(['title'], '不能为空')).toBe('标题：不能为空');
    expect(labelledMessage(['fileName'], '文件名最多255个字')).toBe('文件名最多255个字');
    expect(labelledMessage(['nonsense'], '不能为空')).toBe('不能为空');
    // The text type's own label is the more precise one: a note is 活动情况 here, 报送内容 elsewhere.
    expect(labelledMessage(['note'], '活动情况最多500个字')).toBe('活动情况最多500个字');
    expect(namesField(['note'], '活动情况最多500个字')).toBe(true);
    expect(namesField(['note'], '取值无效')).toBe(false);
  });
});
