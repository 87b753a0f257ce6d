import { describe, expect, it } from 'vitest';
import { idCardCheckChar } from '../id-card.ts';
import { AppraisalImportRow, AppraisalInput } from './appraisal.ts';

const id = (first17: string) => first17 + idCardCheckChar(first17);

describe('年度考核 input', () => {
  it('reads a row of the national system’s export in its own words', () => {
    const row = AppraisalImportRow.parse({
      idNumber: id('43042219900512002'),
      name: '王晓梅',
      year: '2021',
      result: '基本合格',
      ethics: '合格',
    });
    expect(row).toMatchObject({ year: 2021, result: 'basic', ethics: 'pass' });
  });

  it('refuses other words and years in Chinese', () => {
    const bad = AppraisalImportRow.safeParse({
      idNumber: id('43042219900512002'),
      name: '王晓梅',
      year: '21',
      result: '良好',
      ethics: '好',
    });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${String(i.path[0])}:${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'year:年度应为4位数字，如2021',
        'result:考核结果应为优秀、合格、基本合格、不合格或不定等次',
        'ethics:师德考核结果应为合格或不合格',
      ]),
    );
    expect(AppraisalInput.safeParse({ staffId: 1, year: 2021, result: 'x', ethics: 'pass' }).error?.issues[0]?.message).toBe(
      '请选择年度考核结果',
    );
  });
});
