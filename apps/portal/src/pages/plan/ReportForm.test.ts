import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { preloadComponents } from '@hyedu/ui';
import ReportForm from './ReportForm.vue';

type Reports = { period: string; review: 'submitted' | 'reviewed' | 'returned' }[];
const render = (reports: Reports, initial?: { period: string }) =>
  mount(ReportForm, {
    props: {
      taskId: 1,
      year: 2022,
      issuedOn: '2022-04-14',
      reports,
      ...(initial ? { initial: { ...initial, status: 'in_progress' as const, narrative: '', figures: [] } } : {}),
    },
    attachTo: document.body,
  });
/** The month options of the open period list: label and whether it can be chosen. */
async function options(w: ReturnType<typeof render>) {
  await w.find('[data-test="report-period"]').trigger('click');
  await flushPromises();
  return [...document.querySelectorAll('.el-select-dropdown__item')].map(
    (o) => `${o.textContent?.trim()}${o.classList.contains('is-disabled') ? ' ×' : ''}`,
  );
}

describe('the progress report form and the months already reported', () => {
  beforeAll(preloadComponents);
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2022-08-10T04:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it('starts on the earliest open month, lists the reported months with their state, and disables waiting or reviewed ones', async () => {
    const w = render([
      { period: '2022-04', review: 'reviewed' },
      { period: '2022-05', review: 'submitted' },
      { period: '2022-06', review: 'returned' },
    ]);
    await flushPromises();
    expect(w.find('[data-test="report-period"]').text()).toContain('2022年7月');
    const months = w
      .findAll('[data-test="report-months"] [data-period]')
      .map((m) => `${m.attributes('data-period')} ${m.text().replace(/\s+/g, ' ')}`);
    expect(months).toEqual(['2022-04 2022年4月 已审核', '2022-05 2022年5月 待审核', '2022-06 2022年6月 已退回，可重新提交']);
    expect((await options(w)).slice(0, 4)).toEqual([
      '2022年4月（已审核） ×',
      '2022年5月（待审核） ×',
      '2022年6月（已退回，可重新提交）',
      '2022年7月',
    ]);
    w.unmount();
  });

  it('a returned report opens on its own month; with every month reported there is nothing to submit', async () => {
    let w = render([{ period: '2022-06', review: 'returned' }], { period: '2022-06' });
    await flushPromises();
    expect(w.find('[data-test="report-period"]').text()).toContain('2022年6月');
    w.unmount();
    const all: Reports = ['04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => ({ period: `2022-${m}`, review: 'reviewed' }));
    w = render(all);
    await flushPromises();
    expect(w.find('[data-test="report-all-done"]').text()).toContain('本年度各月均已报送');
    expect(w.find('button[type="submit"]').attributes('disabled')).toBeDefined();
    w.unmount();
  });
});
