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

  it('has an overview, a school list, the staff registry, the ethics cases and the blacklist, each titled in both languages', () => {
    const children = flat(routes('/teachers')).filter((r) => r.name);
    expect(children.map((r) => r.name)).toEqual([
      'teachers:home',
      'teachers:schools',
      'teachers:staff',
      'teachers:appraisal',
      'teachers:registration',
      'teachers:ethics',
      'teachers:ethics-case',
      'teachers:blacklist',
    ]);
    expect(children.map((r) => r.path)).toEqual([
      '',
      'schools',
      'staff',
      'appraisal',
      'registration',
      'ethics',
      'ethics/:id(\\d+)',
      'blacklist',
    ]);
    for (const r of children) expect(r.meta?.title && r.meta.titleEn).toBeTruthy();
  });
});
