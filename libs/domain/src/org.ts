import { z } from 'zod';

/**
 * An education bureau's organisation: one municipal bureau (L1), its county-level
 * units (L2, 县市区教育局 and functional zones such as 高新区), and schools (L3).
 * The rules here are city-agnostic; a city's own units come in as data.
 */
export const OrgUnitKind = z.enum(['city', 'district', 'county', 'county_city', 'zone']);
export type OrgUnitKind = z.infer<typeof OrgUnitKind>;

export const ORG_UNIT_KIND_LABELS: Record<OrgUnitKind, string> = {
  city: '地级市',
  district: '市辖区',
  county: '县',
  county_city: '县级市',
  zone: '功能区',
};

/** A six-digit administrative division code (GB/T 2260), or an NBS functional-zone code. */
export const DivisionCode = z.string().regex(/^\d{6}$/, { message: '行政区划代码应为6位数字' });

export const OrgUnit = z.object({
  code: DivisionCode,
  name: z.string().min(1).max(40),
  /** Name of the education authority, e.g. 衡南县教育局 */
  bureauName: z.string().min(1).max(60),
  kind: OrgUnitKind,
  /** Parent unit code; null for the city itself. */
  parentCode: DivisionCode.nullable(),
  sortOrder: z.number().int(),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

/** Key of the bucket that holds schools reporting straight to the city bureau (局直). */
export const CITY_DIRECT = 'direct' as const;

export interface Organisation {
  city: OrgUnit;
  /** County-level units (L2) in display order. */
  counties: OrgUnit[];
  byCode(code: string): OrgUnit | undefined;
  isCounty(code: string): boolean;
}

/** Builds lookups over a city's units and checks that the tree is well formed. */
export function createOrganisation(units: readonly OrgUnit[]): Organisation {
  const parsed = units.map((u) => OrgUnit.parse(u));
  const cities = parsed.filter((u) => u.kind === 'city');
  if (cities.length !== 1) throw new Error(`组织机构中应有且仅有一个地级市单位，实际 ${cities.length} 个`);
  const city = cities[0]!;
  const map = new Map<string, OrgUnit>();
  for (const u of parsed) {
    if (map.has(u.code)) throw new Error(`单位代码重复：${u.code}`);
    map.set(u.code, u);
  }
  const counties = parsed
    .filter((u) => u.kind !== 'city')
    .map((u) => {
      if (u.parentCode !== city.code) throw new Error(`${u.name} 的上级单位应为 ${city.name}`);
      return u;
    })
    .sort((a, b) => a.sortOrder - b.sortOrder);
  return {
    city,
    counties,
    byCode: (code) => map.get(code),
    isCounty: (code) => map.get(code)?.kind !== undefined && map.get(code)?.kind !== 'city',
  };
}
