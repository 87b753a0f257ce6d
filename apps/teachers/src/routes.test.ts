import { describe, expect, it } from 'vitest';
import type { RouteRecordRaw } from 'vue-router';
import routes from './routes.ts';

const flat = (list: RouteRecordRaw[]): RouteRecordRaw[] => list.flatMap((r) => [r, ...flat(r.children ?? [])]);

describe('teachers routes', () => {
  it('live under the base path the registry gives, and carry the module key', () => {
    const list = routes('/x-teachers');
    expect(list.every((r) => r.path === '/x-teachers' || r.path.startsWith('/x-teachers/'))).toBe(true);
    expect(flat(list).every((r) => r.meta?.module === 'teachers')).toBe(true);
  });

  it('names each page once, under the module’s prefix, each titled in both languages', () => {
    const children = flat(routes('/teachers')).filter((r) => r.name);
    const names = children.map((r) => String(r.name));
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => n.startsWith('teachers:'))).toBe(true);
    for (const r of children) expect(r.meta?.title && r.meta.titleEn, String(r.name)).toBeTruthy();
    expect(new Set(children.map((r) => r.path)).size).toBe(children.length);
  });

  it('has the overview, the school lists, the staff registry, the ethics cases and the blacklist', () => {
    const byName = new Map(flat(routes('/teachers')).map((r) => [r.name, r.path]));
    expect(
      Object.fromEntries(
        [
          'teachers:home',
          'teachers:schools',
          'teachers:staffing',
          'teachers:staff',
          'teachers:ethics',
          'teachers:ethics-case',
          'teachers:blacklist',
        ].map((n) => [n, byName.get(n)]),
      ),
    ).toEqual({
      'teachers:home': '',
      'teachers:schools': 'schools',
      'teachers:staffing': 'staffing',
      'teachers:staff': 'staff',
      'teachers:ethics': 'ethics',
      'teachers:ethics-case': 'ethics/:id(\\d+)',
      'teachers:blacklist': 'blacklist',
    });
  });
});
