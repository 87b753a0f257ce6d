import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AID_TARGET, drawSample, matchOutcome, type AidCategory, type AidItem, type AidStage } from '@hyedu/domain/funding';
import type { Database } from '../client.ts';
import { runAidMatching } from '../funding-aid-match.ts';
import {
  fundingAidCheckItems,
  fundingAidChecks,
  fundingAidFollowUps,
  fundingAidFunds,
  fundingAidListed,
  fundingAidMatches,
  fundingAidPayments,
  fundingAidStudents,
} from '../schema/index.ts';
import { openTestDatabase } from '../testing.ts';

const AS_OF = '2022-11-30';

describe('the demo’s 学生资助 data and the matching run', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite', { scale: 0.05, staffRegistry: false, today: AS_OF });
  }, 180_000);
  afterAll(() => database?.close());

  it('has listed children in every county, some unmatched and some unaided, two semesters of payments', async () => {
    const db = database.db;
    const units = await db.selectDistinct({ unitCode: fundingAidListed.unitCode }).from(fundingAidListed);
    expect(units.length).toBeGreaterThanOrEqual(13);
    const outcomes = await db
      .select({ outcome: fundingAidMatches.outcome, n: sql<number>`count(*)::int` })
      .from(fundingAidMatches)
      .where(eq(fundingAidMatches.semester, '2022-2'))
      .groupBy(fundingAidMatches.outcome);
    const of = Object.fromEntries(outcomes.map((o) => [o.outcome, o.n]));
    expect(of.unmatched).toBeGreaterThan(0);
    expect(of.unaided).toBeGreaterThan(0);
    expect(of.aided).toBeGreaterThan(of.unaided! * 20);
    const semesters = await db.selectDistinct({ s: fundingAidPayments.semester }).from(fundingAidPayments);
    expect(semesters.map((s) => s.s).sort()).toEqual(['2022-1', '2022-2']);
    const reissues = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(fundingAidPayments)
      .where(eq(fundingAidPayments.kind, 'reissue'));
    expect(reissues[0]!.n).toBeGreaterThan(0);
    const open = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(fundingAidFollowUps)
      .where(and(eq(fundingAidFollowUps.semester, '2022-2'), eq(fundingAidFollowUps.status, 'open')));
    expect(open[0]!.n).toBeGreaterThan(0);
  });

  it('matches in SQL exactly as the domain’s rule, person by person', async () => {
    const db = database.db;
    const listed = await db.select({ idIndex: fundingAidListed.idIndex, category: fundingAidListed.category }).from(fundingAidListed);
    const students = await db.select({ idIndex: fundingAidStudents.idIndex, stage: fundingAidStudents.stage }).from(fundingAidStudents);
    const paid = await db
      .select({ idIndex: fundingAidPayments.idIndex, item: fundingAidPayments.item })
      .from(fundingAidPayments)
      .where(eq(fundingAidPayments.semester, '2022-2'));
    const cats = new Map<string, AidCategory[]>();
    for (const l of listed) cats.set(l.idIndex, [...(cats.get(l.idIndex) ?? []), l.category]);
    const stageOf = new Map<string, AidStage>(students.map((s) => [s.idIndex, s.stage]));
    const items = new Map<string, AidItem[]>();
    for (const p of paid) items.set(p.idIndex, [...(items.get(p.idIndex) ?? []), p.item]);
    const rows = await db.select().from(fundingAidMatches).where(eq(fundingAidMatches.semester, '2022-2'));
    expect(rows).toHaveLength(cats.size);
    for (const r of rows) {
      const stage = stageOf.get(r.idIndex);
      const expected = matchOutcome(
        { enrolled: stage ? { stage } : null, categories: cats.get(r.idIndex)!, paidItems: items.get(r.idIndex) ?? [] },
        DEFAULT_AID_TARGET,
      );
      expect({ outcome: r.outcome, inTarget: r.inTarget }).toEqual(expected);
    }
  });

  it('pays a student once per item and semester: a second regular payment is refused by the key', async () => {
    const db = database.db;
    const [p] = await db.select().from(fundingAidPayments).where(eq(fundingAidPayments.kind, 'regular')).limit(1);
    const { id: _id, ...again } = p!;
    const inserted = await db.insert(fundingAidPayments).values(again).onConflictDoNothing().returning({ id: fundingAidPayments.id });
    expect(inserted).toEqual([]);
  });

  it('a narrowed category list changes who counts towards the target, not who is aided', async () => {
    const db = database.db;
    const before = await db.select().from(fundingAidMatches).where(eq(fundingAidMatches.semester, '2022-2'));
    await db
      .transaction(async (tx) => {
        const run = await runAidMatching(tx, {
          semester: '2022-2',
          target: { categories: ['tuopin'], stages: ['primary', 'junior'] },
          runBy: 'test',
          now: new Date(),
          today: AS_OF,
        });
        expect(run.counts.eligible).toBeLessThan(before.filter((r) => r.inTarget).length);
        expect(run.counts.aided).toBe(before.filter((r) => r.outcome === 'aided').length);
        tx.rollback();
      })
      .catch((e: Error) => expect(e.message).toMatch(/rollback/i));
  });

  it('has 预算 ≥ 下达 for every unit and item paid, and each spot check’s sample is its seed’s draw of its population', async () => {
    const db = database.db;
    const funds = await db.select().from(fundingAidFunds);
    const paid = await db
      .selectDistinct({ unitCode: fundingAidPayments.unitCode, semester: fundingAidPayments.semester, item: fundingAidPayments.item })
      .from(fundingAidPayments);
    expect(funds).toHaveLength(paid.length);
    expect(funds.every((f) => f.allocated > 0 && f.allocated <= f.budget && !!f.documentNo && !!f.allocatedOn)).toBe(true);
    const checks = await db.select().from(fundingAidChecks);
    expect(checks.map((c) => c.status).sort()).toEqual(['checking', 'closed', 'rectified', 'rectifying']);
    for (const c of checks) {
      const population = await db
        .select({ id: fundingAidPayments.id })
        .from(fundingAidPayments)
        .where(
          and(
            eq(fundingAidPayments.semester, c.semester),
            eq(fundingAidPayments.unitCode, c.unitCode),
            c.schoolId === null ? undefined : eq(fundingAidPayments.schoolId, c.schoolId),
          ),
        );
      const items = await db
        .select({ paymentId: fundingAidCheckItems.paymentId })
        .from(fundingAidCheckItems)
        .where(eq(fundingAidCheckItems.checkId, c.id))
        .orderBy(fundingAidCheckItems.ord);
      expect(c.population).toBe(population.length);
      expect(items.map((i) => i.paymentId)).toEqual(
        drawSample(
          population.map((r) => r.id),
          c.size,
          c.seed,
        ),
      );
    }
  });
});
