import { sql, type SQL } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { HAZARD_ACCEPTANCE_DAYS, HAZARD_COUNTED_STATES, HAZARD_OPEN_STATES, SCHOOL_STAGES } from '@hyedu/domain';

const { safetyHazards: h } = tables;
const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
/** Still to be dealt with (the domain's HAZARD_OPEN_STATES). */
export const openSql = (): SQL => sql`(${h.status} in (${list(HAZARD_OPEN_STATES)}))`;
/** Counted in totals and rates (all but 作废: the domain's HAZARD_COUNTED_STATES). */
export const countedSql = (): SQL => sql`(${h.status} in (${list(HAZARD_COUNTED_STATES)}))`;
/** The Beijing date of the submission for acceptance (UTC+8, no daylight saving), as the domain's beijingDate. */
const submittedOn = sql`((${h.submittedAt} at time zone 'UTC') + interval '8 hours')::date`;

/**
 * The domain's hazardLateness in SQL, built from its constants (tested against it on both engines with the same cases).
 * `today` is the business date (a Beijing date, 'YYYY-MM-DD').
 */
export const schoolLateSql = (today: string): SQL =>
  sql`(${h.status} in (${list(SCHOOL_STAGES)}) and ${h.deadline} is not null and ${h.deadline} < ${today}::date)`;
export const countyLateSql = (today: string): SQL =>
  sql`(${h.status} = 'awaiting_acceptance' and ${h.submittedAt} is not null and ${submittedOn} + ${sql.raw(String(HAZARD_ACCEPTANCE_DAYS))} < ${today}::date)`;
/** Late at all, either kind (the list's “逾期” filter). */
export const overdueSql = (today: string): SQL => sql`(${schoolLateSql(today)} or ${countyLateSql(today)})`;
/** Not late: the filter's other half (a null in any column counts as not late, never drops the row). */
export const notOverdueSql = (today: string): SQL => sql`not coalesce(${overdueSql(today)}, false)`;
/**
 * The day the hazard's current stage is due: the rectification deadline while it is the school's, the last day of
 * acceptance (submission + HAZARD_ACCEPTANCE_DAYS) while it awaits the county; null when neither applies.
 */
export const stageDueSql = (): SQL =>
  sql`(case when ${h.status} = 'awaiting_acceptance' then (${submittedOn} + ${sql.raw(String(HAZARD_ACCEPTANCE_DAYS))})::date when ${h.status} in (${list(SCHOOL_STAGES)}) then ${h.deadline} end)`;
