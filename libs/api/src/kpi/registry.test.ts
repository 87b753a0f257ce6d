import { describe, expect, it } from 'vitest';
import { KPI_IDS } from '@hyedu/domain';
import { HENGYANG_KPIS_2022 } from '@hyedu/domain/hengyang';
import { AWAITING_MODULE, KPI_SOURCES } from './registry.ts';
import type { KpiSource } from './source.ts';

describe('the KPI registry', () => {
  it('every KPI of the catalogue has a source or is listed as awaiting its module, never both', () => {
    for (const id of KPI_IDS) {
      const sourced = KPI_SOURCES.has(id);
      const awaiting = id in AWAITING_MODULE;
      expect({ id, sourcedOrAwaiting: sourced !== awaiting }).toEqual({ id, sourcedOrAwaiting: true });
    }
  });
  it('a source for a KPI outside the catalogue does not type-check', () => {
    // @ts-expect-error no such KPI
    const unknown: KpiSource['id'] = 'safety.nope';
    expect(KPI_SOURCES.has(unknown)).toBe(false);
  });
  it("a source names its records by a route of the KPI's own module (the portal loads the module the name's prefix names)", () => {
    for (const [id, source] of KPI_SOURCES) {
      const module = HENGYANG_KPIS_2022.find((k) => k.id === id)?.module;
      expect({ id, route: source.recordsRoute }).toEqual({ id, route: expect.stringMatching(new RegExp(`^${module}:[a-z-]+$`)) });
    }
  });
  it("the city's catalogue defines every KPI id once", () => {
    expect(HENGYANG_KPIS_2022.map((k) => k.id).sort()).toEqual([...KPI_IDS].sort());
  });
});
