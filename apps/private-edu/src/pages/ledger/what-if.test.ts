import { describe, expect, it } from 'vitest';
import { whatIf } from './what-if.ts';

const units = [
  { code: 'A', cap: 0.05, latest: { privateStudents: 900, totalStudents: 10_000 } },
  { code: 'B', cap: 0.1, latest: { privateStudents: 300, totalStudents: 10_000 } },
];
const lever = (id: number, unitCode: string, effect: number) => ({
  id,
  schoolId: id,
  unitCode,
  effect,
  status: 'planned' as const,
  plannedYear: '2023-2024',
  doneOn: null,
});

describe('the ledger’s what-if', () => {
  it('moves each unit’s and the city’s share with the levers kept in, and judges each against its own cap', () => {
    const levers = [lever(1, 'A', 500), lever(2, 'A', 100), lever(3, 'B', 100)];
    const all = whatIf(units, levers, '2022-2023', 0.05, new Set());
    expect(all.units.get('A')).toMatchObject({ share: 0.03, status: 'within' });
    expect(all.units.get('B')).toMatchObject({ share: 0.02, status: 'within' });
    expect(all.city).toMatchObject({ share: 0.025, status: 'within' });
    expect(all.moved).toBe(700);
    const withoutBig = whatIf(units, levers, '2022-2023', 0.05, new Set([1]));
    expect(withoutBig.units.get('A')).toMatchObject({ share: 0.08, status: 'over' });
    expect(withoutBig.city.share).toBeCloseTo(0.05);
    expect(withoutBig.cityLatest).toMatchObject({ share: 0.06, status: 'over' });
  });
});
