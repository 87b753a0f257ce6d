import { demoCode } from './demo-otp.mjs';

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
      return demoCode();
    }
    await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 200));
  }
}
