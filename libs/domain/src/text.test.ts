import { describe, expect, it } from 'vitest';
import { compactText, hasVisibleText, isSafeText, requiredText, textField } from './text.ts';

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

// Issue 11 §2: "right-to-left overrides anywhere" and "text made only of zero-width characters in required fields" are refused.
describe('text that hides what it is', () => {
  it('refuses bidi embedding, override and isolate controls anywhere', () => {
    for (const bad of ['invoice\u202Efdp.exe', '\u202A', '\u202B', '\u202C', '\u202D', 'a\u2066b', '\u2067', '\u2068', '\u2069']) {
      expect(isSafeText(bad), JSON.stringify(bad)).toBe(false);
    }
    expect(isSafeText('عربي English 中文')).toBe(true);
  });
  it('refuses text made only of zero-width characters and spaces', () => {
    const title = textField(10, '标题');
    expect(title.safeParse('\u200b\u200c\u200d').error?.issues[0]?.message).toBe('标题不能只含空白或不可见字符');
    expect(title.safeParse('\u2060\u3000\u200b').success).toBe(false);
    expect(title.parse('   ')).toBe('');
    expect(hasVisibleText('\u200b标\u200b')).toBe(true);
    expect(requiredText(10, '标题').safeParse('').error?.issues[0]?.message).toBe('请填写标题');
    expect(requiredText(10, '标题', 2).safeParse('标').error?.issues[0]?.message).toBe('标题至少2个字');
  });
  it('refuses a value that is not text with a Chinese message naming the field', () => {
    expect(textField(10, '标题').safeParse(1).error?.issues[0]?.message).toBe('标题应为文本');
  });
});
