import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENFORCEMENT_WORKFLOW, enforcementOverdue, prepaymentBreach, stepDateRefusal } from '@hyedu/domain/private-edu';
import type { Database } from '../client.ts';
import { attachments, orgUnits, privateEnforcementCases } from '../schema/index.ts';
import { openTestDatabase } from '../testing.ts';

const TODAY = '2022-11-30';

describe('the demo’s 校外培训执法案件', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  }, 120_000);
  afterAll(() => database?.close());

  it('a year of cases in every county, in every state, some overdue, each step’s date in order and none after the business day', async () => {
    const rows = await database.db.select().from(privateEnforcementCases).where(eq(privateEnforcementCases.createdBy, 'demo-seed'));
    const counties = await database.db.select({ code: orgUnits.code, kind: orgUnits.kind }).from(orgUnits);
    for (const c of counties.filter((x) => x.kind !== 'city')) {
      const own = rows.filter((r) => r.unitCode === c.code);
      expect(new Set(own.map((r) => r.status)), c.code).toEqual(new Set(ENFORCEMENT_WORKFLOW.states));
    }
    expect(rows.every((r) => r.clueOn >= '2021-12-01' && r.clueOn <= TODAY)).toBe(true);
    expect(rows.filter((r) => enforcementOverdue(r, TODAY)).length).toBeGreaterThan(0);
    expect(rows.filter((r) => !enforcementOverdue(r, TODAY) && r.status !== 'closed' && r.status !== 'not_filed').length).toBeGreaterThan(
      0,
    );
    expect(rows.some((r) => r.handlerLevel === 'city')).toBe(true);
    for (const r of rows) {
      const dates = [r.filedOn, r.notifiedOn, r.decidedOn, r.executedOn, r.closedOn];
      const steps = ['file', 'notify', 'decide', 'execute', 'close'] as const;
      steps.forEach((s, i) => dates[i] && expect(stepDateRefusal(r, s, dates[i]!, TODAY), `${r.id} ${s}`).toBeNull());
      if (r.status === 'closed') expect([r.decidedOn, r.penalties?.length, r.executionResult, r.closedOn].every(Boolean)).toBe(true);
      if (r.status === 'not_filed') expect(r.declineReason).toBeTruthy();
      if (r.penalties?.includes('fine')) expect(r.fineFen).toBeGreaterThan(0);
      if (r.violation === 'prepayment')
        expect(prepaymentBreach({ from: r.prepaidFrom!, to: r.prepaidTo!, lessons: r.prepaidLessons! }).breach).toBe(true);
      if (r.violation === 'covert') expect(r.covertForm).not.toBeNull();
    }
  });

  it('every case past 立案 has an evidence photo', async () => {
    const rows = await database.db.select().from(privateEnforcementCases).where(eq(privateEnforcementCases.createdBy, 'demo-seed'));
    const files = await database.db
      .select({ ownerId: attachments.ownerId })
      .from(attachments)
      .where(like(attachments.ownerType, 'private_enforcement_case:%'));
    const withFiles = new Set(files.map((f) => f.ownerId));
    expect(rows.filter((r) => r.filedOn).every((r) => withFiles.has(r.id))).toBe(true);
  });
});
