import { sql } from 'drizzle-orm';
import { REGISTRATION_PERIOD_YEARS } from '@hyedu/domain/teachers';
import type { Tx } from '../audit.ts';
import { teacherAppraisals, teacherRegistrations } from '../schema/teacher-appraisal.ts';
import { withBulkLoad } from './bulk.ts';

/** The appraisal years of the demo: the five years before the business date's year (a year is appraised at its end). */
export const APPRAISAL_SEED_YEARS = [2017, 2018, 2019, 2020, 2021] as const;

export interface AppraisalVolumes {
  appraisals: number;
  registrations: number;
}

/**
 * 年度考核 and 教师资格定期注册 for the staff registry's 专任教师 in post, generated in SQL from each row's id (a
 * deterministic mix, the same on both engines; no random source): per year mostly 合格, ~15% 优秀, ~2% 基本合格, ~0.5%
 * 不合格, ~0.5% 不定等次, and ~0.1% 师德考核 不合格. Every teacher with a 教师资格证号 has a registration record whose
 * due date places ~1–4% (by county) overdue, ~5% due within 90 days, the rest valid; about a third still on their
 * certificate's date (资格认定), a few 暂缓注册. The demo primary school (`xiaoxue`) gets one overdue and one due-soon
 * teacher, so its 待办 shows the reminder. Only when the staff registry is seeded.
 */
export async function seedTeacherAppraisal(tx: Tx, opts: { today: string; demoSchoolId: number }): Promise<AppraisalVolumes> {
  const today = opts.today;
  // A cheap integer mix of the row id (and a salt), 0..999.
  const mix = (salt: number) => sql.raw(`(((st.id::bigint * 2654435761 + ${salt}::bigint * 40503) % 1000003) % 1000)`);
  const years = sql.raw(APPRAISAL_SEED_YEARS.join(', '));
  await withBulkLoad(tx, [teacherAppraisals], async () => {
    await tx.execute(sql`
      insert into teacher_appraisals (staff_id, id_index, school_id, unit_code, year, result, ethics, created_by, created_at)
      select st.id, st.id_index, st.school_id, st.unit_code, y.year,
        case
          when m.v < 150 then 'excellent' when m.v < 970 then 'competent' when m.v < 990 then 'basic'
          when m.v < 995 then 'incompetent' else 'ungraded'
        end,
        case when ((st.id::bigint * 7919 + y.year * 104729) % 1000) = 0 then 'fail' else 'pass' end,
        'seed', ${`${today}T08:00:00+08:00`}::timestamptz
      from teacher_staff st
      cross join unnest(array[${years}]) as y(year)
      cross join lateral (select (((st.id::bigint * 2654435761 + y.year::bigint * 40503) % 1000003) % 1000) as v) m
      where st.left_on is null and st.post = 'teacher'`);
  });
  // The due date: overdue for a county-dependent share (1–4%), due within 90 days for 5%, valid for the rest.
  const due = sql`case
      when ${mix(1)} < 10 + (st.unit_code::int % 7) * 5 then ${today}::date - (1 + ${mix(2)} % 365)::int
      when ${mix(1)} < 60 + (st.unit_code::int % 7) * 5 then ${today}::date + (${mix(2)} % 91)::int
      else ${today}::date + (91 + (${mix(2)} * 1747) % (${REGISTRATION_PERIOD_YEARS} * 365 - 91))::int
    end`;
  await tx.execute(sql`
    insert into teacher_registrations (id_index, staff_id, registered_on, valid_until, outcome, decided_on, hours, updated_by, updated_at)
    select id_index, id, (valid_until - make_interval(years => ${REGISTRATION_PERIOD_YEARS}::int))::date, valid_until,
      case when k < 3 then 'deferred' when k % 3 = 0 then 'certified' else 'registered' end,
      case when k < 3 then ${today}::date - 30 else null end,
      case when k < 3 then 360 else null end,
      'seed', ${`${today}T08:00:00+08:00`}::timestamptz
    from (
      select st.id, st.id_index, (${due})::date as valid_until, ${mix(3)} as k
      from teacher_staff st
      where st.left_on is null and st.post = 'teacher' and st.certificate_no is not null
    ) x`);
  // The demo primary school: its first teacher overdue, its second due within the reminder window.
  await tx.execute(sql`
    update teacher_registrations r set outcome = 'registered', decided_on = null, hours = null,
      valid_until = case when d.n = 1 then ${today}::date - 20 else ${today}::date + 30 end,
      registered_on = (case when d.n = 1 then ${today}::date - 20 else ${today}::date + 30 end - make_interval(years => ${REGISTRATION_PERIOD_YEARS}::int))::date
    from (
      select st.id_index, row_number() over (order by st.id) as n from teacher_staff st
      join teacher_registrations x on x.id_index = st.id_index
      where st.school_id = ${opts.demoSchoolId} and st.left_on is null and st.post = 'teacher'
    ) d
    where r.id_index = d.id_index and d.n <= 2`);
  const [a] = await tx.select({ n: sql<number>`count(*)::int` }).from(teacherAppraisals);
  const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(teacherRegistrations);
  return { appraisals: a?.n ?? 0, registrations: r?.n ?? 0 };
}
