import { Secret, TOTP } from 'otpauth';

/** The demo administrators' TOTP secret (libs/db/src/seed/accounts.ts; listed in the README). */
export const DEMO_TOTP_SECRET = 'HYEDUDEMOHYEDUDEMOHYEDUDEMOHYEDU';

const lastStep = new Map<string, number>();

/**
 * The code an authenticator app shows for the demo secret. A code works once per account, so for a second
 * sign-in of the same account within one 30-second step this waits for the next step, as a person would.
 */
export async function nextCode(user: string): Promise<string> {
  for (;;) {
    const step = Math.floor(Date.now() / 30_000);
    if ((lastStep.get(user) ?? -1) < step) {
      lastStep.set(user, step);
      return new TOTP({ secret: Secret.fromBase32(DEMO_TOTP_SECRET) }).generate();
    }
    await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 200));
  }
}
