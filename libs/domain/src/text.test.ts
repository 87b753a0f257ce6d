import { describe, expect, it } from 'vitest';
import { compactText, isSafeText, textField } from './text.ts';

describe('text', () => {
  it('compacts codes typed with full-width digits and stray spaces', () => {
    expect(compactText(' ４３０４ 22\u200b ')).toBe('430422');
  });
  // security.md §5.1 姓名/text corpus: NUL (PostgreSQL text rejects it → a 500 unless validated), lone surrogates.
  it('refuses NUL, control characters and lone surrogates, keeps real text', () => {
    for (const bad of ['a\u0000b', '\u0007', 'x\uD800', '\uDC00y']) expect(isSafeText(bad)).toBe(false);
    for (const good of ['阿卜杜·热合曼', '𠮷野家', "'; DROP TABLE students;--", '<script>alert(1)</script>', '{{7*7}}', 'a\tb\nc']) {
      expect(isSafeText(good)).toBe(true);
    }
  });
  it('gives a field error in Chinese', () => {
    const name = textField(10, '学校名称');
    expect(name.safeParse('x'.repeat(11)).error?.issues[0]?.message).toBe('学校名称最多10个字');
    expect(name.safeParse('a\u0000').error?.issues[0]?.message).toBe('学校名称含有不可见的控制字符或无效字符');
    expect(name.parse('  衡南县  ')).toBe('衡南县');
  });
});
