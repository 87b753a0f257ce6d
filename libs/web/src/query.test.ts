import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { retryOnce } from './query.ts';

const answered = (httpStatus: number, code: string) =>
  TRPCClientError.from({ error: { message: '拒绝', code: -32003, data: { code, httpStatus } } });

describe('retrying failed reads', () => {
  it('a refusal or bad input is not asked again (each refusal is audited); a server or network failure once', () => {
    expect(retryOnce(0, answered(403, 'FORBIDDEN'))).toBe(false);
    expect(retryOnce(0, answered(404, 'NOT_FOUND'))).toBe(false);
    expect(retryOnce(0, answered(401, 'UNAUTHORIZED'))).toBe(false);
    expect(retryOnce(0, answered(500, 'INTERNAL_SERVER_ERROR'))).toBe(true);
    expect(retryOnce(0, new TypeError('Failed to fetch'))).toBe(true);
    expect(retryOnce(1, new TypeError('Failed to fetch'))).toBe(false);
  });
});
