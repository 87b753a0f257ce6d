import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { TOTP_PARAMS, totpStep } from '@hyedu/domain';
import { HENGYANG_TOTP_ISSUER } from '@hyedu/domain/hengyang';

/** TOTP (RFC 6238) with the otpauth library; the rules (who needs it, replay) are the domain's. */
const totp = (secret: string, label = '') =>
  new TOTP({
    issuer: HENGYANG_TOTP_ISSUER,
    label,
    algorithm: TOTP_PARAMS.algorithm,
    digits: TOTP_PARAMS.digits,
    period: TOTP_PARAMS.period,
    secret: Secret.fromBase32(secret),
  });

/** A new random secret, base32 (what authenticator apps take). */
export const newTotpSecret = (): string => new Secret({ size: TOTP_PARAMS.secretBytes }).base32;

/** The otpauth:// URI an authenticator app scans. */
export const totpUri = (secret: string, username: string): string => totp(secret, username).toString();

/** The URI as a QR code (SVG markup, shown as an image in the portal). */
export const totpQrSvg = (uri: string): Promise<string> => QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });

/** The time step whose code `code` is at `now` (within the drift window), or null if it is none of them. */
export function matchTotp(secret: string, code: string, now: Date): number | null {
  const delta = totp(secret).validate({ token: code, timestamp: now.getTime(), window: TOTP_PARAMS.window });
  return delta === null ? null : totpStep(now) + delta;
}

/** The code at a moment (tests and the e2e helper use it as an authenticator app would). */
export const totpCodeAt = (secret: string, at: Date): string => totp(secret).generate({ timestamp: at.getTime() });
