import { sql } from 'drizzle-orm';
import { STAGE_ITEMS, type AidTargetScope } from '@hyedu/domain/funding';
import type { Tx } from './audit.ts';
import {
  fundingAidFollowUps as f,
  fundingAidListed as l,
  fundingAidMatches as m,
  fundingAidPayments as p,
  fundingAidRuns as runs,
  fundingAidStudents as s,
} from './schema/funding-aid.ts';

/** The record id an aid ID number's cipher is bound to (the lists, the 学籍 extract: one person, one binding). */
export const aidCipherId = (idIndex: string) => `funding_aid:${idIndex}`;

const rowsOf = <R>(result: unknown): R[] => [...(result as { rows: R[] }).rows];

export interface AidRunCounts {
  listed: number;
  matched: number;
  unmatched: number;
  aided: number;
  unaided: number;
  eligible: number;
  eligibleAided: number;
}

/** The domain's stage → items table as SQL rows (stage, item), so the run asks the rule, not a copy of it. */
const stageItems = () =>
  sql.join(
    Object.entries(STAGE_ITEMS).flatMap(([stage, items]) => items.map((item) => sql`(${stage}::text, ${item}::text)`)),
    sql`, `,
  );

/**
 * The matching run for one semester, set-based (the SQL form of the domain's `matchOutcome`, tested against it): every
 * listed person (their lists' categories together) is joined to their 学籍 record by the ID number's blind index and
 * to the semester's aid roll; the result replaces the semester's rows of `funding_aid_matches`. Then each 应助未助
 * student gets a follow-up (kept if there is one), and open follow-ups whose student is now aided are settled.
 * One transaction (the caller's); answers the run's id, counts and the follow-ups settled.
 */
export async function runAidMatching(
  tx: Tx,
  opts: { semester: string; target: AidTargetScope; runBy: string; now: Date; today: string },
): Promise<{ runId: number; counts: AidRunCounts; opened: number; settled: number; millis: number }> {
  const started = performance.now();
  const [run] = await tx
    .insert(runs)
    .values({ semester: opts.semester, runBy: opts.runBy, runAt: opts.now, millis: 0, counts: emptyCounts() })
    .returning({ id: runs.id });
  const runId = run!.id;
  await tx.delete(m).where(sql`${m.semester} = ${opts.semester}`);
  const categories = sql`array[${sql.join(
    opts.target.categories.map((c) => sql`${c}`),
    sql`, `,
  )}]::text[]`;
  const stages = sql`array[${sql.join(
    opts.target.stages.map((c) => sql`${c}`),
    sql`, `,
  )}]::text[]`;
  await tx.execute(sql`
    with people as (
      select ${l.idIndex} as id_index, min(${l.name}) as name, min(${l.idMasked}) as id_masked,
             array_agg(distinct ${l.category}::text order by ${l.category}::text) as categories,
             array_agg(distinct ${l.listKind}::text order by ${l.listKind}::text) as list_kinds,
             min(${l.unitCode}) as list_unit
      from ${l} group by ${l.idIndex}
    ), stage_items(stage, item) as (values ${stageItems()}),
    paid as (
      select distinct ${p.idIndex} as id_index, si.stage
      from ${p} join stage_items si on si.item = ${p.item}
      where ${p.semester} = ${opts.semester}
    )
    insert into ${m} (run_id, semester, id_index, name, id_masked, categories, list_kinds, student_id, school_id, unit_code, stage, grade, outcome, in_target)
    select ${runId}, ${opts.semester}, pp.id_index, coalesce(st.name, pp.name), coalesce(st.id_masked, pp.id_masked), pp.categories,
           pp.list_kinds, st.id, st.school_id, coalesce(st.unit_code, pp.list_unit), st.stage, st.grade,
           case when st.id is null then 'unmatched'
                when pd.id_index is not null then 'aided'
                else 'unaided' end,
           st.id is not null and st.stage = any(${stages}) and pp.categories && ${categories}
    from people pp
    left join ${s} st on st.id_index = pp.id_index
    left join paid pd on pd.id_index = pp.id_index and pd.stage = st.stage`);
  const [c] = rowsOf<Record<keyof AidRunCounts, number>>(
    await tx.execute(sql`
      select count(*)::int as listed,
             count(*) filter (where outcome <> 'unmatched')::int as matched,
             count(*) filter (where outcome = 'unmatched')::int as unmatched,
             count(*) filter (where outcome = 'aided')::int as aided,
             count(*) filter (where outcome = 'unaided')::int as unaided,
             count(*) filter (where in_target)::int as eligible,
             count(*) filter (where in_target and outcome = 'aided')::int as "eligibleAided"
      from ${m} where semester = ${opts.semester}`),
  );
  const opened = rowsOf<{ id: number }>(
    await tx.execute(sql`
      insert into ${f} (semester, id_index, student_id, school_id, unit_code, name, id_masked, categories, stage, grade, in_target, status, opened_on)
      select semester, id_index, student_id, school_id, unit_code, name, id_masked, categories, stage, grade, in_target, 'open', ${opts.today}
      from ${m} where semester = ${opts.semester} and outcome = 'unaided'
      on conflict (semester, id_index) do update set
        student_id = excluded.student_id, school_id = excluded.school_id, unit_code = excluded.unit_code, name = excluded.name,
        id_masked = excluded.id_masked, categories = excluded.categories, stage = excluded.stage, grade = excluded.grade,
        in_target = excluded.in_target
      returning id, (xmax = 0) as inserted`),
  ).filter((r) => (r as unknown as { inserted: boolean }).inserted).length;
  const settled = rowsOf<{ id: number }>(
    await tx.execute(sql`
      update ${f} set status = 'aided', settled_on = ${opts.today}, updated_by = ${opts.runBy}, updated_at = ${opts.now.toISOString()},
        version = ${f.version} + 1
      from ${m} mm
      where mm.semester = ${f.semester} and mm.id_index = ${f.idIndex} and mm.outcome = 'aided'
        and ${f.semester} = ${opts.semester} and ${f.status} in ('open', 'recognised')
      returning ${f.id}`),
  ).length;
  const counts = { ...emptyCounts(), ...c };
  const millis = Math.round(performance.now() - started);
  await tx
    .update(runs)
    .set({ counts, millis })
    .where(sql`${runs.id} = ${runId}`);
  return { runId, counts, opened, settled, millis };
}

const emptyCounts = (): AidRunCounts => ({ listed: 0, matched: 0, unmatched: 0, aided: 0, unaided: 0, eligible: 0, eligibleAided: 0 });
