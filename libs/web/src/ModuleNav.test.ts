import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { navPosition, type NavGroup } from './module-nav.ts';
import ModuleNav from './ModuleNav.vue';

const groups: NavGroup[] = [
  {
    key: 'a',
    label: '甲组',
    pages: [
      { route: 'a1', label: '甲一', test: 'tab-a1' },
      { route: 'a2', label: '甲二', test: 'tab-a2', also: ['a2-record'] },
    ],
  },
  { key: 'b', label: '乙', pages: [{ route: 'b', label: '乙', test: 'tab-b', also: ['b-record'] }] },
];

describe('navPosition', () => {
  it('finds a route’s group and page, its record pages under it, and nothing for an unknown route', () => {
    expect(navPosition(groups, 'a2')).toEqual({ group: 0, page: 1 });
    expect(navPosition(groups, 'a2-record')).toEqual({ group: 0, page: 1 });
    expect(navPosition(groups, 'b-record')).toEqual({ group: 1, page: 0 });
    expect(navPosition(groups, 'zzz')).toBeNull();
    expect(navPosition(groups, null)).toBeNull();
  });
});

describe('ModuleNav', () => {
  const Empty = defineComponent({ template: '<div />' });
  async function at(path: string) {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: ['a1', 'a2', 'a2-record', 'b', 'b-record'].map((name) => ({ name, path: `/${name}`, component: Empty })),
    });
    await router.push(path);
    await router.isReady();
    return mount(ModuleNav, { props: { label: '模块', groups }, global: { plugins: [router] } });
  }

  it('shows the groups and the current group’s pages, marking the page and its group current', async () => {
    const w = await at('/a2');
    expect(w.get('nav').attributes('aria-label')).toBe('模块');
    expect(w.get('[data-test="group-a"]').attributes('aria-current')).toBe('true');
    expect(w.get('[data-test="group-a"]').attributes('href')).toBe('/a1');
    expect(w.get('[data-test="tab-a2"]').attributes('aria-current')).toBe('page');
    expect(w.get('[data-test="tab-a1"]').attributes('aria-current')).toBeUndefined();
    expect(w.get('[data-test="nav-pages"]').attributes('aria-label')).toBe('甲组');
    expect(w.get('[data-test="tab-b"]').attributes('aria-current')).toBeUndefined();
  });

  it('a group of one page is that page’s link, with no second row; a record page marks its list', async () => {
    const w = await at('/b-record');
    expect(w.find('[data-test="nav-pages"]').exists()).toBe(false);
    expect(w.find('[data-test="tab-a1"]').exists()).toBe(false);
    expect(w.get('[data-test="tab-b"]').attributes('aria-current')).toBe('true');
    expect(w.get('[data-test="tab-b"]').classes()).toContain('is-active');
    expect(w.get('[data-test="group-a"]').attributes('aria-current')).toBeUndefined();
    expect((await at('/b')).get('[data-test="tab-b"]').attributes('aria-current')).toBe('page');
  });

  it('a click on a group opens its first page', async () => {
    const w = await at('/b');
    await w.get('[data-test="group-a"]').trigger('click');
    await new Promise((r) => setTimeout(r, 0));
    expect(w.get('[data-test="tab-a1"]').attributes('aria-current')).toBe('page');
  });
});
