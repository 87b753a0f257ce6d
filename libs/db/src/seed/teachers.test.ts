import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIdCard } from '@hyedu/domain';
import {
  ADMISSION_QUERY_VALID_DAYS,
  blacklistedOn,
  decisionRefusal,
  ETHICS_WORKFLOW,
  missingStaffFields,
  OPENING_ENTRIES,
} from '@hyedu/domain/teachers';
import type { Database } from '../client.ts';
import { blindIndex, decryptField } from '../field-crypto.ts';
import { schools, schoolStaffing, teacherBlacklist, teacherEntries, teacherEthicsCases, teacherStaff } from '../schema/index.ts';
import { openTestDatabase, TEST_KEYS } from '../testing.ts';
import { generatePrivateStory } from './private-story.ts';
import { generateSchoolRegistry } from './schools.ts';
import { generateStaffRegistry, QUERY_RULE_FROM, staffingFromRegistry, type StaffSchool } from './teachers.ts';

const TODAY = '2022-11-30';
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

function staffSchools(scale: number): StaffSchool[] {
  const registry = generateSchoolRegistry({ seed: 7, scale });
  const story = generatePrivateStory(registry, { seed: 7, today: TODAY });
  return registry.map((s, i) => ({
    unitCode: s.unitCode,
    level: s.level,
    ownership: story.ownership[i]!,
    isRural: s.isRural,
    isBoarding: s.isBoarding,
    inQuota: story.inQuotaTeachers[i]!,
    contractTeachers: s.staffing.contractTeachers,
    guards: i % 3,
  }));
}

describe('generateStaffRegistry (pure)', () => {
  const schoolsAt = staffSchools(0.05);
  const seed = generateStaffRegistry(schoolsAt, { seed: 1, today: TODAY });
  const inPost = seed.people.filter((p) => !p.leftOn);

  it('is deterministic, and has one person in post per staffing place of each school, plus guards and canteens', () => {
    expect(generateStaffRegistry(schoolsAt, { seed: 1, today: TODAY })).toEqual(seed);
    const counted = staffingFromRegistry(seed, schoolsAt.length);
    schoolsAt.forEach((s, i) => expect(counted[i]).toEqual({ teachers: s.inQuota, contractTeachers: s.contractTeachers }));
    const outsourced = schoolsAt.map((_, i) => inPost.filter((p) => p.school === i && p.status === 'outsourced').length);
    schoolsAt.forEach((s, i) => {
      if (s.isBoarding) expect(outsourced[i]! - s.guards).toBeGreaterThanOrEqual(2);
      else expect(outsourced[i]).toBe(s.guards);
    });
    expect(new Set(seed.people.map((p) => p.post))).toEqual(new Set(['teacher', 'management', 'support', 'service']));
  });

  it('gives everyone a valid, unique ID number whose birth date and sex are the record’s, of working age on the day joined', () => {
    expect(new Set(seed.people.map((p) => p.idNumber)).size).toBe(seed.people.length);
    for (const p of seed.people) {
      const id = parseIdCard(p.idNumber, { today: TODAY });
      expect(id.ok && id.value.birthDate === p.birthDate && id.value.gender === p.sex).toBe(true);
      expect(days(p.birthDate, p.joinedOn) / 365.25).toBeGreaterThan(18);
      expect(p.joinedOn < TODAY).toBe(true);
      expect(days(p.birthDate, TODAY) / 365.25).toBeLessThan(p.sex === 'female' ? 55 : 60);
    }
  });

  it('has a clear 准入查询 for every hire since the rule, within the gate’s days; a few long-serving staff have none', () => {
    for (const p of seed.people) {
      if (p.joinedOn >= QUERY_RULE_FROM) {
        expect(p.query?.result).toBe('clear');
        expect(p.query!.queriedOn <= p.joinedOn && days(p.query!.queriedOn, p.joinedOn) <= ADMISSION_QUERY_VALID_DAYS).toBe(true);
      } else if (p.query) expect(p.query.queriedOn > p.joinedOn).toBe(true); // the 排查 of those in post
    }
    const covered = inPost.filter((p) => p.query).length / inPost.length;
    expect(covered).toBeGreaterThan(0.9);
    expect(covered).toBeLessThan(1);
  });

  it('leaves some required fields empty (信息完整率 below 100%), mostly for contract and substitute staff', () => {
    const incomplete = (f: (p: (typeof inPost)[number]) => boolean) => {
      const ps = inPost.filter(f);
      return ps.filter((p) => missingStaffFields({ ...p, employment: p.status }).length > 0).length / ps.length;
    };
    const all = incomplete(() => true);
    expect(all).toBeGreaterThan(0.005);
    expect(all).toBeLessThan(0.15);
    expect(incomplete((p) => p.status === 'substitute')).toBeGreaterThan(incomplete((p) => p.status === 'tenured'));
    // A hire would refuse a 专任教师 without a certificate unless 代课: only legacy records lack one.
    expect(
      inPost.filter((p) => p.post === 'teacher' && !p.certificateNo && p.joinedOn >= '2021-01-01' && p.status === 'tenured').length,
    ).toBeLessThan(inPost.length * 0.005);
  });

  it('has ethics cases in every state, dated in order, with decisions the domain accepts and 黑名单 entries of both kinds', () => {
    expect(new Set(seed.cases.map((c) => c.status))).toEqual(new Set(ETHICS_WORKFLOW.states));
    for (const c of seed.cases) {
      const p = seed.people[c.person]!;
      expect(c.reportedOn > p.joinedOn && c.reportedOn < TODAY).toBe(true);
      expect(ETHICS_WORKFLOW.finalStates.includes(c.status)).toBe(c.closedOn !== null);
      if (c.closedOn) expect(c.closedOn > c.reportedOn && c.closedOn < TODAY).toBe(true);
      if (c.notifiedOn) expect(c.notifiedOn > c.reportedOn && !!c.findings).toBe(true);
      const d = c.decision;
      expect(d !== null).toBe(['decided', 'executing', 'appeal', 'closed'].includes(c.status));
      if (d) {
        expect(d.effectiveOn > c.notifiedOn! && d.effectiveOn < TODAY).toBe(true);
        expect(decisionRefusal(d, { privateSchool: schoolsAt[p.school]!.ownership === 'private' })).toBeNull();
        if (d.handling === 'expulsion' || d.certificate !== 'none') expect(p.leftOn).toBe(d.effectiveOn);
      }
    }
    const listed = seed.cases.filter((c) => c.decision?.blacklist).map((c) => c.decision!);
    expect(listed.some((d) => !d.blacklistUntil)).toBe(true);
    expect(listed.some((d) => d.blacklistUntil)).toBe(true);
    expect(seed.refused.map((r) => r.refusal)).toContain('query_hit');
  });
});

describe('the demo staff registry in the database', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite', { scale: 0.02, staffRegistry: true, today: TODAY });
  }, 300_000);
  afterAll(() => database?.close());

  it('stores each ID number encrypted and found by its blind index, as the hire does', async () => {
    const rows = await database.db.select().from(teacherStaff).limit(200);
    expect(rows.length).toBe(200);
    for (const r of rows) {
      const plain = decryptField(TEST_KEYS.dataKey, r.idCipher, `teacher_staff:${r.idIndex}`);
      expect(blindIndex(TEST_KEYS.indexKey, plain)).toBe(r.idIndex);
      expect(parseIdCard(plain).ok).toBe(true);
    }
  });

  it('writes the year’s staffing figures from the registry’s in-post counts', async () => {
    const counts = await database.db
      .select({
        schoolId: teacherStaff.schoolId,
        tenured: sql<number>`count(*) filter (where ${teacherStaff.status} = 'tenured')::int`,
        contract: sql<number>`count(*) filter (where ${teacherStaff.status} in ('special_post', 'contract', 'substitute') and ${teacherStaff.post} = 'teacher')::int`,
      })
      .from(teacherStaff)
      .where(isNull(teacherStaff.leftOn))
      .groupBy(teacherStaff.schoolId);
    const byId = new Map(counts.map((c) => [c.schoolId, c]));
    const staffing = await database.db.select().from(schoolStaffing);
    const [{ n } = { n: 0 }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(schools);
    expect(staffing.length).toBe(n);
    for (const s of staffing) {
      expect(s.teachers).toBe(byId.get(s.schoolId)?.tenured ?? 0);
      expect(s.contractTeachers).toBe(byId.get(s.schoolId)?.contract ?? 0);
    }
  });

  it('gives each person in post at most one admitted hire entry, at their school, and the 黑名单 its cases', async () => {
    const entries = await database.db
      .select({ staffId: teacherEntries.staffId, schoolId: teacherEntries.schoolId, staffSchool: teacherStaff.schoolId })
      .from(teacherEntries)
      .innerJoin(teacherStaff, eq(teacherStaff.id, teacherEntries.staffId))
      // 支教与表彰: a dispatch or a nomination is an entry too, of a person already in post (not the one that opened their row)
      .where(inArray(teacherEntries.kind, [...OPENING_ENTRIES]));
    expect(new Set(entries.map((e) => e.staffId)).size).toBe(entries.length);
    expect(entries.every((e) => e.schoolId === e.staffSchool)).toBe(true);
    const refused = await database.db.select().from(teacherEntries).where(isNull(teacherEntries.staffId));
    expect(refused.every((e) => e.refusal !== null)).toBe(true);
    const listed = await database.db
      .select({ from: teacherBlacklist.fromDate, until: teacherBlacklist.untilDate, status: teacherEthicsCases.status })
      .from(teacherBlacklist)
      .innerJoin(teacherEthicsCases, eq(teacherEthicsCases.id, teacherBlacklist.caseId));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((l) => ['decided', 'executing', 'appeal', 'closed'].includes(l.status))).toBe(true);
    expect(listed.some((l) => blacklistedOn(l, TODAY))).toBe(true);
    const inPostListed = await database.db
      .select({ id: teacherStaff.id })
      .from(teacherStaff)
      .innerJoin(teacherBlacklist, and(eq(teacherBlacklist.idIndex, teacherStaff.idIndex), isNull(teacherStaff.leftOn)));
    // Only those listed for a period without losing their post (a demerit or demotion) are still in post.
    expect(inPostListed.length).toBeLessThan(listed.length);
  });
});
