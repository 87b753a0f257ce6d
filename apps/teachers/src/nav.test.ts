import { describe, expect, it } from 'vitest';
import type { RouteRecordRaw } from 'vue-router';
import { navPosition } from '@hyedu/web';
import { teachersNav } from './nav.ts';
import routes from './routes.ts';

const flat = (list: RouteRecordRaw[]): RouteRecordRaw[] => list.flatMap((r) => [r, ...flat(r.children ?? [])]);
const names = flat(routes('/teachers'))
  .map((r) => r.name)
  .filter((n): n is string => typeof n === 'string');
const t = (key: string) => key;

describe('the teachers module’s navigation', () => {
  it('places every page of the module in a group, each link once with its own test hook', () => {
    const groups = teachersNav(t as never, true);
    for (const name of names) expect(navPosition(groups, name), name).not.toBeNull();
    const pages = groups.flatMap((g) => g.pages);
    expect(new Set(pages.map((p) => p.test)).size).toBe(pages.length);
    expect(groups.length).toBeLessThanOrEqual(8);
    expect(groups.every((g) => g.pages.length <= 4)).toBe(true);
  });

  it('has the 师德 group only with the ethics grant', () => {
    expect(teachersNav(t as never, false).some((g) => g.key === 'ethics')).toBe(false);
    expect(navPosition(teachersNav(t as never, false), 'teachers:ethics-case')).toBeNull();
    expect(navPosition(teachersNav(t as never, true), 'teachers:ethics-case')).toEqual({ group: 7, page: 0 });
  });
});
