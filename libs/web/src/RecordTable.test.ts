import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick, reactive } from 'vue';
import { preloadComponents } from '@hyedu/ui';
import RecordTable from './RecordTable.vue';
import type { RecordTableList } from './use-record-list.ts';

type Row = { id: number; name: string };
const columns = [
  { key: 'id', label: '编号', value: (r: Row) => r.id },
  { key: 'name', label: '名称', value: (r: Row) => r.name },
];

describe('RecordTable given a list', () => {
  beforeAll(preloadComponents);
  beforeEach(() => setActivePinia(createPinia()));

  it('says it is loading, then shows the rows and the pager, and pages through the list', async () => {
    const setPage = vi.fn();
    const list = reactive<RecordTableList<Row>>({ rows: [], total: undefined, page: 1, pageSize: 2, pending: true, error: null, setPage });
    const w = mount(RecordTable<Row>, { props: { list, columns, emptyText: '暂无记录' }, attachTo: document.body });
    await nextTick();
    expect(w.text()).toContain('正在加载…');
    Object.assign(list, {
      pending: false,
      rows: [
        { id: 1, name: '甲' },
        { id: 2, name: '乙' },
      ],
      total: 5,
    });
    await nextTick();
    expect(w.text()).toContain('甲');
    expect(w.text()).not.toContain('正在加载…');
    await w.get('.el-pager li:nth-child(2)').trigger('click');
    expect(setPage).toHaveBeenCalledWith(2);
    w.unmount();
  });

  it('shows the list’s error above the table, and the empty text when nothing matches', async () => {
    const list = reactive<RecordTableList<Row>>({
      rows: [],
      total: 0,
      page: 1,
      pageSize: 20,
      pending: false,
      error: new Error('fetch failed'),
      setPage: () => undefined,
    });
    const w = mount(RecordTable<Row>, { props: { list, columns, emptyText: '暂无记录' } });
    await nextTick();
    expect(w.get('.el-alert').text()).toContain('无法连接服务器，请检查网络后重试');
    expect(w.text()).toContain('暂无记录');
  });
});
