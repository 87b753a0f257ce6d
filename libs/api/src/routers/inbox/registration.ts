import { and, asc, eq, or, sql } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import type { REGISTRATION_REMINDER } from '@hyedu/domain/teachers';
import { actorLevel, recordScope } from '../../record-scope.ts';
import { cityCode } from '../plan/access.ts';
import { registrationRules, standingSql, subjectWhere } from '../teachers/registration/standing.ts';
import type { Asker, InboxGroup, InboxItem } from './sources.ts';

const { teacherStaff: st, teacherRegistrations: rg, schools } = tables;

/**
 * 教师资格定期注册 reminders: one item per school with teachers whose registration is due within the reminder window
 * or overdue, with the counts — a school sees its own (to apply), a county its schools', the city its 市直 schools'
 * (to register). One per school rather than per teacher: a county has hundreds of teachers due in a quarter, and the
 * work is done school by school (the school gathers the applications, the county registers them in a batch).
 */
export async function registration(a: Asker, limit: number): Promise<InboxGroup> {
  const level = actorLevel(a.scope);
  const rules = await registrationRules(a.db);
  const overdue = standingSql('overdue', a.today, rules);
  const dueSoon = standingSql('dueSoon', a.today, rules);
  const where = and(
    subjectWhere(),
    recordScope(a.scope, st),
    or(overdue, dueSoon),
    level === 'city' ? eq(st.unitCode, await cityCode(a.db)) : undefined,
  );
  const rows = await a.db
    .select({
      schoolId: st.schoolId,
      school: schools.name,
      overdue: sql<number>`(count(*) filter (where ${overdue}))::int`,
      dueSoon: sql<number>`(count(*) filter (where ${dueSoon}))::int`,
      due: sql<string>`min(${rg.validUntil})::text`,
    })
    .from(st)
    .innerJoin(rg, eq(rg.idIndex, st.idIndex))
    .innerJoin(schools, eq(schools.id, st.schoolId))
    .where(where)
    .groupBy(st.schoolId, schools.name, schools.code)
    .orderBy(sql`(count(*) filter (where ${overdue})) desc`, asc(sql`min(${rg.validUntil})`), asc(schools.code));
  const step: keyof typeof REGISTRATION_REMINDER.steps = level === 'school' ? 'apply' : 'register';
  const items: InboxItem[] = rows.slice(0, limit).map((r) => ({
    kind: 'registration',
    id: r.schoolId,
    subject: r.school,
    detail: [r.overdue ? `${r.overdue}名教师逾期未注册` : '', r.dueSoon ? `${r.dueSoon}名教师即将到期` : ''].filter(Boolean).join('，'),
    state: r.overdue ? 'overdue' : 'dueSoon',
    steps: [step],
    due: r.due,
    overdue: r.overdue > 0,
    link: {
      name: 'teachers:registration',
      query: { schoolId: String(r.schoolId), registrationStanding: r.overdue ? 'overdue' : 'dueSoon' },
    },
  }));
  return { kind: 'registration', total: rows.length, items };
}
