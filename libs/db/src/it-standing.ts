import { sql, type SQL } from 'drizzle-orm';
import { IT_CAPABILITY_RULE } from '@hyedu/domain/teachers';
import type { Tx } from './audit.ts';
import type { Db } from './client.ts';

/**
 * Brings the IT 2.0 rollup on the staff rows (`it_met_until`, `it_last_on`; the domain's `itRollup`) up to date with
 * the training records, in the caller's transaction: for the people whose blind indexes `people` lists (an array, or a
 * subquery of `id_index`), or for everyone. Every write of training records, of a project's IT 2.0 flag and of a new
 * staff row calls it for the people concerned; the demo seed once for all. One set-based statement: the records newest
 * first, summed per person; the record whose running sum reaches the rule's hours gives the last day in the window.
 */
export async function refreshItStanding(db: Db | Tx, people?: readonly string[] | SQL): Promise<void> {
  if (Array.isArray(people) && people.length === 0) return;
  const list = Array.isArray(people)
    ? sql.join(
        people.map((p) => sql`${p}`),
        sql`, `,
      )
    : (people as SQL | undefined);
  const only = (column: SQL) => (list ? sql`and ${column} in (${list})` : sql``);
  const { hours, years } = IT_CAPABILITY_RULE;
  const later = sql`(x.recorded_on + make_interval(years => ${years}::int))::date`;
  await db.execute(sql`
    update teacher_staff st set it_met_until = a.met_until, it_last_on = a.last_on
    from teacher_staff s
    left join (
      select x.id_index,
        max(case when x.cum >= ${hours}::int and x.cum - x.hours < ${hours}::int then
          case when to_char(x.recorded_on, 'MM-DD') = '02-29' and to_char(${later}, 'MM-DD') = '02-28' then ${later}
          else (${later} - 1) end end) as met_until,
        max(x.recorded_on) as last_on
      from (
        select r.id_index, r.recorded_on, r.hours,
          sum(r.hours) over (partition by r.id_index order by r.recorded_on desc, r.id rows unbounded preceding) as cum
        from teacher_training_records r join teacher_training_projects p on p.id = r.project_id
        where p.it_capability ${only(sql`r.id_index`)}
      ) x
      group by x.id_index
    ) a on a.id_index = s.id_index
    where s.id = st.id ${only(sql`s.id_index`)}
      and (st.it_met_until is distinct from a.met_until or st.it_last_on is distinct from a.last_on)`);
}
