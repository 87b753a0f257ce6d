import { and, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';
import {
  addDays,
  addYears,
  hoursInPeriod,
  registrationHoursPeriod,
  TRAINING_TIER_LABELS,
  type RegistrationRules,
} from '@hyedu/domain/teachers';

const { teacherTrainingRecords: tr, teacherTrainingProjects: tp } = tables;

/** The earliest day a registration on `on` may count training from (the period's start before the base narrows it). */
const earliest = (on: string, rules: Pick<RegistrationRules, 'periodYears'>) => addDays(addYears(on, -rules.periodYears), 1);

/**
 * A person's training records that a registration on `on` may count (all projects, by the ID number's blind index, so
 * hours earned at a former school count), newest first, with their project for the page.
 */
export const trainingRecordsOf = async (db: Db, idIndex: string, on: string, rules: Pick<RegistrationRules, 'periodYears'>) =>
  (
    await db
      .select({
        hours: tr.hours,
        recordedOn: tr.recordedOn,
        completed: tr.completed,
        projectName: tp.name,
        tier: tp.tier,
        year: tp.year,
      })
      .from(tr)
      .innerJoin(tp, eq(tp.id, tr.projectId))
      .where(and(eq(tr.idIndex, idIndex), gte(tr.recordedOn, earliest(on, rules)), lte(tr.recordedOn, on)))
      .orderBy(desc(tr.recordedOn))
  ).map((r) => ({ ...r, tierLabel: TRAINING_TIER_LABELS[r.tier].zh }));

/**
 * The hours on record of a page of people on `on`, each in their own period (`registrationHoursPeriod` from their base:
 * the last registration or the certificate); a person without a registration record has no period (null). One query
 * for the page: the records of those people in the widest period, summed here by the domain's rule.
 */
export async function hoursOnRecord(
  db: Db,
  people: readonly { idIndex: string; registeredOn: string | null }[],
  on: string,
  rules: Pick<RegistrationRules, 'periodYears'>,
): Promise<Map<string, number>> {
  const based = people.filter((p) => p.registeredOn !== null);
  const out = new Map<string, number>();
  if (!based.length) return out;
  const rows = await db
    .select({ idIndex: tr.idIndex, hours: tr.hours, recordedOn: tr.recordedOn })
    .from(tr)
    .where(
      and(inArray(tr.idIndex, [...new Set(based.map((p) => p.idIndex))]), gte(tr.recordedOn, earliest(on, rules)), lte(tr.recordedOn, on)),
    );
  const byPerson = new Map<string, typeof rows>();
  for (const r of rows) byPerson.set(r.idIndex, [...(byPerson.get(r.idIndex) ?? []), r]);
  for (const p of based)
    out.set(p.idIndex, hoursInPeriod(byPerson.get(p.idIndex) ?? [], registrationHoursPeriod(p.registeredOn!, on, rules)));
  return out;
}
