import { describe, expect, it } from 'vitest';
import { IdCardNumber, idCardSchema, maskIdCard, normalizeIdCard, parseIdCard } from './id-card.ts';

// docs/domain/org.md: "S = Σ aᵢ·Wᵢ, W = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; check = "10X98765432"[S mod 11]"
// Independent re-computation so every vector below is checked against the algorithm, not just the code.
function expectedCheck(id: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const s = w.reduce((acc, wi, i) => acc + Number(id[i]) * wi, 0);
  return '10X98765432'[s % 11]!;
}

const VALID = [
  '34052419800101001X', // docs/domain/org.md vector
  '430405201005011230', // docs/domain/org.md synthetic Hengyang vector
  '430421201203151234',
  '430482198507042174',
  '43042320100601118X',
  '430426202002290015', // 2020-02-29, leap day
];

describe('居民身份证号 GB 11643-1999 (docs/domain/org.md)', () => {
  it('test vectors carry the check character the algorithm gives', () => {
    for (const v of VALID) expect(v[17], v).toBe(expectedCheck(v));
    // invalid-checksum vector really is wrong (correct check char would be 4)
    expect(expectedCheck('430421201203151230')).toBe('4');
    // date/future vectors have a correct check character, so they fail on the date, not the checksum
    for (const v of ['430422201102300014', '430405201213010013', '430422203001010017']) expect(v[17], v).toBe(expectedCheck(v));
  });

  it('accepts valid numbers and derives region, birth date and gender ("odd = male, even = female")', () => {
    for (const v of VALID) expect(parseIdCard(v).ok, v).toBe(true);
    expect(parseIdCard('34052419800101001X')).toEqual({
      ok: true,
      value: { number: '34052419800101001X', regionCode: '340524', birthDate: '1980-01-01', gender: 'male' },
    });
    expect(parseIdCard('430405201005011230')).toMatchObject({ ok: true, value: { birthDate: '2010-05-01', gender: 'male' } });
    expect(parseIdCard('43042320100601118X')).toMatchObject({ ok: true, value: { regionCode: '430423', gender: 'female' } });
    expect(parseIdCard('430426202002290015')).toMatchObject({ ok: true, value: { birthDate: '2020-02-29' } });
  });

  it('lower-case x is normalised to X', () => {
    expect(parseIdCard('43042320100601118x')).toMatchObject({ ok: true, value: { number: '43042320100601118X' } });
  });

  it('rejects a wrong check character', () => {
    expect(parseIdCard('430421201203151230')).toEqual({ ok: false, code: 'ID_CHECKSUM', message: '身份证号校验位错误' });
  });

  it('"+ real date check": Feb 30 and month 13 are invalid dates', () => {
    expect(parseIdCard('430422201102300014')).toEqual({ ok: false, code: 'ID_DATE', message: '身份证号中的出生日期无效' });
    expect(parseIdCard('430405201213010013')).toMatchObject({ ok: false, code: 'ID_DATE' });
  });

  it('rejects a birth date after the injected today', () => {
    expect(parseIdCard('430422203001010017', { today: '2026-11-28' })).toMatchObject({ ok: false, code: 'ID_FUTURE' });
    // no clock in rules: without today the future check is skipped
    expect(parseIdCard('430422203001010017').ok).toBe(true);
    expect(parseIdCard('430405201005011230', { today: '2010-05-01' }).ok).toBe(true);
    expect(() => parseIdCard('430405201005011230', { today: '2026-13-01' })).toThrow(RangeError);
  });

  it('rejects 17 and 19 characters and non-digits', () => {
    expect(parseIdCard('43040520100501123')).toEqual({ ok: false, code: 'ID_FORMAT', message: '身份证号应为18位' });
    expect(parseIdCard('4304052010050112300')).toMatchObject({ ok: false, code: 'ID_FORMAT', message: '身份证号应为18位' });
    expect(parseIdCard('43040520100501123A')).toMatchObject({ ok: false, code: 'ID_FORMAT' });
    expect(parseIdCard('')).toMatchObject({ ok: false, code: 'ID_FORMAT' });
  });

  it('normalises full-width digits, spaces and zero-width characters', () => {
    expect(normalizeIdCard('４３０４０５２０１００５０１１２３０')).toBe('430405201005011230');
    expect(normalizeIdCard('  430405 2010 0501 1230\u200b\ufeff ')).toBe('430405201005011230');
    expect(normalizeIdCard('\u3000４３０４２３２０１００６０１１１８ｘ')).toBe('43042320100601118X');
    expect(parseIdCard(' \u200b430405201005011230\t').ok).toBe(true);
  });

  it('zod schema returns the normalised number and carries the Chinese message', () => {
    expect(IdCardNumber.parse(' 43042320100601118x ')).toBe('43042320100601118X');
    const r = IdCardNumber.safeParse('430421201203151230');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('身份证号校验位错误');
    expect(idCardSchema({ today: '2026-11-28' }).safeParse('430422203001010017').error?.issues[0]?.message).toBe(
      '身份证号中的出生日期晚于今天',
    );
    expect(IdCardNumber.safeParse(123).success).toBe(false);
  });

  it('masks all but the first 4 and last 4 characters', () => {
    expect(maskIdCard('430421201203151234')).toBe('4304**********1234');
    expect(maskIdCard('43042320100601118x')).toBe('4304**********118X');
  });
});
