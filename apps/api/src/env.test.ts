import { describe, expect, it } from 'vitest';
import { readEnv } from './env.ts';

describe('server configuration', () => {
  it('has working defaults: port 3000 on 127.0.0.1, PGlite, demo data', () => {
    const env = readEnv({});
    expect(env).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', HYEDU_SEED: '1', NODE_ENV: 'development' });
    expect(env.DATABASE_URL).toBeUndefined();
  });
  it('says in Chinese which setting is wrong', () => {
    expect(() => readEnv({ PORT: '70000' })).toThrow(/配置错误：\n  PORT:/);
    expect(() => readEnv({ HYEDU_SEED: 'yes' })).toThrow(/HYEDU_SEED/);
    expect(() => readEnv({ HYEDU_TRUSTED_PROXIES: '127.0.0.1, nginx' })).toThrow(/HYEDU_TRUSTED_PROXIES.*应为 IP 地址或 CIDR 网段/);
  });
  it('believes forwarded headers from no one unless the front’s addresses are listed', () => {
    expect(readEnv({}).HYEDU_TRUSTED_PROXIES).toEqual([]);
    expect(readEnv({ HYEDU_TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8,::1' }).HYEDU_TRUSTED_PROXIES).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
  });
});
