import { useQuery } from '@tanstack/vue-query';
import { computed } from 'vue';
import { unitLabel, useLocaleStore } from '@hyedu/ui';
import { api } from './api.ts';

/**
 * The county-level units the caller sees, for a list's unit filter and its rows: a row's unit label (局直学校 for the
 * city's own schools), whether that label is data (lang="zh-CN") or translated, and the unit a list is filtered to.
 */
export function useUnits(filteredCode: () => string | undefined = () => undefined) {
  const locale = useLocaleStore();
  const units = useQuery(api.platform.units.queryOptions());
  const byCode = computed(() => new Map((units.data.value ?? []).map((u) => [u.code, u])));
  const unitOf = (r: { unitCode: string; unitName: string }) =>
    unitLabel(byCode.value.get(r.unitCode) ?? { kind: '', name: r.unitName }, locale.locale);
  const unitLang = (r: { unitCode: string }) => (byCode.value.get(r.unitCode)?.kind === 'city' ? undefined : 'zh-CN');
  const filteredUnit = computed(() => {
    const code = filteredCode();
    return code ? byCode.value.get(code) : undefined;
  });
  return { units, unitOf, unitLang, filteredUnit };
}
