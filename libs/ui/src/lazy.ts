import { defineComponent, h, shallowRef, type Component } from 'vue';

const loaders = new Set<() => Promise<Component>>();

/**
 * A component whose code is fetched the first time one is rendered: until then it renders nothing, afterwards the
 * real component with every attribute, listener and slot passed through (no template ref reaches it). Once the code
 * is there, every instance renders at once. `ready(attrs)`, if given, must be true before the code is fetched
 * (a dialog that was never opened needs none).
 */
export function lazyComponent(
  name: string,
  load: () => Promise<Component>,
  ready?: (attrs: Record<string, unknown>) => boolean,
): Component {
  let loaded: Component | undefined;
  let pending: Promise<Component> | undefined;
  const fetchOnce = () =>
    (pending ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        pending = undefined; // the next render tries again
        throw e;
      },
    ));
  loaders.add(fetchOnce);
  return defineComponent({
    name: `Lazy${name}`,
    inheritAttrs: false,
    setup(_, { attrs, slots }) {
      const comp = shallowRef(loaded);
      return () => {
        const real = comp.value ?? loaded;
        if (real) return h(real, attrs, slots);
        if (!ready || ready(attrs)) {
          fetchOnce().then(
            (c) => (comp.value = c),
            (e: unknown) => console.error(`组件 ${name} 加载失败`, e),
          );
        }
        return null;
      };
    },
  });
}

/** Fetches the code of every lazy component now; afterwards they render at once (component tests use it). */
export async function preloadComponents(): Promise<void> {
  await Promise.all([...loaders].map((load) => load()));
}

/** An overlay's attribute that opens it: `modelValue` (v-model), as Element Plus' dialog and drawer take it. */
export const opened = (attrs: Record<string, unknown>) => Boolean(attrs.modelValue ?? attrs['model-value']);
