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
      'teachers:ethics',
      'teachers:ethics-case',
      'teachers:blacklist',
      // 支教与表彰
      'teachers:support',
      'teachers:support-need',
      'teachers:support-dispatches',
      'teachers:honours',
      'teachers:honour-round',
    ]);
    expect(children.map((r) => r.path)).toEqual([
      '',
      'schools',
      'staff',
      'ethics',
      'ethics/:id(\\d+)',
      'blacklist',
      // 支教与表彰
      'support',
      'support/:id(\\d+)',
      'support/dispatches',
      'honours',
      'honours/:id(\\d+)',
    ]);
    for (const r of children) expect(r.meta?.title && r.meta.titleEn).toBeTruthy();
  });
});
