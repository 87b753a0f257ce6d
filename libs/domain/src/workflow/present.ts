import type { Words, Workflow } from './workflow.ts';

/** How a page shows one step: its label, what the step asks for, and the weight of its button. */
export interface StepView<A extends string> {
  step: A;
  label: Words;
  /** A reason must be written (退回). */
  reason: boolean;
  /** The attachment slot that must hold a file first, with the message that says so. */
  evidence: { slot: string; message: string } | null;
  /** Fields of the record the step needs filled, or fills (a date to pick). */
  needs: readonly string[];
  fills: readonly string[];
  /** 'danger' for a step that sends the record back with a reason, 'default' for one that leaves its state, else 'primary'. */
  kind: 'primary' | 'danger' | 'default';
}

export function stepView<S extends string, A extends string>(wf: Workflow<S, A>, step: A): StepView<A> {
  const s = wf.steps[step];
  return {
    step,
    label: s.label,
    reason: !!s.reason,
    evidence: s.evidence ?? null,
    needs: (s.needs ?? []).map((n) => n.field),
    fills: s.fills ?? [],
    kind: s.reason ? 'danger' : s.to ? 'primary' : 'default',
  };
}

/**
 * The steps among `allowed` as buttons, in the order a page shows them: those that move the record on first
 * (declaration order), then those that send it back, then those that leave its state.
 */
export function stepViews<S extends string, A extends string, B extends A = A>(wf: Workflow<S, A>, allowed: readonly B[]): StepView<B>[] {
  const rank = { primary: 0, danger: 1, default: 2 } as const;
  return wf.actions
    .filter((a): a is B => (allowed as readonly A[]).includes(a))
    .map((a) => stepView(wf, a) as StepView<B>)
    .sort((x, y) => rank[x.kind] - rank[y.kind]);
}
