import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { defineMessages, useLocaleStore, useWordsLang } from './i18n.ts';

const useMessages = defineMessages({
  'zh-CN': { hello: '你好，{name}', plain: '首页' },
  'en-US': { hello: 'Hello, {name}', plain: 'Home' },
});

describe('i18n', () => {
  beforeEach(() => {
    localStorage.clear();
    setActivePinia(createPinia());
  });
  it('defaults to Simplified Chinese and fills parameters', () => {
    const t = useMessages();
    expect(t('hello', { name: '张三' })).toBe('你好，张三');
  });
  it('follows the shared locale and remembers it', () => {
    const t = useMessages();
    useLocaleStore().setLocale('en-US');
    expect(t('plain')).toBe('Home');
    expect(localStorage.getItem('hyedu.locale')).toBe('en-US');
    expect(document.documentElement.lang).toBe('en-US');
  });
  it('sets <html lang> from the saved locale when the app starts', () => {
    document.documentElement.lang = 'zh-CN';
    localStorage.setItem('hyedu.locale', 'en-US');
    expect(useLocaleStore().locale).toBe('en-US');
    expect(document.documentElement.lang).toBe('en-US');
  });
  it("gives the label tables' language and follows a switch", () => {
    const lang = useWordsLang();
    expect(lang.value).toBe('zh');
    useLocaleStore().setLocale('en-US');
    expect(lang.value).toBe('en');
  });
});
