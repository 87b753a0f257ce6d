import { sql } from 'drizzle-orm';
import { DEFAULT_REGISTRATION_RULES } from '@hyedu/domain/teachers';
import type { Tx } from '../audit.ts';

/** The yearly 全员培训 (继续教育) hours on record: enough over five years for the 360 the registration asks. */
const YEARLY_HOURS = Math.ceil(DEFAULT_REGISTRATION_RULES.minHours / DEFAULT_REGISTRATION_RULES.periodYears / 8) * 8;

/**
 * The 继续教育 hours behind 定期注册: every county's (and the city's, for its own schools) yearly 全员培训 project since
 * the oldest registration period, and, for the teachers whose registration is overdue or due within the reminder
 * window, a record of each year of their period (dated 30 June) — about one in ten with fewer hours, so the demo shows
 * a registration refused for hours as well as ones that pass. Teachers not yet due have no such records (the demo
 * data stays at its size; their registrations are years away). Runs after the registrations; non-IT 2.0 projects, so
 * the IT standing does not move. Set-based and deterministic (a mix of the staff id).
 */
export async function seedRegistrationHours(tx: Tx, opts: { today: string }): Promise<number> {
  const { periodYears, dueSoonDays } = DEFAULT_REGISTRATION_RULES;
  const last = Number(opts.today.slice(0, 4));
  const first = last - periodYears;
  await tx.execute(sql`
    insert into teacher_training_projects (tier, name, year, organiser, planned_hours, it_capability, unit_code, created_by, created_at)
    select case when u.kind = 'city' then 'municipal' else 'county' end,
      u.name || y.year || '年中小学教师全员培训（继续教育）', y.year,
      case when u.kind = 'city' then '衡阳市教育局' else u.name || '教育局' end,
      ${YEARLY_HOURS}::int, false, u.code, 'demo-seed', make_timestamptz(y.year, 2, 20, 10, 0, 0, 'Asia/Shanghai')
    from org_units u cross join generate_series(${first}::int, ${last}::int) as y(year)`);
  const done = await tx.execute(sql`
    insert into teacher_training_records (project_id, staff_id, id_index, school_id, unit_code, hours, completed, recorded_on, created_by, created_at)
    select p.id, st.id, st.id_index, st.school_id, st.unit_code,
      case when (st.id::bigint * 2654435761 % 1000003) % 10 = 0 then ${YEARLY_HOURS - 16}::int else ${YEARLY_HOURS}::int end,
      true, make_date(p.year, 6, 30), 'demo-seed', make_timestamptz(p.year, 6, 30, 10, 0, 0, 'Asia/Shanghai')
    from teacher_registrations g
    join teacher_staff st on st.id_index = g.id_index and st.left_on is null
    join teacher_training_projects p on p.unit_code = st.unit_code and p.created_by = 'demo-seed'
      and p.name like '%全员培训（继续教育）'
    where g.outcome <> 'deferred' and g.valid_until <= ${opts.today}::date + ${dueSoonDays}::int
      and make_date(p.year, 6, 30) > g.registered_on and make_date(p.year, 6, 30) <= ${opts.today}::date
    on conflict do nothing`);
  return (done as unknown as { rowCount?: number; affectedRows?: number }).rowCount ?? 0;
}
