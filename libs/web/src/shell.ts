import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ModuleKey, ModuleManifest } from '@hyedu/domain';

export type RemoteStatus = 'idle' | 'loading' | 'ready' | 'failed';

/**
 * The shell's state, shared by the portal and every module (one pinia, one store):
 * the module registry as the server sent it, and how each module's remote is doing.
 */
export const useShellStore = defineStore('web/shell', () => {
  const modules = ref<ModuleManifest[]>([]);
  const status = ref<Partial<Record<ModuleKey, RemoteStatus>>>({});
  const registryError = ref<string | null>(null);
  const byKey = computed(() => new Map(modules.value.map((m) => [m.key, m])));

  function setModules(list: ModuleManifest[]) {
    modules.value = [...list].sort((a, b) => a.sortOrder - b.sortOrder);
  }
  function setStatus(key: ModuleKey, s: RemoteStatus) {
    status.value = { ...status.value, [key]: s };
  }
  return { modules, status, registryError, byKey, setModules, setStatus };
});
