import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable.ts';

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
    for (const code of ['23505', '23503', '22P02', '42P01', '40001', 'ERR_INVALID_ARG_TYPE']) expect(isDatabaseUnavailable(pgError(code)), code).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
