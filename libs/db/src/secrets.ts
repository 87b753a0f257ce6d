import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Keys the platform needs. Never stored in the database. */
export interface Secrets {
  /** HMAC key of the audit chain. */
  auditKey: Buffer;
}

export const defaultSecretsFile = fileURLToPath(new URL('../../../.data/secrets.json', import.meta.url));

const decode = (name: string, value: string) => {
  const key = Buffer.from(value, 'base64');
  if (key.length < 32) throw new Error(`${name} 应为至少32字节的 base64 密钥`);
  return key;
};

/**
 * Reads keys from the environment (HYEDU_AUDIT_KEY, base64). Without them, and only when local keys are
 * allowed (demo and development), uses a key file created on first use with mode 0600. A production start
 * passes allowLocal: false and so refuses to run without configured keys.
 */
export function loadSecrets(opts: { env?: NodeJS.ProcessEnv; allowLocal: boolean; file?: string }): Secrets {
  const env = opts.env ?? process.env;
  if (env.HYEDU_AUDIT_KEY) return { auditKey: decode('HYEDU_AUDIT_KEY', env.HYEDU_AUDIT_KEY) };
  if (!opts.allowLocal) throw new Error('生产环境必须通过环境变量 HYEDU_AUDIT_KEY 配置审计密钥，不能使用本地演示密钥');
  const file = opts.file ?? defaultSecretsFile;
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ auditKey: randomBytes(32).toString('base64') }, null, 2), { mode: 0o600 });
  }
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { auditKey?: string };
  if (!saved.auditKey) throw new Error(`密钥文件 ${file} 缺少 auditKey`);
  return { auditKey: decode('auditKey', saved.auditKey) };
}
