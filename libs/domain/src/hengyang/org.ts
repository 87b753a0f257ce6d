import type { OrgUnit } from '../org.ts';

/**
 * 衡阳市 and its 13 county-level education units: 12 GB/T 2260 units plus 高新区.
 * 高新区 has no GB/T 2260 code; 430472 is its NBS 统计用区划代码 (湖南衡阳高新技术产业园区).
 * Source: docs/domain/org.md.
 */
export const HENGYANG_ORG_UNITS: readonly OrgUnit[] = [
  { code: '430400', name: '衡阳市', bureauName: '衡阳市教育局', kind: 'city', parentCode: null, sortOrder: 0 },
  { code: '430405', name: '珠晖区', bureauName: '珠晖区教育局', kind: 'district', parentCode: '430400', sortOrder: 1 },
  { code: '430406', name: '雁峰区', bureauName: '雁峰区教育局', kind: 'district', parentCode: '430400', sortOrder: 2 },
  { code: '430407', name: '石鼓区', bureauName: '石鼓区教育局', kind: 'district', parentCode: '430400', sortOrder: 3 },
  { code: '430408', name: '蒸湘区', bureauName: '蒸湘区教育局', kind: 'district', parentCode: '430400', sortOrder: 4 },
  { code: '430412', name: '南岳区', bureauName: '南岳区教育局', kind: 'district', parentCode: '430400', sortOrder: 5 },
  { code: '430421', name: '衡阳县', bureauName: '衡阳县教育局', kind: 'county', parentCode: '430400', sortOrder: 6 },
  { code: '430422', name: '衡南县', bureauName: '衡南县教育局', kind: 'county', parentCode: '430400', sortOrder: 7 },
  { code: '430423', name: '衡山县', bureauName: '衡山县教育局', kind: 'county', parentCode: '430400', sortOrder: 8 },
  { code: '430424', name: '衡东县', bureauName: '衡东县教育局', kind: 'county', parentCode: '430400', sortOrder: 9 },
  { code: '430426', name: '祁东县', bureauName: '祁东县教育局', kind: 'county', parentCode: '430400', sortOrder: 10 },
  { code: '430481', name: '耒阳市', bureauName: '耒阳市教育局', kind: 'county_city', parentCode: '430400', sortOrder: 11 },
  { code: '430482', name: '常宁市', bureauName: '常宁市教育局', kind: 'county_city', parentCode: '430400', sortOrder: 12 },
  { code: '430472', name: '高新区', bureauName: '高新区教文体局', kind: 'zone', parentCode: '430400', sortOrder: 13 },
];

/** 湖南省 code used in 学校标识码 positions 3–4. */
export const HUNAN_PROVINCE_CODE = '43';
