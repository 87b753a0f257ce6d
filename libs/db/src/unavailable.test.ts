import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, loggableError } from './unavailable.ts';

const pgError = (code: string) => Object.assign(new Error('x'), { code });

describe('isDatabaseUnavailable', () => {
  it('knows a server stopping, starting, out of disk, read-only or refusing connections, however deeply wrapped', () => {
    for (const code of ['57P01', '57P03', '08006', '08001', '53100', '25006', 'ECONNREFUSED', 'ECONNRESET']) {
      expect(isDatabaseUnavailable(pgError(code)), code).toBe(true);
      expect(isDatabaseUnavailable(new Error('query failed', { cause: new Error('drizzle', { cause: pgError(code) }) })), code).toBe(true);
    }
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('does not take a request’s own fault for unavailability', () => {
    for (const code of ['23505', '23503', '22P02', '42P01', '40001', 'ERR_INVALID_ARG_TYPE'])
      expect(isDatabaseUnavailable(pgError(code)), code).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});

describe('loggableError', () => {
  it('keeps the driver’s error and the statement, never the parameters drizzle puts in its message', () => {
    const driver = Object.assign(new Error('could not extend file: No space left on device'), { code: '53100' });
    const wrapped = Object.assign(new Error('Failed query: insert into x values ($1)\nparams: 张三,430422'), {
      query: 'insert into x values ($1)',
      params: ['张三'],
      cause: driver,
    });
    const logged = loggableError(new Error('tRPC', { cause: wrapped }));
    expect(logged).toEqual({ err: driver, query: 'insert into x values ($1)' });
    expect(JSON.stringify(logged)).not.toContain('张三');
  });
});
