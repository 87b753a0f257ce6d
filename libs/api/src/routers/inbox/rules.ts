import { and, eq, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { inboxRules, type ActorLevel, type Workflow } from '@hyedu/domain';

/** The columns a workflow's inbox rules refer to: the state, who submitted last, and the fields its steps need. */
export interface RuleColumns {
  state: PgColumn;
  submittedBy?: PgColumn;
  fields?: Record<string, PgColumn>;
}

/**
 * The records awaiting `level` in a workflow, as one SQL condition built from the declaration's inbox rules (the
 * state, the fields that must be empty or filled, four eyes); null when nothing of the workflow awaits the level.
 */
export function awaitingSql<S extends string, A extends string>(
  wf: Workflow<S, A>,
  level: ActorLevel,
  cols: RuleColumns,
  username: string,
): SQL | null {
  const field = (f: string) => {
    const c = cols.fields?.[f];
    if (!c) throw new Error(`${wf.key}: no column for the field ${f}`);
    return c;
  };
  const conditions = inboxRules(wf, level).map((rule) =>
    and(
      eq(cols.state, rule.state),
      ...rule.missing.map((f) => isNull(field(f))),
      ...rule.filled.map((f) => isNotNull(field(f))),
      rule.notBySubmitter && cols.submittedBy ? or(isNull(cols.submittedBy), ne(cols.submittedBy, username)) : undefined,
    )!,
  );
  return conditions.length ? (or(...conditions) ?? sql`false`) : null;
}

/** The steps that await `level` on a record in `state` (the first matching rule's; the row already matched one). */
export function awaitedSteps<S extends string, A extends string>(
  wf: Workflow<S, A>,
  level: ActorLevel,
  state: S,
  fields: Record<string, unknown> = {},
): readonly A[] {
  const filled = (f: string) => fields[f] !== null && fields[f] !== undefined;
  return inboxRules(wf, level).find((r) => r.state === state && r.missing.every((f) => !filled(f)) && r.filled.every(filled))?.steps ?? [];
}
