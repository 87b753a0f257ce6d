import { describe, expect, it } from 'vitest';
import { countedTerm, previousTerm, Term, TERM_REPORTING_DAYS, termCountsFrom, termLabel, termOf, termStart } from './terms.ts';

describe('terms (docs/domain/safety.md: safety profiles “per school per 学期”)', () => {
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

describe('term switch for the 4个100% (seed item 4: “推进中小学幼儿园安全防范建设‘4个100%’”)', () => {
  it('a new term’s reports count only once its reporting window (局定 30 days) has closed; before that the previous term stands', () => {
    expect(TERM_REPORTING_DAYS).toBe(30);
    expect(termStart('2022-2023-1')).toBe('2022-09-01');
    expect(termStart('2022-2023-2')).toBe('2023-02-01');
    expect(termCountsFrom('2022-2023-1')).toBe('2022-10-01');
    expect(countedTerm('2022-09-05')).toBe('2021-2022-2');
    expect(countedTerm('2022-09-30')).toBe('2021-2022-2');
    expect(countedTerm('2022-10-01')).toBe('2022-2023-1');
    expect(countedTerm('2022-11-30')).toBe('2022-2023-1');
    expect(countedTerm('2023-02-10')).toBe('2022-2023-1');
    expect(countedTerm('2023-03-03')).toBe('2022-2023-2');
  });
});
