import { and, asc, count, eq, inArray, ne, notExists, sql } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import {
  periodsToRemind,
  returnDue,
  returnStanding,
  DROPOUT_WORKFLOW as wf,
  type DROPOUT_RETURN_REMINDER,
  type DropoutReturnKind,
} from '@hyedu/domain/funding';
import { actorLevel } from '../../record-scope.ts';
import { caseScope } from '../funding/dropout/access.ts';
import { filingSchoolsWhere, missingSchoolsWhere } from '../funding/dropout/returns.ts';
import { cityCode } from '../plan/access.ts';
import { awaitedSteps, awaitingSql } from './rules.ts';
import type { Asker, InboxGroup, InboxItem } from './sources.ts';

const { fundingDropoutCases: c, fundingDropoutReturns: r, schools, orgUnits } = tables;

/**
 * 控辍保学 cases awaiting the caller: the county's 核实 of suspected children and 销号 of those back at school, and every
 * open dropout's 劝返 (the school's and the county's); the city only for 市直 schools. Oldest found first.
 */
export async function dropoutCases(a: Asker, limit: number): Promise<InboxGroup | null> {
  const level = actorLevel(a.scope);
  const awaiting = awaitingSql(wf, level, { state: c.status }, a.username);
  if (!awaiting || !(await keepsLedger(a))) return null;
  const where = and(awaiting, caseScope(a.scope), level === 'city' ? eq(c.unitCode, await cityCode(a.db)) : undefined);
  const [n, rows] = await Promise.all([
    a.db.select({ n: count() }).from(c).where(where),
    limit === 0
      ? []
      : a.db
          .select({ id: c.id, school: schools.name, name: c.name, status: c.status, foundOn: c.foundOn })
          .from(c)
          .innerJoin(schools, eq(schools.id, c.schoolId))
          .where(where)
          .orderBy(asc(c.foundOn), asc(c.id))
          .limit(limit),
  ]);
  const items: InboxItem[] = rows.map((x) => ({
    kind: 'dropout',
    id: x.id,
    subject: x.school,
    detail: `${x.name} · ${x.foundOn}发现`,
    state: x.status,
    steps: awaitedSteps(wf, level, x.status),
    due: null,
    overdue: false,
    link: { name: 'funding:dropout', params: { id: String(x.id) } },
  }));
  return { kind: 'dropout', total: Number(n[0]?.n ?? 0), items };
}

/** A school keeps the ledger only when it teaches compulsory grades (a kindergarten has nothing of this source). */
async function keepsLedger(a: Asker): Promise<boolean> {
  if (actorLevel(a.scope) !== 'school') return true;
  return (await a.db.select({ id: schools.id }).from(schools).where(filingSchoolsWhere(a.scope)).limit(1)).length > 0;
}

/** A reminder's id: the period as a number (2022-10 → 202210, 2022-Q3 → 20223), unique within the group. */
const periodId = (period: string) => Number(period.replace('-Q', '').replace('-', ''));

/**
 * 控辍保学 returns due within the reminder window or overdue: a school its own months without a return; a county its
 * quarters without a review and, per month, its schools that have not filed (the city: 市直 schools). Overdue first.
 */
export async function dropoutReturns(a: Asker, limit: number): Promise<InboxGroup | null> {
  const level = actorLevel(a.scope);
  if (!(await keepsLedger(a))) return null;
  const items: InboxItem[] = [];
  const reminder = (
    period: string,
    subject: string,
    detail: string,
    step: keyof typeof DROPOUT_RETURN_REMINDER.steps,
    kind: DropoutReturnKind,
    query: Record<string, string> = {},
  ) => {
    const due = returnDue(period);
    const standing = returnStanding(due, a.today)!;
    items.push({
      kind: 'dropoutReturn',
      id: periodId(period),
      subject,
      detail,
      state: standing,
      steps: [step],
      due,
      overdue: standing === 'overdue',
      link: { name: 'funding:dropout-returns', query: { kind, period, ...query } },
    });
  };
  const months = periodsToRemind('school_month', a.today);
  if (level === 'school') {
    const ids = a.scope.kind === 'school' ? a.scope.schoolIds : [];
    const filed = await a.db
      .select({ schoolId: r.schoolId, period: r.period })
      .from(r)
      .where(and(inArray(r.schoolId, ids.length ? ids : [0]), inArray(r.period, months)));
    const own = await a.db.select({ id: schools.id, name: schools.name }).from(schools).where(filingSchoolsWhere(a.scope));
    for (const s of own)
      for (const period of months)
        if (!filed.some((f) => f.schoolId === s.id && f.period === period))
          reminder(period, s.name, `控辍保学月报告 · ${period}`, 'fileMonthly', 'school_month');
  } else {
    const city = await cityCode(a.db);
    const unit = level === 'city' ? city : undefined;
    for (const period of months) {
      const [missing] = await a.db
        .select({ n: count() })
        .from(schools)
        .where(and(missingSchoolsWhere(a.db, a.scope, period), unit ? eq(schools.unitCode, unit) : undefined));
      const n = Number(missing?.n ?? 0);
      if (n) reminder(period, '本辖区学校', `控辍保学月报告 · ${period}：${n}所学校未报送`, 'urge', 'school_month', { missing: 'yes' });
    }
    if (level === 'city')
      for (const period of periodsToRemind('county_quarter', a.today)) {
        const [missing] = await a.db
          .select({ n: count() })
          .from(orgUnits)
          .where(
            and(
              ne(orgUnits.code, city),
              notExists(
                a.db
                  .select({ one: sql`1` })
                  .from(r)
                  .where(and(eq(r.unitCode, orgUnits.code), eq(r.kind, 'county_quarter'), eq(r.period, period))),
              ),
            ),
          );
        const n = Number(missing?.n ?? 0);
        if (n)
          reminder(period, '各县市区', `控辍保学季度复核 · ${period}：${n}个县市区未复核`, 'urgeCounties', 'county_quarter', {
            missing: 'yes',
          });
      }
    if (level === 'county' && a.scope.kind === 'units') {
      const quarters = periodsToRemind('county_quarter', a.today);
      const filed = await a.db
        .select({ unitCode: r.unitCode, period: r.period })
        .from(r)
        .where(and(inArray(r.unitCode, a.scope.unitCodes), eq(r.kind, 'county_quarter'), inArray(r.period, quarters)));
      const units = await a.db
        .select({ code: orgUnits.code, name: orgUnits.name })
        .from(orgUnits)
        .where(inArray(orgUnits.code, a.scope.unitCodes));
      for (const u of units)
        for (const period of quarters)
          if (!filed.some((f) => f.unitCode === u.code && f.period === period))
            reminder(period, u.name, `控辍保学季度复核 · ${period}`, 'fileQuarterly', 'county_quarter');
    }
  }
  items.sort((x, y) => Number(y.overdue) - Number(x.overdue) || (x.due ?? '').localeCompare(y.due ?? ''));
  return { kind: 'dropoutReturn', total: items.length, items: items.slice(0, limit) };
}
