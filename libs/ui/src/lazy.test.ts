import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { lazyComponent, opened, preloadComponents } from './lazy.ts';

const Real = defineComponent({
  name: 'Real',
  props: { label: { type: String, required: true }, border: Boolean },
  emits: ['pick'],
  setup(props, { emit, slots }) {
    return () =>
      h('button', { class: props.border ? 'bordered' : '', onClick: () => emit('pick', props.label) }, [
        props.label,
        slots.default?.({ n: 7 }),
      ]);
  },
});

function counted(ready?: (attrs: Record<string, unknown>) => boolean) {
  const calls = { n: 0 };
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const comp = lazyComponent(
    'Real',
    async () => {
      calls.n++;
      await gate;
      return Real;
    },
    ready,
  );
  return { comp, calls, release };
}

describe('lazyComponent', () => {
  it('renders nothing until its code is there, then the real component with props, listeners and slots', async () => {
    const { comp, calls, release } = counted();
    const picked: string[] = [];
    const w = mount(() =>
      h(comp, { label: '确定', border: '', onPick: (v: string) => picked.push(v) }, { default: ({ n }: { n: number }) => `×${n}` }),
    );
    expect(w.find('button').exists()).toBe(false);
    release();
    await flushPromises();
    const button = w.find('button');
    expect(button.text()).toBe('确定×7');
    expect(button.classes()).toContain('bordered'); // a boolean attribute written as `border` reaches the prop as true
    await button.trigger('click');
    expect(picked).toEqual(['确定']);
    // A second instance renders at once, and the code was fetched once.
    const again = mount(() => h(comp, { label: '取消' }));
    expect(again.find('button').text()).toBe('取消');
    expect(calls.n).toBe(1);
  });

  it('fetches an overlay only once it is opened', async () => {
    const { comp, calls, release } = counted(opened);
    release();
    const w = mount(comp, { props: { label: '对话框', modelValue: false } });
    await flushPromises();
    expect(calls.n).toBe(0);
    await w.setProps({ modelValue: true });
    await flushPromises();
    expect(calls.n).toBe(1);
    expect(w.find('button').text()).toBe('对话框');
  });

  it('preloadComponents fetches every lazy component, which then renders on its first render', async () => {
    const { comp, release } = counted(opened);
    release();
    await preloadComponents();
    expect(
      mount(() => h(comp, { label: '已加载' }))
        .find('button')
        .text(),
    ).toBe('已加载');
  });
});
