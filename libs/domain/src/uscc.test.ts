import { describe, expect, it } from 'vitest';
import { orgCodeCheckChar, parseUscc, Uscc, USCC_AUTHORITY_LABELS, usccCheckChar } from './uscc.ts';

// docs/domain/org.md: "pos18: S = Σ v(cᵢ)·3^(i−1) mod 31 (W = 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28),
// check = charset[(31 − S mod 31) mod 31]" — recomputed here independently of uscc.ts.
const CS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function expectedPos18(code: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += CS.indexOf(code[i]!) * 3 ** i;
  return CS[(31 - (s % 31)) % 31]!;
}
// docs/domain/org.md: "GB 11714: C9 = 11 − (Σ Cᵢ·Wᵢ mod 11), W = 3 7 9 10 5 8 4 2, 10→X, 11→0"
function expectedOrgCheck(org8: string): string {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  const s = w.reduce((acc, wi, i) => acc + parseInt(org8[i]!, 36) * wi, 0);
  const c = 11 - (s % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

const VERIFIED = ['91350200MA2YJ1XR9G', '91440101MA5CJQ4N59', '123502001549897397'];
const SYNTHETIC = ['52430400123456788P', '91430407734567890P'];

describe('统一社会信用代码 GB 32100-2015 (docs/domain/org.md)', () => {
  it('every vector satisfies both check characters when recomputed independently', () => {
    for (const v of [...VERIFIED, ...SYNTHETIC]) {
      expect(v[17], v).toBe(expectedPos18(v));
      expect(v[16], v).toBe(expectedOrgCheck(v.slice(8, 16)));
      expect(usccCheckChar(v.slice(0, 17))).toBe(v[17]);
      expect(orgCodeCheckChar(v.slice(8, 16))).toBe(v[16]);
    }
  });

  it('parses the verified vectors "91350200MA2YJ1XR9G, 91440101MA5CJQ4N59, 123502001549897397"', () => {
    expect(parseUscc('91350200MA2YJ1XR9G')).toEqual({
      ok: true,
      value: {
        code: '91350200MA2YJ1XR9G',
        authority: '9',
        authorityLabel: '工商/市场监管',
        category: '1',
        categoryLabel: '企业',
        divisionCode: '350200',
        orgCode: 'MA2YJ1XR9',
        orgCodeValid: true,
        checksumValid: true,
      },
    });
    expect(parseUscc('91440101MA5CJQ4N59').ok).toBe(true);
    expect(parseUscc('123502001549897397')).toMatchObject({ ok: true, value: { authorityLabel: '机构编制', categoryLabel: '事业单位' } });
  });

  it('parses the synthetic Hengyang vectors "52430400123456788P (民非, 衡阳市)", "91430407734567890P (company, 石鼓区)"', () => {
    expect(parseUscc('52430400123456788P')).toMatchObject({
      ok: true,
      value: { authorityLabel: '民政', categoryLabel: '民办非企业单位', divisionCode: '430400', orgCodeValid: true },
    });
    expect(parseUscc('91430407734567890P')).toMatchObject({ ok: true, value: { divisionCode: '430407', orgCodeValid: true } });
  });

  it('rejects a wrong last character', () => {
    expect(parseUscc('91350200MA2YJ1XR9H')).toEqual({ ok: false, code: 'USCC_CHECKSUM', message: '统一社会信用代码校验位错误' });
    expect(parseUscc('52430400123456788Q')).toMatchObject({ ok: false, code: 'USCC_CHECKSUM' });
  });

  it('"Some early pilot codes fail pos18 → warn, don\'t hard-reject": lenient mode flags instead of failing', () => {
    expect(parseUscc('91350200MA2YJ1XR9H', { lenient: true })).toMatchObject({ ok: true, value: { checksumValid: false } });
  });

  it('an invalid embedded GB 11714 digit is only a warning', () => {
    // change pos 17 from 8 to 7 and recompute pos 18 so only the organisation code is wrong
    const body = '52430400123456787';
    const code = body + expectedPos18(body);
    expect(parseUscc(code)).toMatchObject({ ok: true, value: { orgCodeValid: false } });
  });

  it('normalises lower case, full-width and spaces', () => {
    expect(parseUscc(' 91350200ma2yj1xr9g ')).toMatchObject({ ok: true, value: { code: '91350200MA2YJ1XR9G' } });
    expect(Uscc.parse('９１３５０２００ＭＡ２ＹＪ１ＸＲ９Ｇ')).toBe('91350200MA2YJ1XR9G');
  });

  it('"18 chars over 0123456789ABCDEFGHJKLMNPQRTUWXY (no I O Z S V)"', () => {
    for (const bad of ['I', 'O', 'Z', 'S', 'V']) {
      expect(parseUscc(`91350200MA2YJ1XR9${bad}`), bad).toMatchObject({ ok: false, code: 'USCC_FORMAT' });
    }
    expect(parseUscc('91350200MA2YJ1XR9')).toEqual({ ok: false, code: 'USCC_FORMAT', message: '统一社会信用代码应为18位' });
    expect(parseUscc('91A50200MA2YJ1XR9G')).toMatchObject({ ok: false, code: 'USCC_FORMAT' });
  });

  it('zod schema carries the Chinese message', () => {
    expect(Uscc.safeParse('91350200MA2YJ1XR9H').error?.issues[0]?.message).toBe('统一社会信用代码校验位错误');
    expect(USCC_AUTHORITY_LABELS['5']).toBe('民政');
  });
});
