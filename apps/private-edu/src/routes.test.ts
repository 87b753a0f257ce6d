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

  it('has the overview, the ledger, the census, levers, conversion cases, annual inspections, licence cases and the school list, each with a title in both languages', () => {
    const children = flat(routes('/private-edu')).filter((r) => r.name);
    expect(children.map((r) => r.name)).toEqual([
      'private-edu:home',
      'private-edu:ledger',
      'private-edu:census',
      'private-edu:levers',
      'private-edu:lever',
      'private-edu:conversions',
      'private-edu:conversion',
      'private-edu:inspections',
      'private-edu:inspection',
      'private-edu:licences',
      'private-edu:licence',
      'private-edu:puhui',
      'private-edu:puhui-case',
      'private-edu:preschool',
      'private-edu:fees',
      'private-edu:schools',
      'private-edu:enforcement',
      'private-edu:enforcement-case',
      'private-edu:training',
      'private-edu:training-institution',
      'private-edu:training-capacity',
      'private-edu:training-platform',
      // 五项管理
      'private-edu:five-items',
      'private-edu:five-items-return',
    ]);
    for (const r of children) expect(r.meta?.title && r.meta.titleEn).toBeTruthy();
  });
});
