import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { h } from 'vue';
import { HAZARD_WORKFLOW } from '@hyedu/domain';
import { preloadComponents } from '../lazy.ts';
import DetailList from './DetailList.vue';
import RecordHistoryCard from './RecordHistoryCard.vue';

describe('a record page’s cards', () => {
  beforeAll(preloadComponents);
  beforeEach(() => setActivePinia(createPinia()));

  it('lists the details as label/value pairs: empty as 「—」, items left out hidden, a slot for what a value cannot say', () => {
    const w = mount(DetailList, {
      props: {
        items: [
          { key: 'school', label: '学校', value: '衡阳市雁峰区阳光幼儿园', zh: true },
          { key: 'licenceNo', label: '许可证号', value: null },
          false,
          { key: 'note', label: '备注', value: '第一行\n第二行', wide: true, text: true, test: 'the-note' },
          { key: 'status', label: '状态' },
          { key: 'count', label: '人数', value: 0, num: true, bad: true },
        ],
      },
      slots: { status: () => h('strong', '待审核') },
    });
    const rows = w.findAll('dl.hy-dl > div');
    expect(rows.map((r) => [r.get('dt').text(), r.get('dd').text()])).toEqual([
      ['学校', '衡阳市雁峰区阳光幼儿园'],
      ['许可证号', '—'],
      ['备注', '第一行\n第二行'],
      ['状态', '待审核'],
      ['人数', '0'],
    ]);
    expect(rows[0]!.get('dd').attributes('lang')).toBe('zh-CN');
    expect(rows[1]!.get('dd').attributes('lang')).toBeUndefined();
    expect(rows[2]!.classes()).toContain('hy-dl__wide');
    expect(rows[2]!.get('dd').classes()).toContain('hy-dl__text');
    expect(w.get('[data-test="the-note"]').text()).toBe('第一行\n第二行');
    expect(rows[3]!.find('strong').exists()).toBe(true);
    expect(rows[4]!.get('dd').classes()).toEqual(expect.arrayContaining(['hy-num', 'hy-bad']));
  });

  it('shows the history under its h2: a skeleton while it loads, the refusal, then the workflow’s timeline', async () => {
    const w = mount(RecordHistoryCard, {
      props: { title: '操作记录', workflow: HAZARD_WORKFLOW, entries: undefined },
      attrs: { 'data-test': 'the-history' },
    });
    expect(w.get('h2').text()).toBe('操作记录');
    expect(w.attributes('data-test')).toBe('the-history');
    expect(w.find('.el-skeleton').exists()).toBe(true);
    await w.setProps({ error: '无法连接服务器，请检查网络后重试' });
    expect(w.get('.el-alert').text()).toContain('无法连接服务器');
    await w.setProps({
      error: null,
      entries: [
        {
          at: '2022-09-05T02:00:00Z',
          actor: 'hengnan',
          action: 'safety.hazard.return',
          before: { status: 'awaiting_acceptance' },
          after: { status: 'rectifying', reason: '照片不清楚' },
        },
      ],
    });
    expect(w.find('.el-skeleton').exists()).toBe(false);
    expect(w.text()).toContain('hengnan 退回');
    expect(w.text()).toContain('待验收 → 整改中');
    expect(w.text()).toContain('原因：照片不清楚');
  });
});
