import { describe, expect, it } from 'vitest';
import { matchTotp, newTotpSecret, totpCodeAt, totpQrSvg, totpUri } from './totp.ts';

// RFC 6238 Appendix B, SHA-1 column, with the 20-byte ASCII secret "12345678901234567890" (base32 below), 6 digits.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP', () => {
  it('reproduces the RFC 6238 test vectors (last 6 digits)', () => {
    expect(totpCodeAt(RFC_SECRET, new Date(59_000))).toBe('287082');
    expect(totpCodeAt(RFC_SECRET, new Date(1_111_111_109_000))).toBe('081804');
    expect(totpCodeAt(RFC_SECRET, new Date(1_234_567_890_000))).toBe('005924');
  });

  it('accepts a code one step either side of now and nothing further', () => {
    const secret = newTotpSecret();
    const now = new Date('2026-11-28T10:00:15Z');
    const step = Math.floor(now.getTime() / 30_000);
    expect(matchTotp(secret, totpCodeAt(secret, now), now)).toBe(step);
    expect(matchTotp(secret, totpCodeAt(secret, new Date(now.getTime() - 30_000)), now)).toBe(step - 1);
    expect(matchTotp(secret, totpCodeAt(secret, new Date(now.getTime() + 30_000)), now)).toBe(step + 1);
    expect(matchTotp(secret, totpCodeAt(secret, new Date(now.getTime() - 90_000)), now)).toBeNull();
  });

  it('gives a 160-bit secret, an otpauth URI naming the issuer and account, and a QR code', async () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = totpUri(secret, 'sysadmin');
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(decodeURIComponent(uri)).toContain('衡阳教育:sysadmin');
    expect(uri).toContain(`secret=${secret}`);
    expect(await totpQrSvg(uri)).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });
});
