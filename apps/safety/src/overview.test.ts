import { describe, expect, it } from 'vitest';
import { campaignTopics, overviewRows, overviewTotals, weakestTopic } from './overview.ts';

const units = [
  { code: '430400', name: '衡阳市', kind: 'city' },
  { code: '430422', name: '衡南县', kind: 'county' },
];
const counts = (unitCode: string, schools: number, verified: number, all: number) => ({
  unitCode,
  schools,
  reported: verified,
  verified,
  guards: all,
  closed: all,
  alarm: all,
  fourth: all,
  fourthApplies: schools,
  all,
});
const hazards = (unitCode: string, total: number, open: number, overdue = 0, lateAcceptance = 0) => ({
  unitCode,
  total,
  open,
  overdue,
  lateAcceptance,
  majorOpen: 0,
  awaiting: lateAcceptance,
});
const coverage = (unitCode: string, schools: number, covered: number, fire: number) => ({ unitCode, schools, covered, byTopic: { fire } });

describe('safety overview', () => {
  it('puts each unit’s figures side by side, rates over all its schools', () => {
    const rows = overviewRows(units, {
      compliance: [counts('430400', 20, 10, 5), counts('430422', 200, 100, 50)],
      hazards: [hazards('430422', 7, 3, 1)],
      coverage: [coverage('430400', 20, 2, 4), coverage('430422', 200, 0, 10)],
    });
    expect(rows[1]).toMatchObject({ code: '430422', schools: 200, verified: 100, allRate: 0.25, open: 3, overdue: 1, coverage: 0 });
    // The ledger has hazards, so a unit without any has 0, not '—'.
    expect(rows[0]).toMatchObject({ open: 0, overdue: 0, coverage: 0.1 });
  });

  it('no reported term, no hazard and no activity are no data, never 0', () => {
    const data = {
      compliance: null,
      hazards: [hazards('430400', 0, 0), hazards('430422', 0, 0)],
      coverage: [coverage('430400', 20, 0, 0), coverage('430422', 200, 0, 0)],
    };
    expect(overviewRows(units, data)[1]).toMatchObject({ schools: 200, allRate: null, verified: null, open: null, coverage: null });
    const totals = overviewTotals(data);
    expect(totals.rates).toBeNull();
    expect(totals.hazards).toEqual({ open: null, overdue: null, lateAcceptance: null, majorOpen: null, awaiting: null });
    expect(totals.coverage).toBeNull();
  });

  it('totals add the units up before dividing (Σnum ÷ Σden)', () => {
    const totals = overviewTotals({
      compliance: [counts('430400', 20, 20, 20), counts('430422', 180, 90, 0)],
      hazards: [hazards('430422', 4, 2, 1), hazards('430400', 5, 3, 0, 2)],
      coverage: [coverage('430400', 20, 10, 10), coverage('430422', 180, 10, 30)],
    });
    expect(totals.rates?.all).toBe(0.1);
    expect(totals.hazards.open).toBe(5);
    // School lateness and county lateness stay apart: a hazard waiting for acceptance is the county's, not the school's.
    expect(totals.hazards).toMatchObject({ overdue: 1, lateAcceptance: 2 });
    expect(totals.coverage).toBe(0.1);
  });
});

describe('safety overview: 专项教育 topics', () => {
  it('names the campaign topics held and missing, and the weakest one', () => {
    const rows = [
      {
        schools: 10,
        covered: 0,
        byTopic: {
          school_bus: 2,
          fire: 10,
          drugs_aids: 5,
          drowning: 9,
          sexual_assault: 8,
          bullying: 7,
          violence: 6,
          traffic: 0,
          epidemic: 1,
        },
      },
    ];
    expect(campaignTopics(rows).missing).toEqual(['traffic']);
    expect(campaignTopics(rows).held).toHaveLength(7);
    expect(weakestTopic(rows)).toEqual({ topic: 'traffic', rate: 0 });
    expect(weakestTopic([{ schools: 10, covered: 0, byTopic: {} }])).toBeNull();
  });
  it('asks 校车安全 only of schools that run buses: a school without them is neither missing it nor weakest in it', () => {
    const own = [
      {
        schools: 1,
        covered: 1,
        withBuses: 0,
        byTopic: { school_bus: 0, fire: 1, drugs_aids: 1, drowning: 1, sexual_assault: 1, bullying: 1, violence: 1, traffic: 1 },
      },
    ];
    expect(campaignTopics(own)).toMatchObject({ missing: [], held: expect.not.arrayContaining(['school_bus']) });
    expect(campaignTopics(own).applicable).toHaveLength(7);
    expect(campaignTopics([{ ...own[0]!, withBuses: 1 }]).missing).toEqual(['school_bus']);
    // Two schools of ten run buses and both held it: 100% among them, so the weakest topic is another one.
    const county = [
      {
        schools: 10,
        covered: 0,
        withBuses: 2,
        byTopic: { school_bus: 2, fire: 10, drugs_aids: 5, drowning: 9, sexual_assault: 8, bullying: 7, violence: 6, traffic: 4 },
      },
    ];
    expect(weakestTopic(county)).toEqual({ topic: 'traffic', rate: 0.4 });
  });
});
