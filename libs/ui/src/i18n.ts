import { defineStore } from 'pinia';
import { computed, ref, type ComputedRef } from 'vue';

export type Locale = 'zh-CN' | 'en-US';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];
const STORAGE_KEY = 'hyedu.locale';

function initialLocale(): Locale {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return saved === 'en-US' ? 'en-US' : 'zh-CN';
}

/** The one locale of the whole platform (portal and every module share this store). */
export const useLocaleStore = defineStore('ui/locale', () => {
  const locale = ref<Locale>(initialLocale());
  // <html lang> follows the locale from the start (a page opened with English saved is English to a screen reader).
  if (typeof document !== 'undefined') document.documentElement.lang = locale.value;
  function setLocale(next: Locale) {
    locale.value = next;
    if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, next);
    if (typeof document !== 'undefined') document.documentElement.lang = next;
  }
  return { locale, setLocale };
});

/** The language of the domain's label tables (`{ zh, en }` words) in the shared locale. */
export function useWordsLang(): ComputedRef<'zh' | 'en'> {
  const store = useLocaleStore();
  return computed(() => (store.locale === 'en-US' ? 'en' : 'zh'));
}

type Params = Record<string, string | number>;
const fill = (text: string, params?: Params) =>
  params ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : text;

/**
 * Declares one component's or module's messages: Chinese first, English with the same keys.
 * Returns a composable giving a `t(key, params)` that follows the shared locale.
 */
export function defineMessages<K extends string>(messages: { 'zh-CN': Record<K, string>; 'en-US': Record<K, string> }) {
  return function useMessages() {
    const store = useLocaleStore();
    return (key: K, params?: Params) => fill(messages[store.locale][key], params);
  };
}

/**
 * Punctuation around values in the shared locale: full-width in Chinese (「牵头：安全稳定科」「（5）」「甲、乙」),
 * ASCII in English ("Lead: …", " (5)", "a, b").
 */
export function usePunctuation() {
  const store = useLocaleStore();
  const en = () => store.locale === 'en-US';
  return {
    colon: () => (en() ? ': ' : '：'),
    comma: () => (en() ? ', ' : '，'),
    paren: (inner: string | number) => (en() ? ` (${inner})` : `（${inner}）`),
    list: (items: readonly string[]) => items.join(en() ? ', ' : '、'),
  };
}
