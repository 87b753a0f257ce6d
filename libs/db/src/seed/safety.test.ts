import { asc, count, eq, sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CAMPAIGN_TOPICS,
  chainRefusal,
  coverageSince,
  HazardCategory,
  IncidentType,
  indicatorsMet,
  previousTerm,
  SafetyTopic,
  termOf,
  type ReportStage,
} from '@hyedu/domain';
import type { Database } from '../client.ts';
import {
  safetyActivities,
  safetyHazards,
  safetyIncidentReports,
  safetyIncidents,
  safetyInspections,
  safetyProfiles,
  schoolEnrolment,
  schools,
  schoolStaffing,
} from '../schema/index.ts';
import { openTestDatabase, testEngines } from '../testing.ts';
import { SEED_SCHOOL_YEAR } from './index.ts';
import { generateSafetyData, SAFETY_REVIEWERS, SAFETY_TARGETS, type SafetySchool } from './safety.ts';
import { generateSchoolRegistry } from './schools.ts';

const TODAY = '2022-11-15';
const OPTS = { scale: 0.1, seed: 20220414, today: TODAY };
const dayBefore = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
/** The Beijing date of a timestamp. */
const beijingDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const startOfToday = Date.parse(`${TODAY}T00:00:00+08:00`);

function registrySchools(scale: number): SafetySchool[] {
  return generateSchoolRegistry({ scale }).map((s, i) => ({
    id: i + 1,
    code: s.code,
    unitCode: s.unitCode,
    level: s.level,
    ownership: s.ownership,
    isBoarding: s.isBoarding,
    isRural: s.isRural,
    students: Object.values(s.enrolment).reduce((a: number, n) => a + (n ?? 0), 0),
    staff: s.staffing.teachers + s.staffing.contractTeachers,
  }));
}

/** 在校生 and 教职工 per school, from the registry tables the safety rows were derived from. */
async function registryHeadcounts(database: Database) {
  const enrolled = await database.db
    .select({ id: schoolEnrolment.schoolId, n: sql<number>`sum(${schoolEnrolment.students})::int` })
    .from(schoolEnrolment)
    .where(eq(schoolEnrolment.schoolYear, SEED_SCHOOL_YEAR))
    .groupBy(schoolEnrolment.schoolId);
  const staffing = await database.db.select().from(schoolStaffing);
  return {
    students: new Map(enrolled.map((r) => [r.id, r.n])),
    staff: new Map(staffing.map((r) => [r.schoolId, r.teachers + r.contractTeachers])),
  };
}

describe('generateSafetyData (pure)', () => {
  const schoolsAt = registrySchools(0.05);
  it('is deterministic for seed + today + scale, and moves with each of them', () => {
    const a = generateSafetyData({ schools: schoolsAt, today: TODAY, seed: 1, scale: 0.05 });
    expect(generateSafetyData({ schools: schoolsAt, today: TODAY, seed: 1, scale: 0.05 })).toEqual(a);
    expect(generateSafetyData({ schools: [...schoolsAt].reverse(), today: TODAY, seed: 1, scale: 0.05 })).toEqual(a);
    expect(generateSafetyData({ schools: schoolsAt, today: TODAY, seed: 2, scale: 0.05 }).hazards).not.toEqual(a.hazards);
    const later = generateSafetyData({ schools: schoolsAt, today: '2023-03-01', seed: 1, scale: 0.05 });
    expect(later.hazards.every((h) => h.foundOn >= '2022-03-02' && h.foundOn < '2023-03-01')).toBe(true);
    expect(new Set(later.profiles.map((p) => p.term))).toEqual(new Set(['2022-2023-1', '2022-2023-2']));
  });

  it('hits the scale-1 targets: ~7,000 inspections, 50,000 hazards, ~150 incidents, ~25,000 activities', () => {
    const all = registrySchools(1);
    const d = generateSafetyData({ schools: all, today: TODAY, seed: 20220414, scale: 1 });
    expect(d.inspections).toHaveLength(SAFETY_TARGETS.inspections);
    expect(d.hazards).toHaveLength(SAFETY_TARGETS.hazards);
    expect(d.incidents).toHaveLength(SAFETY_TARGETS.incidents);
    expect(d.activities.length).toBeGreaterThan(23_000);
    expect(d.activities.length).toBeLessThan(28_000);
    const linked = d.hazards.filter((h) => h.inspection !== null).length / d.hazards.length;
    expect(linked).toBeGreaterThan(0.4);
    expect(linked).toBeLessThan(0.6);
    const overdue = d.hazards.filter((h) => h.status !== 'closed' && h.deadline && h.deadline < TODAY).length;
    expect(overdue).toBeGreaterThan(150); // "a few hundred"
    expect(overdue).toBeLessThan(900);
    const closed = d.hazards.filter((h) => h.status === 'closed').length / d.hazards.length;
    expect(closed).toBeGreaterThan(0.9);
    expect(closed).toBeLessThan(0.95);
  });

  it('refuses a malformed today and handles no schools', () => {
    expect(() => generateSafetyData({ schools: schoolsAt, today: '15.11.2022', seed: 1, scale: 1 })).toThrow(RangeError);
    expect(generateSafetyData({ schools: [], today: TODAY, seed: 1, scale: 1 }).hazards).toEqual([]);
  });
});

describe.each(testEngines())('safety demo data on %s', (engine) => {
  let database: Database;
  let again: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine, OPTS, { fresh: true });
    again = await openTestDatabase(engine, OPTS, { fresh: true });
  });
  afterAll(async () => {
    await database?.close();
    await again?.close();
  });

  const tables = { safetyProfiles, safetyInspections, safetyHazards, safetyActivities, safetyIncidents, safetyIncidentReports };
  const counts = async (db: Database) => {
    const out = {} as Record<keyof typeof tables, number>;
    for (const [k, t] of Object.entries(tables)) out[k as keyof typeof tables] = (await db.db.select({ n: count() }).from(t))[0]!.n;
    return out;
  };

  it('is deterministic: the same options give the same counts and the same rows', async () => {
    expect(await counts(again)).toEqual(await counts(database));
    for (const t of Object.values(tables)) {
      const first = (db: Database) => db.db.select().from(t).orderBy(asc(t.id)).limit(25);
      expect(await first(again)).toEqual(await first(database));
    }
    const byStatus = (db: Database) =>
      db.db
        .select({ status: safetyHazards.status, n: count() })
        .from(safetyHazards)
        .groupBy(safetyHazards.status)
        .orderBy(safetyHazards.status);
    expect(await byStatus(again)).toEqual(await byStatus(database));
  });

  it('has volumes proportional to the scale-1 targets', async () => {
    const c = await counts(database);
    const [{ n: nSchools } = { n: 0 }] = await database.db.select({ n: count() }).from(schools);
    expect(c.safetyInspections).toBe(Math.round(SAFETY_TARGETS.inspections * OPTS.scale));
    expect(c.safetyHazards).toBe(Math.round(SAFETY_TARGETS.hazards * OPTS.scale));
    expect(c.safetyIncidents).toBe(Math.round(SAFETY_TARGETS.incidents * OPTS.scale));
    // Per school: two terms (~95% and ~80% reported) and ~1.1 activities per topic for ~95% of the ten topics.
    expect(c.safetyProfiles / nSchools).toBeGreaterThan(1.6);
    expect(c.safetyProfiles / nSchools).toBeLessThan(1.85);
    expect(c.safetyActivities / nSchools).toBeGreaterThan(9.5);
    expect(c.safetyActivities / nSchools).toBeLessThan(11.5);
    expect(c.safetyIncidentReports / c.safetyIncidents).toBeGreaterThan(4);
  });

  it('puts back every foreign key and index it set aside while loading', async () => {
    for (const t of Object.values(tables)) {
      const { name, indexes, foreignKeys } = getTableConfig(t);
      const present = await database.db
        .select({ name: sql<string>`indexname` })
        .from(sql`pg_indexes`)
        .where(sql`tablename = ${name}`);
      expect(indexes.length).toBeGreaterThan(0);
      for (const ix of indexes) expect(present.map((r) => r.name)).toContain(ix.config.name);
      const fks = await database.db
        .select({ name: sql<string>`conname` })
        .from(sql`pg_constraint`)
        .where(sql`conrelid = ${name}::regclass and contype = 'f'`);
      expect(fks).toHaveLength(foreignKeys.length);
    }
  });

  it('hazards: found in the year up to today, deadlines after finding, closed ⇔ closedAt, nobody accepts their own rectification', async () => {
    const rows = await database.db
      .select({ h: safetyHazards, schoolUnit: schools.unitCode })
      .from(safetyHazards)
      .innerJoin(schools, eq(schools.id, safetyHazards.schoolId));
    const inspections = new Map((await database.db.select().from(safetyInspections)).map((i) => [i.id, i]));
    const since = dayBefore(TODAY, 364);
    for (const { h, schoolUnit } of rows) {
      expect(h.foundOn <= TODAY && h.foundOn >= since).toBe(true);
      expect(h.unitCode).toBe(schoolUnit);
      expect(HazardCategory.options).toContain(h.category);
      if (h.deadline !== null) expect(h.deadline >= h.foundOn).toBe(true);
      else expect(h.status).toBe('pending');
      expect(h.status === 'closed').toBe(h.closedAt !== null);
      expect(h.closedBy !== null).toBe(h.closedAt !== null);
      if (h.closedBy !== null) expect(h.closedBy).not.toBe(h.submittedBy);
      if (h.status === 'awaiting_acceptance' || h.status === 'closed') expect(h.submittedBy && h.submittedAt).toBeTruthy();
      if (h.returnReason !== null) expect([h.status, h.returns >= 1]).toEqual(['rectifying', true]);
      expect(h.version).toBeGreaterThanOrEqual(1);
      expect(beijingDay(h.reportedAt)).toBe(h.foundOn);
      if (h.submittedAt) expect(h.submittedAt > h.reportedAt).toBe(true);
      if (h.closedAt) expect(h.closedAt > h.submittedAt!).toBe(true);
      for (const t of [h.reportedAt, h.submittedAt, h.closedAt]) if (t) expect(t.getTime()).toBeLessThan(startOfToday);
      if (h.inspectionId !== null) {
        const found = inspections.get(h.inspectionId)!;
        expect([found.schoolId, found.inspectedOn]).toEqual([h.schoolId, h.foundOn]);
        expect(found.categories).toContain(h.category);
      }
    }
    const closed = rows.filter((r) => r.h.status === 'closed').length / rows.length;
    expect(closed).toBeGreaterThan(0.88);
    expect(closed).toBeLessThan(0.97);
    expect(rows.filter((r) => r.h.status !== 'closed' && r.h.deadline !== null && r.h.deadline < TODAY).length).toBeGreaterThan(0);
    const major = rows.filter((r) => r.h.severity === 'major').length / rows.length;
    expect(major).toBeGreaterThan(0.015);
    expect(major).toBeLessThan(0.05);
    expect(new Set(rows.map((r) => r.h.status))).toEqual(new Set(['pending', 'rectifying', 'awaiting_acceptance', 'closed']));
    expect(rows.some((r) => r.h.returns > 0)).toBe(true);
  });

  it('incidents: each chain starts with the school report, follows the reporting rules, and its times increase', async () => {
    const incidents = await database.db.select().from(safetyIncidents);
    const reports = await database.db.select().from(safetyIncidentReports).orderBy(asc(safetyIncidentReports.id));
    expect(incidents.length).toBeGreaterThan(0);
    for (const inc of incidents) {
      expect(IncidentType.options).toContain(inc.type);
      const chain = reports.filter((r) => r.incidentId === inc.id);
      expect(chain[0]?.stage).toBe('school_report');
      expect(chain[0]!.reportedAt).toEqual(inc.createdAt);
      expect(chain[0]!.reportedAt > inc.occurredAt).toBe(true);
      const done: ReportStage[] = [];
      for (const [i, r] of chain.entries()) {
        const level = r.reportedBy === 'safety' ? 'city' : Object.values(SAFETY_REVIEWERS).includes(r.reportedBy) ? 'county' : 'school';
        expect(chainRefusal(done, r.stage as ReportStage, level)).toBeNull();
        done.push(r.stage as ReportStage);
        if (i > 0) expect(r.reportedAt > chain[i - 1]!.reportedAt).toBe(true);
        expect(r.reportedAt.getTime()).toBeLessThan(startOfToday);
      }
      expect(inc.status === 'closed').toBe(done.includes('final_report'));
      expect(inc.version).toBe(chain.length);
    }
  });

  it('profiles: this term and the one before, the registry’s numbers, mostly verified and compliant', async () => {
    const rows = await database.db
      .select({ p: safetyProfiles, isBoarding: schools.isBoarding })
      .from(safetyProfiles)
      .innerJoin(schools, eq(schools.id, safetyProfiles.schoolId));
    const current = termOf(TODAY);
    const { students, staff } = await registryHeadcounts(database);
    for (const { p } of rows) {
      expect([current, previousTerm(current)]).toContain(p.term);
      if (p.term === current) expect(p.students).toBe(students.get(p.schoolId) ?? 0);
      expect(p.staff).toBe(staff.get(p.schoolId));
      expect(p.review === 'submitted').toBe(p.reviewedBy === null);
      expect(p.review === 'returned').toBe(p.returnReason !== null);
      expect(p.evidenceDate < TODAY).toBe(true);
      expect(p.submittedAt.getTime()).toBeLessThan(startOfToday);
    }
    const reviewed = rows.filter((r) => r.p.review === 'reviewed').length / rows.length;
    expect(reviewed).toBeGreaterThan(0.85);
    expect(reviewed).toBeLessThan(0.97);
    const cur = rows.filter((r) => r.p.term === current);
    const compliant = cur.filter((r) => indicatorsMet({ ...r.p, isBoarding: r.isBoarding }, 'guard_post').all).length / cur.length;
    expect(compliant).toBeGreaterThan(0.82);
    expect(compliant).toBeLessThan(0.95);
    expect(cur.some((r) => r.p.antiRam === null)).toBe(true);
  });

  it('activities: all ten topics over the rolling year, about two schools in three cover the eight campaign topics', async () => {
    const rows = (await database.db.select().from(safetyActivities)).map((a) => ({ a }));
    const { students, staff } = await registryHeadcounts(database);
    const since = coverageSince(TODAY);
    const topics = new Map<number, Set<string>>();
    for (const { a } of rows) {
      expect(a.heldOn >= since && a.heldOn < TODAY).toBe(true);
      expect(a.participants).toBeGreaterThanOrEqual(1);
      expect(a.participants).toBeLessThanOrEqual(Math.max(10, (students.get(a.schoolId) ?? 0) + staff.get(a.schoolId)!));
      if (!topics.has(a.schoolId)) topics.set(a.schoolId, new Set());
      topics.get(a.schoolId)!.add(a.topic);
    }
    expect(new Set(rows.map((r) => r.a.topic))).toEqual(new Set(SafetyTopic.options));
    const [{ n: nSchools } = { n: 0 }] = await database.db.select({ n: count() }).from(schools);
    const covering = [...topics.values()].filter((held) => CAMPAIGN_TOPICS.every((t) => held.has(t))).length / nSchools;
    expect(covering).toBeGreaterThan(0.55);
    expect(covering).toBeLessThan(0.77);
  });
});
