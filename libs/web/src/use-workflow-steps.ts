import { computed, ref, type Ref, type WritableComputedRef } from 'vue';
import type { Words } from '@hyedu/domain';
import { defineMessages, useLocaleStore } from '@hyedu/ui';
import { errorMessage, formErrors } from './trpc.ts';

type Notice = { type: 'success' | 'error'; text: string };

const useMessages = defineMessages({
  'zh-CN': { done: '已办理：{step}' },
  'en-US': { done: 'Done: {step}' },
});

/** A step's own input refused on the page before any call (an amount that is not money): its message is shown. */
export class StepInputError extends Error {}

/**
 * A record page's workflow steps, the same on every record type: a step that asks for input (a reason, as declared,
 * or what `asks` adds) opens its form first (`open` fills it) and is taken on the second press; the call runs with a
 * busy state; its outcome is a notice (the step's label, or the server's Chinese message); a refused field the open
 * form shows (`shown`: the reason by default) gets its message beside it instead. The record's queries are refreshed
 * either way, so a refusal shows the record as it now is. `RecordSteps` shows all of it on a page.
 */
export function useWorkflowSteps<A extends string>(o: {
  workflow: { steps: Record<A, { label: Words; reason?: unknown }> };
  /** Steps that open a form besides those declared with a reason. */
  asks?: (action: A) => boolean;
  /** Fills the form a step opens. */
  open?: (action: A) => void;
  /** The paths of the inputs a step's form shows beside which a refusal is told (besides `reason`). */
  shown?: readonly string[];
  /** The step's call; `reason` is what the form holds when the step asked for one. */
  run: (action: A, reason: string | undefined) => Promise<unknown>;
  refresh: () => Promise<unknown>;
}) {
  const t = useMessages();
  const locale = useLocaleStore();
  const lang = computed(() => (locale.locale === 'en-US' ? 'en' : 'zh'));
  const asking = ref(null) as Ref<A | null>;
  const reason = ref('');
  const busy = ref(null) as Ref<A | null>;
  /** The last outcome: a step done (shown in the current language, so it follows a switch) or a refusal's text. */
  const outcome = ref(null) as Ref<{ type: 'success'; step: A } | Notice | null>;
  const notice: WritableComputedRef<Notice | null> = computed({
    get: (): Notice | null => {
      const last = outcome.value;
      if (!last || !('step' in last)) return last;
      return { type: 'success', text: t('done', { step: o.workflow.steps[last.step].label[lang.value] }) };
    },
    set: (v: Notice | null) => {
      outcome.value = v;
    },
  });
  /** A refusal's messages by the path of the form's input they are about. */
  const errors = ref<Record<string, string>>({});
  const shown = (path: string) => path === 'reason' || (o.shown?.includes(path) ?? false);
  const asksInput = (action: A) => !!o.workflow.steps[action].reason || (o.asks?.(action) ?? false);

  async function take(action: A) {
    if (asksInput(action) && asking.value !== action) {
      asking.value = action;
      reason.value = '';
      errors.value = {};
      o.open?.(action);
      return;
    }
    busy.value = action;
    notice.value = null;
    errors.value = {};
    try {
      await o.run(action, o.workflow.steps[action].reason ? reason.value : undefined);
      outcome.value = { type: 'success', step: action };
      asking.value = null;
    } catch (e) {
      const { _: rest, ...fields } =
        e instanceof StepInputError ? { _: e.message } : asking.value === action ? formErrors(e, shown) : { _: errorMessage(e) };
      errors.value = fields;
      if (rest) notice.value = { type: 'error', text: rest };
    } finally {
      busy.value = null;
    }
    await o.refresh();
  }

  /** Closes the open form without taking its step. */
  function cancel() {
    asking.value = null;
    errors.value = {};
  }

  return { asking, reason, busy, notice, errors, take, cancel };
}

export type WorkflowSteps<A extends string> = ReturnType<typeof useWorkflowSteps<A>>;
