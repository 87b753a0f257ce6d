import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Keys the platform needs. Never stored in the database. */
export interface Secrets {
  /** HMAC key of the audit chain. */
  auditKey: Buffer;
  /** AES-256-GCM key of sensitive personal fields (身份证号 …). */
  dataKey: Buffer;
  /** HMAC key of the blind index used to find a sensitive value by exact match. */
  indexKey: Buffer;
}

export const defaultSecretsFile = fileURLToPath(new URL('../../../.data/secrets.json', import.meta.url));

/** Each key: its environment variable and its name in the local demo key file. */
const KEYS = { auditKey: 'HYEDU_AUDIT_KEY', dataKey: 'HYEDU_DATA_KEY', indexKey: 'HYEDU_INDEX_KEY' } as const satisfies Record<
  keyof Secrets,
  string
>;

const decode = (name: string, value: string) => {
  const key = Buffer.from(value, 'base64');
  if (key.length < 32) throw new Error(`${name} 应为至少32字节的 base64 密钥`);
  return key;
};

/**
 * Reads keys from the environment (HYEDU_AUDIT_KEY, HYEDU_DATA_KEY, HYEDU_INDEX_KEY; base64, ≥ 32 bytes). Without them,
 * and only when local keys are allowed (demo and development), uses a key file created on first use with mode 0600
 * (a missing key is added to it). A production start passes allowLocal: false and refuses to run without configured keys.
 */
export function loadSecrets(opts: { env?: NodeJS.ProcessEnv; allowLocal: boolean; file?: string }): Secrets {
  const env = opts.env ?? process.env;
  const names = Object.entries(KEYS) as [keyof Secrets, string][];
  if (names.every(([, v]) => env[v])) return Object.fromEntries(names.map(([k, v]) => [k, decode(v, env[v]!)])) as unknown as Secrets;
  if (!opts.allowLocal) {
    const missing = names.filter(([, v]) => !env[v]).map(([, v]) => v);
    throw new Error(`生产环境必须通过环境变量配置密钥（缺少 ${missing.join('、')}），不能使用本地演示密钥`);
  }
  const file = opts.file ?? defaultSecretsFile;
  const saved = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<keyof Secrets, string>>) : {};
  const missing = names.filter(([k]) => !saved[k]);
  if (missing.length) {
    for (const [k] of missing) saved[k] = randomBytes(32).toString('base64');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(saved, null, 2), { mode: 0o600 });
  }
  return Object.fromEntries(names.map(([k, v]) => [k, env[v] ? decode(v, env[v]!) : decode(k, saved[k]!)])) as unknown as Secrets;
}
