export * from './element.ts';
export { defineMessages, useLocaleStore, LOCALES } from './i18n.ts';
export type { Locale } from './i18n.ts';
export * from './format.ts';
export { default as BasePage } from './components/BasePage.vue';
export { default as StatCard } from './components/StatCard.vue';
export { default as ModuleUnavailable } from './components/ModuleUnavailable.vue';
export { default as UnitSelect } from './components/UnitSelect.vue';
