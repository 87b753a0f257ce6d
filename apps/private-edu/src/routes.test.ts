import { describe, expect, it } from 'vitest';
import routes from './routes.ts';

describe('private-edu routes', () => {
  it('live under the base path the registry gives, and carry the module key', () => {
    const list = routes('/x-private-edu');
    expect(list.every((r) => r.path === '/x-private-edu' || r.path.startsWith('/x-private-edu/'))).toBe(true);
    expect(list.every((r) => r.meta?.module === 'private-edu')).toBe(true);
  });
});
