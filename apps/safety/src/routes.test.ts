import { describe, expect, it } from 'vitest';
import type { RouteRecordRaw } from 'vue-router';
import routes from './routes.ts';

const flat = (list: RouteRecordRaw[]): RouteRecordRaw[] => list.flatMap((r) => [r, ...flat(r.children ?? [])]);

describe('safety routes', () => {
  it('live under the base path the registry gives, and carry the module key', () => {
    const list = routes('/x-safety');
    expect(list.every((r) => r.path === '/x-safety' || r.path.startsWith('/x-safety/'))).toBe(true);
    expect(flat(list).every((r) => r.meta?.module === 'safety')).toBe(true);
  });

  it('has an overview and a school list, each with a title in both languages', () => {
    const children = flat(routes('/safety')).filter((r) => r.name);
    expect(children.map((r) => r.name)).toEqual(['safety:home', 'safety:schools']);
    expect(children.map((r) => r.path)).toEqual(['', 'schools']);
    for (const r of children) expect(r.meta?.title && r.meta.titleEn).toBeTruthy();
  });
});
