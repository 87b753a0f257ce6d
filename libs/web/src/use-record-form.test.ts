import { TRPCClientError } from '@trpc/client';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';

const asked: string[] = [];
let answer = true;
vi.mock('@hyedu/ui', async (original) => ({
  ...(await original<object>()),
  askConfirm: (message: string) => {
    asked.push(message);
    return Promise.resolve(answer);
  },
}));
const { refusal, useRecordForm } = await import('./use-record-form.ts');

const refused = (issues: { path: string; message: string }[] | null, message = '输入有误') =>
  TRPCClientError.from({ error: { message, code: -32600, data: { code: 'BAD_REQUEST', httpStatus: 400, issues } } });
const blank = () => ({ title: '', deadline: '' });

beforeEach(() => {
  setActivePinia(createPinia());
  asked.length = 0;
  answer = true;
});

describe('useRecordForm (every record form)', () => {
  it('maps a refused input onto the fields it shows, and the other paths into `_`', async () => {
    const form = useRecordForm({
      blank,
      submit: () =>
        Promise.reject(
          refused([
            { path: 'title', message: '标题：不能为空' },
            { path: 'files', message: '附件：最多5个' },
          ]),
        ),
    });
    expect(await form.submit()).toBeUndefined();
    expect(form.errors.value).toEqual({ title: '标题：不能为空', _: '附件：最多5个' });
  });

  it('`shown` names the paths with a place; a refusal from the page is placed the same way', async () => {
    const form = useRecordForm({
      blank,
      shown: ['norm.minimum'],
      submit: () =>
        Promise.reject(
          refusal([
            { path: ['norm', 'minimum'], message: '最少1人' },
            { path: ['fourth'], message: '请选择' },
          ]),
        ),
    });
    await form.submit();
    expect(form.errors.value).toEqual({ 'norm.minimum': '最少1人', _: '请选择' });
  });

  it("never shows a library's English message: a network failure and a non-Chinese one read in Chinese", async () => {
    const offline = useRecordForm({ blank, submit: () => Promise.reject(new TypeError('Failed to fetch')) });
    await offline.submit();
    expect(offline.errors.value).toEqual({ _: '无法连接服务器，请检查网络后重试' });
    const garbled = useRecordForm({ blank, submit: () => Promise.reject(refused(null, 'Unexpected token < in JSON at position 0')) });
    await garbled.submit();
    // An answer that is not our server's (a proxy's page, a cut-off body): the service is at fault, not the network.
    expect(garbled.errors.value).toEqual({ _: '服务暂时不可用，请稍后重试' });
  });

  it('is busy while sending, ignores a second submit meanwhile, clears the old errors and reports the result', async () => {
    let finish!: (id: number) => void;
    let calls = 0;
    const done = vi.fn();
    const form = useRecordForm({
      blank,
      submit: () => {
        calls++;
        return new Promise<number>((r) => (finish = r));
      },
      done,
    });
    form.errors.value = { title: '旧的' };
    const first = form.submit();
    expect(form.busy.value).toBe(true);
    expect(form.errors.value).toEqual({});
    expect(await form.submit()).toBeUndefined();
    finish(7);
    expect(await first).toBe(7);
    expect({ calls, busy: form.busy.value, done: done.mock.calls }).toEqual({ calls: 1, busy: false, done: [[7]] });
  });

  it('tracks unsaved changes: dirty after an edit, clean after saving or reset', async () => {
    const form = useRecordForm({ blank, submit: () => Promise.resolve(1) });
    expect(form.dirty.value).toBe(false);
    form.values.value.title = '消防通道堵塞';
    expect(form.dirty.value).toBe(true);
    await form.submit();
    expect(form.dirty.value).toBe(false);
    form.values.value.deadline = '2026-12-31';
    form.errors.value = { deadline: '不能早于发现日期' };
    form.reset();
    expect({ values: form.values.value, errors: form.errors.value, dirty: form.dirty.value }).toEqual({
      values: blank(),
      errors: {},
      dirty: false,
    });
    form.reset({ title: '已有', deadline: '' });
    expect({ title: form.values.value.title, dirty: form.dirty.value }).toEqual({ title: '已有', dirty: false });
  });

  it('a value the page fills in itself is not an unsaved change', () => {
    const form = useRecordForm({ blank, submit: () => Promise.resolve(1) });
    form.adopt({ deadline: '2026-12-31' });
    expect({ deadline: form.values.value.deadline, dirty: form.dirty.value }).toEqual({ deadline: '2026-12-31', dirty: false });
    form.values.value.title = '改了';
    form.adopt({ deadline: '2027-01-01' });
    expect(form.dirty.value).toBe(true);
  });

  it('asks before closing with unsaved changes, and only then', async () => {
    const form = useRecordForm({ blank, submit: () => Promise.resolve(1) });
    const closed = vi.fn();
    await form.close(closed);
    expect({ asked: asked.length, closed: closed.mock.calls.length }).toEqual({ asked: 0, closed: 1 });
    form.values.value.title = '改了';
    answer = false;
    await form.close(closed);
    expect({ asked, closed: closed.mock.calls.length }).toEqual({ asked: ['有未保存的修改，确定放弃吗？'], closed: 1 });
    answer = true;
    await form.close(closed);
    expect(closed.mock.calls.length).toBe(2);
  });

  it('asks in English when the user reads English', async () => {
    const { useLocaleStore } = await import('@hyedu/ui');
    useLocaleStore().setLocale('en-US');
    const form = useRecordForm({ blank, submit: () => Promise.reject(new Error('boom')) });
    form.values.value.title = 'changed';
    await form.close(() => undefined);
    expect(asked).toEqual(['There are unsaved changes. Discard them?']);
    useLocaleStore().setLocale('zh-CN');
  });

  it("a dialog's form starts blank each time it opens", async () => {
    const open = ref(false);
    const form = useRecordForm({ blank, submit: () => Promise.resolve(1), open });
    form.values.value.title = '上次没保存的';
    form.errors.value = { _: '上次的错误' };
    open.value = true;
    await nextTick();
    expect({ values: form.values.value, errors: form.errors.value, dirty: form.dirty.value }).toEqual({
      values: blank(),
      errors: {},
      dirty: false,
    });
  });

  it('in a routed page, leaving with unsaved changes asks first and stays when the user keeps editing', async () => {
    let form!: ReturnType<typeof useRecordForm<{ title: string; deadline: string }>>;
    const Editor = defineComponent({
      setup() {
        form = useRecordForm({ blank, submit: () => Promise.resolve(1) });
        return () => h('form');
      },
    });
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/edit', component: Editor },
        { path: '/list', component: Editor },
      ],
    });
    await router.push('/edit');
    mount(RouterView, { global: { plugins: [router] } });
    await router.isReady();
    await nextTick();
    await router.push('/list'); // nothing changed: no question
    expect({ at: router.currentRoute.value.path, asked: asked.length }).toEqual({ at: '/list', asked: 0 });
    await router.push('/edit');
    await nextTick();
    form.values.value.title = '写了一半';
    answer = false;
    await router.push('/list');
    expect({ at: router.currentRoute.value.path, asked: asked.length }).toEqual({ at: '/edit', asked: 1 });
    answer = true;
    await router.push('/list');
    expect(router.currentRoute.value.path).toBe('/list');
  });
});
