import { ACTOR_LEVELS, type ActorLevel, type Workflow } from './workflow.ts';

/**
 * Which records await a level's action, read from a workflow's declaration: a record in `state` whose `missing` fields
 * are empty and whose `filled` fields are filled awaits `steps`. The 待办 inbox turns each rule into a query.
 */
export interface InboxRule<S extends string, A extends string> {
  state: S;
  /** The fields that must be empty (someone must fill them before the level whose turn it is can move on). */
  missing: readonly string[];
  /** The fields that must be filled (the level's moving steps need them). */
  filled: readonly string[];
  /** The steps the level takes on such a record. */
  steps: readonly A[];
  /** None of the steps may be taken by who submitted the record last (four eyes): such a record awaits others. */
  notBySubmitter: boolean;
}

/**
 * The inbox rules of `level` in a workflow. In each state it is the turn of the levels `turn` names: they take the
 * steps that move the record on. When those steps need a field another step fills (setting the deadline before
 * rectification may start), a record without it awaits the first level of the filling step instead.
 */
export function inboxRules<S extends string, A extends string>(wf: Workflow<S, A>, level: ActorLevel): InboxRule<S, A>[] {
  const rules: InboxRule<S, A>[] = [];
  for (const state of wf.states) {
    const from = wf.actions.filter((a) => wf.steps[a].from.includes(state));
    /** The steps that move a record in this state on (a resubmission that stays where it is does not, nor a correction). */
    const moves = (l: ActorLevel) =>
      from.filter((a) => wf.steps[a].to && wf.steps[a].to !== state && !wf.steps[a].corrective && wf.steps[a].by.includes(l));
    const fillers = (field: string) => from.filter((a) => wf.steps[a].fills?.includes(field));
    /** The fields the turn's moving steps need that some step of this state fills. */
    const blocking = (l: ActorLevel) => {
      return [...new Set(moves(l).flatMap((a) => (wf.steps[a].needs ?? []).map((n) => n.field)))].filter((f) => fillers(f).length > 0);
    };
    if (wf.awaits(state, level)) {
      const steps = moves(level);
      if (steps.length)
        rules.push({
          state,
          missing: [],
          filled: blocking(level),
          steps,
          notBySubmitter: steps.every((a) => !!wf.steps[a].notBySubmitter),
        });
    }
    for (const other of wf.turn[state]) {
      for (const field of blocking(other)) {
        const steps = fillers(field).filter((a) => wf.steps[a].by[0] === level);
        if (steps.length)
          rules.push({ state, missing: [field], filled: [], steps, notBySubmitter: steps.every((a) => !!wf.steps[a].notBySubmitter) });
      }
    }
  }
  return rules;
}

/**
 * Whose turn a record is and for which steps (what a page says when the caller has nothing to do): the levels whose
 * inbox rules match the record's state and fields. Empty for an end state.
 */
export function whoseTurn<S extends string, A extends string>(
  wf: Workflow<S, A>,
  state: S,
  fields: Record<string, unknown> = {},
): { level: ActorLevel; steps: readonly A[] }[] {
  const filled = (f: string) => fields[f] !== null && fields[f] !== undefined && fields[f] !== '';
  return ACTOR_LEVELS.flatMap((level) => {
    const rule = inboxRules(wf, level).find((r) => r.state === state && r.missing.every((f) => !filled(f)) && r.filled.every(filled));
    return rule ? [{ level, steps: rule.steps }] : [];
  });
}
