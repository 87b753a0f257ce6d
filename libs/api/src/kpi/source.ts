import type { Db } from '@hyedu/db';
import type { Area, DataScope, KpiId } from '@hyedu/domain';

/** A KPI's raw figure: a count (den null) or a ratio num/den that aggregates as Σnum / Σden. */
export interface Measure {
  num: number;
  den: number | null;
  /** For the 4个100%: schools with a county-verified report for the counted term, shown as verified ÷ due (den). */
  verified?: number;
  /** For a share with levers under way: the numerator projected after them (same denominator), shown beside the value. */
  projected?: number;
}

export interface SchoolMeasure {
  schoolId: number;
  code: string;
  name: string;
  unitCode: string;
  measure: Measure;
}

/**
 * How a module computes one KPI of the domain catalogue from its own records. Modules register their sources in
 * `registry.ts`; the dashboard router and the portal know nothing module-specific, so a new module adds KPIs there.
 * A KPI without a source, or whose source finds no records, is shown as 暂无数据.
 */
export interface KpiSource {
  id: KpiId;
  /** Per reporting unit (county-level units; 局直 schools under the city's code), within the caller's scope, as of `today` (the business date). */
  byUnit(db: Db, scope: DataScope, today: string): Promise<Map<string, Measure>>;
  /** Per school of one unit, for KPIs measured at school level. */
  bySchool?(db: Db, scope: DataScope, unitCode: string, today: string): Promise<SchoolMeasure[]>;
  /** The module page listing the records behind the number, by route name (`<module key>:<page>`; the portal adds ?unit= and &q=). */
  recordsRoute: string;
  /** The area those records are read under, when it is not the module's own (the link is offered only to who may read it). */
  recordsArea?: Area;
}

/** A measure's projected value (a ratio's projected numerator over its denominator), or null. */
export const projectedValue = (m: Measure | undefined): number | null =>
  m?.projected === undefined || m.den === null || m.den === 0 ? null : m.projected / m.den;

/** A measure's value: the count, or the ratio (null when the denominator is 0 — no data, never 0%). */
export const measureValue = (m: Measure | undefined): number | null =>
  !m ? null : m.den === null ? m.num : m.den === 0 ? null : m.num / m.den;

export function sumMeasures(ms: Iterable<Measure>): Measure | undefined {
  let out: Measure | undefined;
  for (const m of ms) {
    if (!out) out = { ...m };
    else {
      const verified = out.verified === undefined || m.verified === undefined ? undefined : out.verified + m.verified;
      const projected = out.projected === undefined || m.projected === undefined ? undefined : out.projected + m.projected;
      out = {
        num: out.num + m.num,
        den: out.den === null || m.den === null ? null : out.den + m.den,
        ...(verified === undefined ? {} : { verified }),
        ...(projected === undefined ? {} : { projected }),
      };
    }
  }
  return out;
}
