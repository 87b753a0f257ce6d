import { describe, expect, it } from 'vitest';
import { Term, previousTerm, termLabel, termOf } from './terms.ts';

describe('terms (domain.md §2.1: safety profiles “per school per 学期”)', () => {
  it('maps a date to its term: autumn from September through January, spring from February', () => {
    expect(termOf('2022-06-30')).toBe('2021-2022-2');
    expect(termOf('2022-09-01')).toBe('2022-2023-1');
    expect(termOf('2023-01-15')).toBe('2022-2023-1');
    expect(termOf('2023-02-01')).toBe('2022-2023-2');
  });
  it('labels and steps back', () => {
    expect(termLabel('2022-2023-1')).toBe('2022-2023学年第一学期');
    expect(previousTerm('2022-2023-1')).toBe('2021-2022-2');
    expect(previousTerm('2022-2023-2')).toBe('2022-2023-1');
  });
  it('refuses malformed terms in Chinese', () => {
    expect(Term.safeParse('2022-2024-1').error?.issues[0]?.message).toBe('学年的两个年份应相连，如 2022-2023');
    expect(Term.safeParse('2022-1').error?.issues[0]?.message).toBe('学期应为“2022-2023-1”格式');
  });
});
