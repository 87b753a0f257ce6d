import { z } from 'zod';

/**
 * zod's own messages are English ("Invalid input: expected number, received string"). Every schema that has no
 * message of its own gets one from here instead, in Chinese, so no English validation text can reach a user.
 * Forms put the field's label in front (fields.ts), so these say what is wrong, not where.
 */
type Issue = Parameters<NonNullable<Parameters<typeof z.config>[0]>['customError'] & {}>[0];

const KIND: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  array: '列表',
  object: '对象',
  date: '日期',
  bigint: '整数',
};

function sized(origin: string | undefined, bound: unknown, more: boolean, inclusive: boolean | undefined): string {
  const n = String(bound);
  const edge = inclusive === false ? (more ? '应大于' : '应小于') : more ? '不能小于' : '不能大于';
  if (origin === 'string') return more ? `至少${n}个字` : `最多${n}个字`;
  if (origin === 'array' || origin === 'set') return more ? `至少${n}项` : `最多${n}项`;
  if (origin === 'date') return `${more ? '不能早于' : '不能晚于'}${n}`;
  return `${edge}${n}`;
}

export function chineseMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '不能为空';
      return `应为${KIND[issue.expected] ?? '有效的值'}`;
    case 'too_small':
      return sized(issue.origin, issue.minimum, true, issue.inclusive);
    case 'too_big':
      return sized(issue.origin, issue.maximum, false, issue.inclusive);
    case 'invalid_format':
      return '格式不正确';
    case 'not_multiple_of':
      return `应为${String(issue.divisor)}的倍数`;
    case 'unrecognized_keys':
      return `含有不认识的字段：${issue.keys.join('、')}`;
    case 'invalid_value':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return '取值无效';
    default:
      return '输入无效';
  }
}

z.config({ customError: (issue) => chineseMessage(issue) });
