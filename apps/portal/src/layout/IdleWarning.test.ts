import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { preloadComponents } from '@hyedu/ui';
import { lastServerActivity, useShellStore, type Account } from '@hyedu/web';
import IdleWarning from './IdleWarning.vue';

const account: Account = {
  username: 'teachers',
  displayName: '人事教师科',
  roles: ['department'],
  departments: ['personnel'],
  scopeLabel: '数据范围：全市',
  scopeLabelEn: 'Data scope: city-wide',
  mustChange: null,
  totpEnabled: false,
  totpSetupRequired: false,
  passwordNotice: null,
  idleMinutes: 30,
  idleWarningMinutes: 5,
  areas: ['platform', 'teachers'],
};

describe('idle warning (等保: 30-minute idle timeout, warned 5 minutes before)', () => {
  // The dialog's code is fetched when it first opens; here it is fetched beforehand so the clock alone decides.
  beforeAll(preloadComponents);
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2022-04-14T09:00:00+08:00') });
    setActivePinia(createPinia());
    useShellStore().account = account;
    lastServerActivity.value = Date.now();
  });
  afterEach(() => vi.useRealTimers());

  it('says nothing for 25 minutes, then counts down; the last 5 minutes show the dialog', async () => {
    const w = mount(IdleWarning, { attachTo: document.body });
    vi.advanceTimersByTime(24 * 60_000);
    await nextTick();
    expect(document.body.textContent).not.toContain('后将自动退出登录');
    vi.advanceTimersByTime(2 * 60_000);
    await nextTick();
    expect(document.body.textContent).toContain('4 分 0 秒后将自动退出登录');
    const dialog = w.findComponent({ name: 'ElDialog' });
    expect(dialog.props('modelValue')).toBe(true);
    // Any call to the server (「继续使用」 makes one) restarts the clock.
    lastServerActivity.value = Date.now();
    vi.advanceTimersByTime(1000);
    await nextTick();
    expect(dialog.props('modelValue')).toBe(false);
    w.unmount();
  });
});
