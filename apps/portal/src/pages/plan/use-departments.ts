import { useQuery } from '@tanstack/vue-query';
import { computed } from 'vue';
import { api, useShellStore } from '@hyedu/web';

/** The 科室 names by key (for the plan's lead and co-owner columns). */
export function useDepartments() {
  const shell = useShellStore();
  const q = useQuery(api.plan.departments.queryOptions(undefined, { enabled: computed(() => shell.can('plan')), staleTime: 10 * 60_000 }));
  const name = (key: string) => q.data.value?.find((d) => d.key === key)?.name ?? key;
  const list = computed(() => q.data.value ?? []);
  return { name, list };
}
