import { onBeforeUnmount, ref } from 'vue';

/**
 * Whether the page is on a phone-sized screen, following resizes. The lists then fold their columns into one
 * (what, where, when) beside the status, instead of a table that must be scrolled sideways to see the status.
 */
export function useNarrow(maxWidth = 640) {
  const query = typeof window === 'undefined' || !window.matchMedia ? null : window.matchMedia(`(max-width: ${maxWidth}px)`);
  const narrow = ref(query?.matches ?? false);
  const update = (e: MediaQueryListEvent) => (narrow.value = e.matches);
  query?.addEventListener('change', update);
  onBeforeUnmount(() => query?.removeEventListener('change', update));
  return narrow;
}
