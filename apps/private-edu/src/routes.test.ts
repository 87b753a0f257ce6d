import { describe, expect, it } from 'vitest';
import type { RouteRecordRaw } from 'vue-router';
import routes from './routes.ts';

const flat = (list: RouteRecordRaw[]): RouteRecordRaw[] => list.flatMap((r) => [r, ...flat(r.children ?? [])]);

describe('private-edu routes', () => {
  it('live under the base path the registry gives, and carry the module key', () => {
    const list = routes('/x-private-edu');
    expect(list.every((r) => r.path === '/x-private-edu' || r.path.startsWith('/x-private-edu/'))).toBe(true);
    expect(flat(list).every((r) => r.meta?.module === 'private-edu')).toBe(true);
  });

  it('has an overview, a school list and the 公参民 cases (list and case), each with a title in both languages', () => {
    const children = flat(routes('/private-edu')).filter((r) => r.name);
    const paths = Object.fromEntries(children.map((r) => [r.name, r.path]));
    expect(paths).toMatchObject({
      'private-edu:home': '',
      'private-edu:schools': 'schools',
      'private-edu:conversions': 'conversions',
      'private-edu:conversion': 'conversions/:id(\\d+)',
    });
    for (const r of children) expect(r.meta?.title && r.meta.titleEn).toBeTruthy();
  });
});
