import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import './zod-messages.ts';

// Issue 11 §2: "88 validation messages reached users in English" — a schema without its own message speaks Chinese.
const message = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;

describe('zod messages in Chinese', () => {
  it('says what is wrong for every kind of problem', () => {
    expect(message(z.object({ a: z.number() }), {})).toBe('不能为空');
    expect(message(z.number(), '1')).toBe('应为数字');
    expect(message(z.string(), 1)).toBe('应为文本');
    expect(message(z.number().int(), 1.5)).toBe('应为整数');
    expect(message(z.number().max(5), 6)).toBe('不能大于5');
    expect(message(z.number().positive(), 0)).toBe('应大于0');
    expect(message(z.string().max(3), 'abcd')).toBe('最多3个字');
    expect(message(z.string().min(2), 'a')).toBe('至少2个字');
    expect(message(z.array(z.number()).max(2), [1, 2, 3])).toBe('最多2项');
    expect(message(z.string().regex(/^a$/), 'b')).toBe('格式不正确');
    expect(message(z.enum(['a', 'b']), 'c')).toBe('取值无效');
    expect(message(z.object({}).strict(), { x: 1 })).toBe('含有不认识的字段：x');
    expect(message(z.union([z.literal('all'), z.array(z.string())]), 3)).toBe('取值无效');
  });
  it('leaves no message in English', () => {
    const schemas: [z.ZodType, unknown][] = [
      [z.iso.datetime(), 'x'],
      [z.boolean(), 'x'],
      [z.number().multipleOf(5), 3],
      [z.string().refine(() => false), 'x'],
      [z.record(z.string().regex(/^a/), z.number()), { b: 1 }],
    ];
    for (const [schema, value] of schemas) expect(message(schema, value)).toMatch(/^[^A-Za-z]*$/);
  });
});
