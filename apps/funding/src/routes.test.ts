import { describe, expect, it } from 'vitest';
import routes from './routes.ts';

describe('funding routes', () => {
  it('live under the base path the registry gives, and carry the module key', () => {
    const list = routes('/x-funding');
    expect(list.every((r) => r.path === '/x-funding' || r.path.startsWith('/x-funding/'))).toBe(true);
    expect(list.every((r) => r.meta?.module === 'funding')).toBe(true);
  });
});
