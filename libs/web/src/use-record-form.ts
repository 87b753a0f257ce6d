import { computed, getCurrentInstance, inject, ref, watch, type Ref } from 'vue';
import { matchedRouteKey, onBeforeRouteLeave } from 'vue-router';
import { askConfirm, defineMessages } from '@hyedu/ui';
import { formErrors } from './trpc.ts';

const useMessages = defineMessages({
  'zh-CN': {
    discard: '有未保存的修改，确定放弃吗？',
    discardTitle: '放弃修改',
    discardYes: '放弃',
    discardNo: '继续编辑',
    failed: '保存未成功，请稍后重试',
  },
  'en-US': {
    discard: 'There are unsaved changes. Discard them?',
    discardTitle: 'Discard changes',
    discardYes: 'Discard',
    discardNo: 'Keep editing',
    failed: 'Not saved. Please try again later.',
  },
});

/** Problems found in the page before anything is sent (the domain's schema), by field path, as the server would say them. */
export class FormRefusal extends Error {
  constructor(readonly fields: Record<string, string>) {
    super(Object.values(fields)[0] ?? '');
  }
}

/** A refusal from a schema's issues (`ActivityInput.safeParse(…).error.issues`): the first message of each path. */
export function refusal(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FormRefusal {
  const fields: Record<string, string> = {};
  for (const i of issues) fields[i.path.map(String).join('.')] ??= i.message;
  return new FormRefusal(fields);
}

export interface RecordFormOptions<V extends object, R> {
  /** The empty form; `reset()` goes back to it (or to the values it is given). */
  blank: () => V;
  /** Sends the values; throws a server error or a `refusal(…)` when they are refused. */
  submit: (values: V) => Promise<R>;
  /** Which error paths have a place beside a field; the others go to `_`. By default the form's own top-level keys. */
  shown?: readonly string[] | ((path: string) => boolean);
  /** Called once saved (the form is clean by then): close the dialog, tell the page. */
  done?: (result: R) => void;
  /** Called with what a refused submit threw, after its errors are shown (a CONFLICT reloads the page's data). */
  failed?: (error: unknown) => void;
  /** A dialog's v-model: the form starts blank each time it opens, and only an open dialog guards a route change. */
  open?: Ref<boolean>;
}

const CJK = /[\u3400-\u9fff]/;

/**
 * One record form: its values, the errors beside each field (`_` for the rest), a busy flag while it is sent, whether
 * it has unsaved changes, and the question before those are lost (leaving the route, or closing the dialog through
 * `close`/`beforeClose`). `submit()` never throws: every problem ends up in `errors`, in Chinese (a message that is not,
 * such as a library's English one, is replaced by a plain one).
 */
export function useRecordForm<V extends object, R = unknown>(options: RecordFormOptions<V, R>) {
  const t = useMessages();
  const values = ref(options.blank()) as Ref<V>;
  const errors = ref<Record<string, string>>({});
  const busy = ref(false);
  const saved = ref(JSON.stringify(values.value));
  const dirty = computed(() => JSON.stringify(values.value) !== saved.value);

  const shown = (path: string): boolean => {
    const s = options.shown;
    if (typeof s === 'function') return s(path);
    if (s) return s.includes(path);
    return Object.prototype.hasOwnProperty.call(values.value, path);
  };

  function reset(next?: V) {
    values.value = next ?? options.blank();
    errors.value = {};
    saved.value = JSON.stringify(values.value);
  }

  /** Fills in values the page chose itself (a default from the server, a school account's own school): not a change to save. */
  function adopt(changes: Partial<V>) {
    values.value = { ...values.value, ...changes };
    saved.value = JSON.stringify({ ...(JSON.parse(saved.value) as V), ...changes });
  }

  async function submit(): Promise<R | undefined> {
    if (busy.value) return undefined;
    busy.value = true;
    errors.value = {};
    try {
      const result = await options.submit(values.value);
      saved.value = JSON.stringify(values.value);
      options.done?.(result);
      return result;
    } catch (e) {
      errors.value = e instanceof FormRefusal ? placed(e.fields) : formErrors(e, shown);
      if (errors.value._ !== undefined && !CJK.test(errors.value._)) errors.value = { ...errors.value, _: t('failed') };
      options.failed?.(e);
      return undefined;
    } finally {
      busy.value = false;
    }
  }
  function placed(fields: Record<string, string>) {
    const out: Record<string, string> = {};
    const rest: string[] = [];
    for (const [path, message] of Object.entries(fields)) {
      if (shown(path)) out[path] = message;
      else rest.push(message);
    }
    if (rest.length) out._ = rest.join('；');
    return out;
  }

  /** True when nothing would be lost, or the user chose to discard the changes. */
  const confirmLeave = async (): Promise<boolean> =>
    !dirty.value || busy.value || askConfirm(t('discard'), { title: t('discardTitle'), confirm: t('discardYes'), cancel: t('discardNo') });
  /** Runs `close` once leaving is confirmed: a dialog's cancel button calls `close(() => (open = false))`. */
  const close = async (then: () => void) => {
    if (await confirmLeave()) then();
  };
  /** For ElDialog's `before-close` (its ×, Esc and a click outside). */
  const beforeClose = (done: () => void) => void close(done);

  if (options.open) {
    const open = options.open;
    watch(open, (o) => o && reset());
  }
  // A routed page (or a dialog over one) asks before the route changes; outside a router view there is nothing to guard.
  if (getCurrentInstance() && inject(matchedRouteKey, null)?.value) {
    onBeforeRouteLeave(() => (options.open && !options.open.value ? true : confirmLeave()));
  }

  return { values, errors, busy, dirty, submit, reset, adopt, confirmLeave, close, beforeClose };
}
export type RecordForm<V extends object, R = unknown> = ReturnType<typeof useRecordForm<V, R>>;
