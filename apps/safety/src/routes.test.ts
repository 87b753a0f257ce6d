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

  it('has the overview, the 4个100%, hazards, inspections, activities, incidents and the school list, each titled in both languages', () => {
    const children = flat(routes('/safety')).filter((r) => r.name);
    expect(children.map((r) => r.name)).toEqual([
      'safety:home',
      'safety:compliance',
      'safety:hazards',
      'safety:hazard',
      'safety:inspections',
      'safety:activities',
      'safety:incidents',
      'safety:incident',
      'safety:schools',
    ]);
    expect(children.map((r) => r.path)).toEqual([
      '',
      'compliance',
      'hazards',
      'hazards/:id(\\d+)',
      'inspections',
      'activities',
      'incidents',
      'incidents/:id(\\d+)',
      'schools',
    ]);
    for (const r of children) expect(r.meta?.title && r.meta.titleEn).toBeTruthy();
  });

  it('the dashboard’s links reach the list pages (KPIs link to /safety/compliance?unit=&q= and /safety/activities?unit=&q=)', () => {
    const paths = flat(routes('/safety')).map((r) => r.path);
    for (const p of ['compliance', 'activities', 'hazards', 'incidents']) expect(paths).toContain(p);
  });
});
