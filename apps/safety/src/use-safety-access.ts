import { useQuery } from '@tanstack/vue-query';
import { computed } from 'vue';
import type { SafetyLevel } from '@hyedu/domain';
import { api } from '@hyedu/web';

/**
 * What the signed-in account may do in the module, as the server decides it (`safety.access`): the level it acts at
 * (the city sees everything, a county its schools, a school itself), whether it enters and verifies records
 * (leadership only reads), its own school, and whether it keeps the 4个100% settings. Pages only hide what the
 * server would refuse anyway; until the answer arrives nothing can be written.
 */
export function useSafetyAccess() {
  const access = useQuery(api.safety.access.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const level = computed<SafetyLevel>(() => access.data.value?.level ?? 'school');
  const canWrite = computed(() => access.data.value?.canWrite ?? false);
  const canSettings = computed(() => access.data.value?.canConfigure ?? false);
  const schoolId = computed(() => access.data.value?.schoolId ?? null);
  return { level, canWrite, canSettings, schoolId, actor: computed(() => ({ level: level.value, canWrite: canWrite.value })) };
}
