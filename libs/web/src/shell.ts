import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { RouterOutputs } from '@hyedu/api/router';
import type { ModuleKey, ModuleManifest } from '@hyedu/domain';
import { useLocaleStore } from '@hyedu/ui';

export type Account = NonNullable<RouterOutputs['auth']['me']['account']>;

export type RemoteStatus = 'idle' | 'loading' | 'ready' | 'failed';

/**
 * The shell's state, shared by the portal and every module (one pinia, one store):
 * the module registry as the server sent it, and how each module's remote is doing.
 */
export const useShellStore = defineStore('web/shell', () => {
  const modules = ref<ModuleManifest[]>([]);
  const status = ref<Partial<Record<ModuleKey, RemoteStatus>>>({});
  const registryError = ref<string | null>(null);
  /** The signed-in account (null before login), with the areas it may use and its data scope label. */
  const account = ref<Account | null>(null);
  /** Modules of the registry this account may use: the menu and routes show only these (the server refuses the rest). */
  const visibleModules = computed(() => modules.value.filter((m) => account.value?.areas.includes(m.key)));
  const byKey = computed(() => new Map(visibleModules.value.map((m) => [m.key, m])));
  const can = (area: string) => account.value?.areas.includes(area as never) ?? false;
  const locale = useLocaleStore();
  /** The 「数据范围」 badge in the shell's language (unit names stay as registered). */
  const scopeLabel = computed(() => (locale.locale === 'en-US' ? account.value?.scopeLabelEn : account.value?.scopeLabel) ?? '');
  /** The account must first change its password or set up its second factor: only the account page is open. */
  const setupPending = computed(() => !!account.value && (!!account.value.mustChange || account.value.totpSetupRequired));

  function setModules(list: readonly ModuleManifest[]) {
    modules.value = [...list].sort((a, b) => a.sortOrder - b.sortOrder);
  }
  function setStatus(key: ModuleKey, s: RemoteStatus) {
    status.value = { ...status.value, [key]: s };
  }
  return { modules, visibleModules, status, registryError, account, byKey, can, scopeLabel, setupPending, setModules, setStatus };
});
