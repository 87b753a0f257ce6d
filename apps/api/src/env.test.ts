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
  });
});
