import { sql } from 'drizzle-orm';
import type { Tx } from './audit.ts';
import type { Db } from './client.ts';

/**
 * Rebuilds `teacher_training_counts` for the given projects (or all), in the writer's transaction. The projects' rows
 * are locked first, in id order: two transactions writing records of one project recount one after the other, the
 * second seeing the first's records (each statement reads what has committed), so the counts never lose a write.
 */
export async function recountTraining(db: Db | Tx, projectIds?: readonly number[]): Promise<void> {
  if (projectIds && projectIds.length === 0) return;
  const ids = projectIds ? [...new Set(projectIds)].sort((a, b) => a - b) : undefined;
  const list = ids
    ? sql.join(
        ids.map((id) => sql`${id}::int`),
        sql`, `,
      )
    : undefined;
  if (list) await db.execute(sql`select id from teacher_training_projects where id in (${list}) order by id for update`);
  await db.execute(sql`delete from teacher_training_counts ${list ? sql`where project_id in (${list})` : sql``}`);
  await db.execute(sql`insert into teacher_training_counts (project_id, unit_code, participants, completed)
    select project_id, unit_code, count(*)::int, (count(*) filter (where completed))::int from teacher_training_records
    ${list ? sql`where project_id in (${list})` : sql``} group by project_id, unit_code`);
}
