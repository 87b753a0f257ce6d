import { z } from 'zod';

/**
 * Case workflows as data. A workflow names its states and its steps; each step says from which states it may be
 * taken, where it leads, at which levels of the bureau people may take it and what it requires (a reason, evidence
 * files, fields of the record that must be filled, someone other than the submitter). The server applies steps from
 * this declaration, the pages show the allowed steps and the history from it, the 待办 inbox asks it whose turn it is,
 * and another bureau can read it as plain data (only the refusal texts are built by the functions below).
 *
 * A plain declaration rather than a state-machine library: a case here is a record with one status column and a
 * few named steps — no parallel or nested states, no timers inside the machine (deadlines are rules on the record) —
 * and the declaration must stay readable as data by tests, the server, the UI and other bureaus.
 */

/** The levels at which people act on a record: a school, a county bureau, the city's 科室, the bureau's leadership. */
export const ACTOR_LEVELS = ['school', 'county', 'city', 'leadership'] as const;
export type ActorLevel = (typeof ACTOR_LEVELS)[number];
export const ACTOR_LEVEL_LABELS: Record<ActorLevel, { zh: string; en: string }> = {
  school: { zh: '学校', en: 'the school' },
  county: { zh: '县区教育局', en: 'the county bureau' },
  city: { zh: '市教育局', en: 'the city bureau' },
  leadership: { zh: '局领导', en: 'the bureau leadership' },
};

export interface Words {
  zh: string;
  en: string;
}

/** One step of a workflow. `to` absent: the step changes the record but not its state (e.g. setting a deadline). */
export interface StepSpec<S extends string> {
  label: Words;
  from: readonly S[];
  to?: S;
  /** The levels whose people may take the step. */
  by: readonly ActorLevel[];
  /** A reason must be given (退回, 撤回, 作废). */
  reason?: boolean;
  /** At least one file of this attachment slot must be on the record before the step. */
  evidence?: { slot: string; message: string };
  /** Fields of the record that must be filled before the step, each with the refusal that says so. */
  needs?: readonly { field: string; message: string }[];
  /** Fields of the record the step fills (setting a deadline fills `deadline`): who takes it unblocks a step that needs them. */
  fills?: readonly string[];
  /** Nobody takes this step on a record whose last submission was their own (four eyes). */
  notBySubmitter?: { message: string };
  /** The step may also create the record (a first submission): allowed when there is none yet. */
  opens?: boolean;
  /**
   * The step corrects or undoes (撤回, 更正, 作废) rather than moving the work on: it may be taken, but nobody's work
   * awaits it (the 待办 inbox and “whose turn” leave it out).
   */
  corrective?: boolean;
  /** The step may be taken on several records at once (批量): it asks the caller for nothing but the choice (no reason). */
  bulk?: boolean;
  /** Refusal texts that say more than the generic ones (for a wrong state: one text, or one per state). */
  refusals?: { level?: string | Partial<Record<ActorLevel, string>>; state?: string | Partial<Record<S, string>> };
}

export interface WorkflowSpec<S extends string, A extends string> {
  /** `module.recordType`, e.g. `safety.hazard`: the audit actions are `<key>.<step>`. */
  key: string;
  /** What the record is called in refusals (“隐患当前为…”). */
  noun: Words;
  states: readonly [S, ...S[]];
  stateLabels: Record<S, Words>;
  initial: S;
  /** Who is expected to act in each state (the 待办 inbox); empty for an end state. */
  turn: Record<S, readonly ActorLevel[]>;
  steps: Record<A, StepSpec<S>>;
}

/** The record as a workflow sees it: its state, who submitted it last, and the fields its steps may need. */
export interface CaseRecord<S extends string> {
  state: S;
  submittedBy?: string | null;
  fields?: Record<string, unknown>;
}

export interface Actor {
  level: ActorLevel;
  username: string;
}

/** What a caller gives with a step: its reason, and how many files each evidence slot holds now. */
export interface StepGiven {
  reason?: string | null;
  files?: Record<string, number>;
}

/**
 * Why a step is refused: `level` (not this actor's step: a 403), `state` (not from the record's state, or no record),
 * `input` (a reason or evidence is missing: a field-level 400 on `field`), `rule` (a needed field, four eyes).
 */
export interface Refusal {
  message: string;
  kind: 'level' | 'state' | 'input' | 'rule';
  field: string | null;
}

export interface Workflow<S extends string, A extends string> extends WorkflowSpec<S, A> {
  /** The step names in declaration order. */
  actions: readonly A[];
  /** The state a step leads to from `state` (the same state for a step without `to`). */
  next(action: A, state: S): S;
  /**
   * Why `actor` may not take `action` on `record` now (Chinese), or null. The step's own inputs are checked only
   * when given: the reason with `given`, the evidence with `given.files`. Without them it answers “may they start
   * this step”, which pages ask to show its button.
   */
  refusal(record: CaseRecord<S> | null, action: A, actor: Actor, given?: StepGiven): string | null;
  /** The refusal with what it is about: its kind, and for a missing input the field ('reason' or an evidence slot). */
  refusalOf(record: CaseRecord<S> | null, action: A, actor: Actor, given?: StepGiven): Refusal | null;
  /** The steps `actor` may start on `record` (null: none yet) now, in declaration order; corrective steps apart. */
  allowed(record: CaseRecord<S> | null, actor: Actor): A[];
  /** The corrective steps (撤回, 更正, 作废) `actor` may take on `record` now. */
  corrections(record: CaseRecord<S> | null, actor: Actor): A[];
  /** Whether it is `level`'s turn on a record in `state` (the 待办 inbox). */
  awaits(state: S, level: ActorLevel): boolean;
  /** The end states: no step leads out of them. */
  finalStates: readonly S[];
}

const levelsText = (levels: readonly ActorLevel[]) => levels.map((l) => ACTOR_LEVEL_LABELS[l].zh).join('或');
/** A reason given with a step (asked for or not) says something: one character is not a reason. */
export const MIN_REASON_LENGTH = 2;
const filled = (v: unknown) => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');

/** Checks a declaration (every state labelled, every step's states declared) and gives it its functions. */
export function defineWorkflow<const S extends string, const A extends string>(spec: WorkflowSpec<S, A>): Workflow<S, A> {
  const states = new Set<string>(spec.states);
  const actions = Object.keys(spec.steps) as A[];
  if (!states.has(spec.initial)) throw new Error(`${spec.key}: initial state ${spec.initial} is not declared`);
  for (const s of spec.states)
    if (!spec.stateLabels[s] || !spec.turn[s]) throw new Error(`${spec.key}: state ${s} needs a label and a turn`);
  for (const a of actions) {
    const step = spec.steps[a];
    for (const s of [...step.from, ...(step.to ? [step.to] : [])])
      if (!states.has(s)) throw new Error(`${spec.key}.${a}: unknown state ${s}`);
    if (step.by.length === 0) throw new Error(`${spec.key}.${a}: nobody may take it`);
    if (step.bulk && step.reason) throw new Error(`${spec.key}.${a}: a step that asks for a reason cannot be taken in bulk`);
  }
  const finalStates = spec.states.filter((s) => !actions.some((a) => spec.steps[a].from.includes(s)));

  /** The refusal and the field it concerns (null when the refusal is not about an input). */
  function check(found: CaseRecord<S> | null, action: A, actor: Actor, given?: StepGiven): Refusal | null {
    const step = spec.steps[action];
    if (!step) return { message: '操作无效', kind: 'state', field: null };
    if (!step.by.includes(actor.level)) {
      const texts = step.refusals?.level;
      const text = typeof texts === 'string' ? texts : texts?.[actor.level];
      return { message: text ?? `“${step.label.zh}”由${levelsText(step.by)}进行`, kind: 'level', field: null };
    }
    if (!found && !step.opens) return { message: `${spec.noun.zh}不存在`, kind: 'state', field: null };
    const record: CaseRecord<S> = found ?? { state: spec.initial };
    if (found && !step.from.includes(found.state)) {
      const texts = step.refusals?.state;
      const text = typeof texts === 'string' ? texts : texts?.[found.state];
      return {
        message: text ?? `${spec.noun.zh}当前为“${spec.stateLabels[found.state].zh}”，不能${step.label.zh}`,
        kind: 'state',
        field: null,
      };
    }
    if (given && step.reason && !filled(given.reason)) return { message: `请填写${step.label.zh}原因`, kind: 'input', field: 'reason' };
    if (given && filled(given.reason) && given.reason!.trim().length < MIN_REASON_LENGTH)
      return { message: `${step.label.zh}原因至少写${MIN_REASON_LENGTH}个字`, kind: 'input', field: 'reason' };
    for (const need of step.needs ?? [])
      if (!filled(record.fields?.[need.field])) return { message: need.message, kind: 'rule', field: null };
    if (step.notBySubmitter && record.submittedBy === actor.username)
      return { message: step.notBySubmitter.message, kind: 'rule', field: null };
    if (given?.files && step.evidence && !((given.files[step.evidence.slot] ?? 0) > 0))
      return { message: step.evidence.message, kind: 'input', field: step.evidence.slot };
    return null;
  }

  return {
    ...spec,
    actions,
    finalStates,
    next: (action, state) => spec.steps[action].to ?? state,
    refusal: (record, action, actor, given) => check(record, action, actor, given)?.message ?? null,
    refusalOf: check,
    allowed: (record, actor) => actions.filter((a) => !spec.steps[a].corrective && check(record, a, actor) === null),
    corrections: (record, actor) => actions.filter((a) => !!spec.steps[a].corrective && check(record, a, actor) === null),
    awaits: (state, level) => spec.turn[state].includes(level),
  };
}

/** The declaration as plain data (what another bureau or a document reads): states, labels, steps and their rules. */
export function describeWorkflow<S extends string, A extends string>(wf: Workflow<S, A>) {
  return {
    key: wf.key,
    noun: wf.noun,
    initial: wf.initial,
    finalStates: wf.finalStates,
    states: wf.states.map((s) => ({ state: s, label: wf.stateLabels[s], turn: wf.turn[s] })),
    steps: wf.actions.map((a) => {
      const { label, from, to, by, reason, evidence, needs, fills, notBySubmitter, opens, bulk, corrective } = wf.steps[a];
      return {
        step: a,
        label,
        from,
        opens: !!opens,
        to: to ?? null,
        by,
        reason: !!reason,
        evidence: evidence?.slot ?? null,
        needs: (needs ?? []).map((n) => n.field),
        fills: fills ?? [],
        notBySubmitter: !!notBySubmitter,
        bulk: !!bulk,
        corrective: !!corrective,
      };
    }),
  };
}

/** The states' labels in one language, e.g. { pending: '待整改', … } for tables, exports and tags. */
export const stateLabels = <S extends string, A extends string>(wf: Workflow<S, A>, lang: keyof Words): Record<S, string> =>
  Object.fromEntries(wf.states.map((s) => [s, wf.stateLabels[s][lang]])) as Record<S, string>;

/** The steps of a workflow as an input schema, without those that have procedures of their own. */
export function stepEnum<S extends string, A extends string, const E extends A = never>(wf: Workflow<S, A>, except: readonly E[] = []) {
  const steps = wf.actions.filter((a): a is Exclude<A, E> => !(except as readonly string[]).includes(a));
  return z.enum(steps as [Exclude<A, E>, ...Exclude<A, E>[]], { message: '操作无效' });
}
