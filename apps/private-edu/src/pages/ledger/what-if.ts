import { capStatus, projectedCounts, shareOf, type ProjectedLever, type ShareCounts } from '@hyedu/domain/private-edu';

export interface WhatIfUnit {
  code: string;
  cap: number;
  /** The unit's counts in the latest census. */
  latest: ShareCounts;
}

/**
 * The what-if of the ledger: the shares of each unit and of the city after the levers kept in (`excluded` are left out),
 * with the same domain function the server projects with. The city is judged against the city's cap.
 */
export function whatIf(
  units: readonly WhatIfUnit[],
  levers: readonly (ProjectedLever & { id: number; schoolId: number; unitCode: string })[],
  latestYear: string,
  cityCap: number,
  excluded: ReadonlySet<number>,
) {
  const kept = levers.filter((l) => !excluded.has(l.id));
  const byUnit = new Map(
    units.map((u) => {
      const p = projectedCounts(
        u.latest,
        latestYear,
        kept.filter((l) => l.unitCode === u.code),
      );
      return [u.code, { counts: p.all, share: p.projectedShare, status: capStatus(p.projectedShare, u.cap) }] as const;
    }),
  );
  const city = [...byUnit.values()].reduce(
    (a, u) => ({ privateStudents: a.privateStudents + u.counts.privateStudents, totalStudents: a.totalStudents + u.counts.totalStudents }),
    { privateStudents: 0, totalStudents: 0 },
  );
  const cityLatest = units.reduce(
    (a, u) => ({ privateStudents: a.privateStudents + u.latest.privateStudents, totalStudents: a.totalStudents + u.latest.totalStudents }),
    { privateStudents: 0, totalStudents: 0 },
  );
  return {
    units: byUnit,
    city: { counts: city, share: shareOf(city), status: capStatus(shareOf(city), cityCap) },
    cityLatest: { counts: cityLatest, share: shareOf(cityLatest), status: capStatus(shareOf(cityLatest), cityCap) },
    moved: cityLatest.privateStudents - city.privateStudents,
  };
}
