import { describe, expect, it } from 'vitest';
import { secondFactorRequired, stepIsFresh, TOTP_PARAMS, TotpCode, totpStep } from './second-factor.ts';

describe('second factor (TOTP, RFC 6238)', () => {
  it('is required for each of the three administrator roles and for no business role', () => {
    // issue 3: "Second factor (TOTP, RFC 6238) required for the three administrator roles and available to every user."
    expect(secondFactorRequired([{ role: 'sysadmin' }])).toBe(true);
    expect(secondFactorRequired([{ role: 'secadmin' }])).toBe(true);
    expect(secondFactorRequired([{ role: 'auditor' }])).toBe(true);
    expect(secondFactorRequired([{ role: 'leader' }])).toBe(false);
    expect(secondFactorRequired([{ role: 'county', unitCode: '430422', modules: ['safety'] }])).toBe(false);
    expect(secondFactorRequired([])).toBe(false);
  });

  it('uses the RFC 6238 defaults: 6 digits, 30 s steps, a 160-bit secret', () => {
    expect(TOTP_PARAMS).toMatchObject({ algorithm: 'SHA1', digits: 6, period: 30, secretBytes: 20 });
    // RFC 6238 Appendix B: T = 59 s is step 1; T = 1111111109 s is step 37037036.
    expect(totpStep(new Date(59_000))).toBe(1);
    expect(totpStep(new Date(1_111_111_109_000))).toBe(37_037_036);
  });

  it('accepts six digits (spaces ignored) and explains anything else in Chinese', () => {
    expect(TotpCode.parse('123 456')).toBe('123456');
    for (const bad of ['12345', '1234567', 'abcdef', '']) {
      const r = TotpCode.safeParse(bad);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toBe('动态口令应为6位数字');
    }
  });

  it('accepts each step once and never an older one (no replay)', () => {
    expect(stepIsFresh(100, null)).toBe(true);
    expect(stepIsFresh(101, 100)).toBe(true);
    expect(stepIsFresh(100, 100)).toBe(false);
    expect(stepIsFresh(99, 100)).toBe(false);
  });
});
