import { computed, ref, toValue, type MaybeRefOrGetter } from 'vue';
import type { Words } from '@hyedu/domain';
import { askConfirm, defineMessages, useLocaleStore } from '@hyedu/ui';
import { errorMessage } from './trpc.ts';

type Result = { id: number; ok: true } | { id: number; ok: false; message: string };
type Notice = { type: 'success' | 'warning' | 'error'; text: string };

const useMessages = defineMessages({
  'zh-CN': {
    button: '批量{step}（{n}）',
    confirm: '确定对选中的 {n} 条{noun}“{step}”吗？每条单独办理，未能办理的会逐条说明原因。',
    title: '批量办理',
    go: '确定',
    cancel: '取消',
    done: '已办理 {n} 条：{step}',
    failed: '{n} 条未能办理：{list}',
  },
  'en-US': {
    button: '{step} ({n} selected)',
    confirm: '{step}: {n} selected {noun}s? Each is handled on its own; any that cannot be is listed with the reason.',
    title: 'Several at once',
    go: 'Go ahead',
    cancel: 'Cancel',
    done: '{step}: {n} done',
    failed: '{n} not done: {list}',
  },
});

/**
 * A workflow step taken on several picked rows at once (批量核实, 批量验收销号): which rows may be picked (one of the
 * bulk steps is allowed on it), how many of the picked a step applies to, the confirmation, the call, and the notice
 * that says what was done and, row by row, why not. The server decides again, record by record.
 */
export function useBulkStep<A extends string, R extends { id: number; version: number }>(o: {
  workflow: { noun: Words; steps: Record<A, { label: Words; bulk?: boolean }> };
  /** The bulk steps the caller may take at all. */
  steps: MaybeRefOrGetter<readonly A[]>;
  /** The steps allowed on a row now. */
  allowedOn: (row: R) => readonly A[];
  send: (action: A, items: { id: number; expectedVersion: number }[]) => Promise<{ done: number; results: readonly Result[] }>;
  /** How a row is named in the list of those not done (default `#id`). */
  name?: (id: number) => string;
  /** After the call, done or not: reload, unpick. */
  after: () => unknown;
}) {
  const t = useMessages();
  const locale = useLocaleStore();
  const lang = computed(() => (locale.locale === 'en-US' ? 'en' : 'zh'));
  const picked = ref<R[]>([]) as { value: R[] };
  const busy = ref(false);
  const notice = ref<Notice | null>(null);
  const steps = computed(() => toValue(o.steps));
  const pickable = (row: R) => o.allowedOn(row).some((a) => steps.value.includes(a));
  const pickedFor = (step: A) => picked.value.filter((r) => o.allowedOn(r).includes(step));
  const stepName = (step: A) => o.workflow.steps[step].label[lang.value];
  const label = (step: A) => t('button', { step: stepName(step), n: pickedFor(step).length });

  async function run(step: A) {
    const rows = pickedFor(step);
    const name = stepName(step);
    const asked = t('confirm', { n: rows.length, step: name, noun: o.workflow.noun[lang.value] });
    if (!rows.length || !(await askConfirm(asked, { title: t('title'), confirm: t('go'), cancel: t('cancel') }))) return;
    busy.value = true;
    try {
      const { done, results } = await o.send(
        step,
        rows.map((r) => ({ id: r.id, expectedVersion: r.version })),
      );
      const failed = results.flatMap((r) => (r.ok ? [] : [`${o.name ? o.name(r.id) : `#${r.id}`} ${r.message}`]));
      notice.value = failed.length
        ? {
            type: 'warning',
            text: [t('done', { n: done, step: name }), t('failed', { n: failed.length, list: failed.join('；') })].join(' · '),
          }
        : { type: 'success', text: t('done', { n: done, step: name }) };
    } catch (e) {
      notice.value = { type: 'error', text: errorMessage(e) };
    } finally {
      busy.value = false;
      picked.value = [];
      await o.after();
    }
  }
  return { picked, busy, notice, steps, pickable, pickedFor, label, run };
}
