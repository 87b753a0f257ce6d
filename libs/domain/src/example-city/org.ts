import type { OrgUnit } from '../org.ts';

/**
 * 示例市: a synthetic city for tests — a second configuration that drives the same rules as Hengyang's. Its codes
 * follow the GB/T 2260 pattern (the city ends in 00, its units share the city's first four digits; 01–20 市辖区,
 * 21–80 县, 81–99 县级市) under province code 99, which GB/T 2260 does not assign, so no code is a real place's.
 */
export const EXAMPLE_CITY_ORG_UNITS: readonly OrgUnit[] = [
  { code: '990100', name: '示例市', bureauName: '示例市教育局', kind: 'city', parentCode: null, sortOrder: 0 },
  { code: '990102', name: '示例一区', bureauName: '示例一区教育局', kind: 'district', parentCode: '990100', sortOrder: 1 },
  { code: '990121', name: '示例二县', bureauName: '示例二县教育局', kind: 'county', parentCode: '990100', sortOrder: 2 },
  { code: '990181', name: '示例三市', bureauName: '示例三市教育局', kind: 'county_city', parentCode: '990100', sortOrder: 3 },
];

/** The synthetic province code of 示例市's 学校标识码 (positions 3–4). */
export const EXAMPLE_PROVINCE_CODE = '99';
