import { describe, expect, it } from 'vitest';
import routes from './routes.ts';

describe('teachers routes', () => {
  it('live under the base path the registry gives, and carry the module key', () => {
    const list = routes('/x-teachers');
    expect(list.every((r) => r.path === '/x-teachers' || r.path.startsWith('/x-teachers/'))).toBe(true);
    expect(list.every((r) => r.meta?.module === 'teachers')).toBe(true);
  });
});
