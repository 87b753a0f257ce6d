import { and, eq, gte, inArray, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';
import { addDays, DEFAULT_REGISTRATION_RULES, type RegistrationRules, type RegistrationStanding } from '@hyedu/domain/teachers';

const { teacherRegistrations: rg, teacherStaff: st, teacherRegistrationRules: rr } = tables;

/** The rules in force: the city's row, else the domain's defaults. */
export async function registrationRules(db: Db): Promise<RegistrationRules & { version: number }> {
  const [row] = await db.select().from(rr).where(eq(rr.id, 1));
  return row
    ? { periodYears: row.periodYears, minHours: row.minHours, dueSoonDays: row.dueSoonDays, version: row.version }
    : { ...DEFAULT_REGISTRATION_RULES, version: 0 };
}

/** Who registers: 专任教师 in post (the registry's rows without a leaving date). */
export const subjectWhere = (): SQL => and(isNull(st.leftOn), eq(st.post, 'teacher'))!;

const dated = inArray(rg.outcome, ['certified', 'registered']);

/**
 * `registrationStanding` as SQL over the person's registration row (left-joined by blind index): the list's filter,
 * the KPI and the 待办 reminders. The API test checks it against the domain's function row by row.
 */
export function standingSql(s: RegistrationStanding, today: string, rules: Pick<RegistrationRules, 'dueSoonDays'>): SQL {
  const soon = addDays(today, rules.dueSoonDays);
  switch (s) {
    case 'unrecorded':
      return isNull(rg.id);
    case 'deferred':
      return eq(rg.outcome, 'deferred');
    case 'refused':
      return eq(rg.outcome, 'refused');
    case 'overdue':
      return and(dated, lt(rg.validUntil, today))!;
    case 'dueSoon':
      return and(dated, gte(rg.validUntil, today), lte(rg.validUntil, soon))!;
    case 'valid':
      return and(dated, sql`${rg.validUntil} > ${soon}`)!;
  }
}
