import { describe, expect, it } from 'vitest';
import type { RouteRecordRaw } from 'vue-router';
import { navPosition } from '@hyedu/web';
import { fundingNav } from './nav.ts';
import routes from './routes.ts';

const flat = (list: RouteRecordRaw[]): RouteRecordRaw[] => list.flatMap((r) => [r, ...flat(r.children ?? [])]);
const names = flat(routes('/funding'))
  .map((r) => r.name)
  .filter((n): n is string => typeof n === 'string');
const t = (key: string) => key;

describe('the funding module’s navigation', () => {
  it('places every page of the module in a group, each link once with its own test hook', () => {
    const groups = fundingNav(t as never);
    for (const name of names) expect(navPosition(groups, name), name).not.toBeNull();
    const pages = groups.flatMap((g) => g.pages);
    expect(new Set(pages.map((p) => p.test)).size).toBe(pages.length);
    expect(groups.every((g) => g.pages.length <= 4)).toBe(true);
  });

  it('selects the list’s link on a record page', () => {
    const groups = fundingNav(t as never);
    expect(navPosition(groups, 'funding:aid-follow-up')).toEqual(navPosition(groups, 'funding:aid-unaided'));
    expect(navPosition(groups, 'funding:dropout')).toEqual(navPosition(groups, 'funding:dropouts'));
  });
});
