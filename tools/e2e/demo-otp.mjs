#!/usr/bin/env node
// `pnpm demo-otp`: the current one-time code of the demo administrators (sysadmin, secadmin, auditor), as an
// authenticator app holding the demo secret would show it. Demo data only: a production start has no demo accounts.
import { pathToFileURL } from 'node:url';
import { Secret, TOTP } from 'otpauth';

/** The demo administrators' TOTP secret (the same as libs/db/src/seed/accounts.ts; listed in the README). */
export const DEMO_TOTP_SECRET = 'HYEDUDEMOHYEDUDEMOHYEDUDEMOHYEDU';

/** The code at a moment (now by default). */
export const demoCode = (at = Date.now()) => new TOTP({ secret: Secret.fromBase32(DEMO_TOTP_SECRET) }).generate({ timestamp: at });

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const left = 30 - (Math.floor(Date.now() / 1000) % 30);
  console.log(`演示管理员动态口令：${demoCode()}（${left} 秒内有效；每个口令只能使用一次）`);
}
