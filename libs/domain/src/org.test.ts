import { describe, expect, it } from 'vitest';
import { HENGYANG_ORG_UNITS } from './hengyang/org.ts';
import { createOrganisation, type OrgUnit } from './org.ts';

describe('createOrganisation with Hengyang data', () => {
  const org = createOrganisation(HENGYANG_ORG_UNITS);

  it('"L2 13 county-level units = 12 县市区教育局 + 高新区教文体局" (docs/domain/org.md)', () => {
    expect(org.city.code).toBe('430400');
    expect(org.counties).toHaveLength(13);
    expect(org.counties.filter((u) => u.kind !== 'zone')).toHaveLength(12);
    expect(org.byCode('430472')?.bureauName).toBe('高新区教文体局');
  });

  it('codes match the docs/domain/org.md GB/T 2260 table', () => {
    const table: Record<string, string> = {
      '430405': '珠晖区',
      '430406': '雁峰区',
      '430407': '石鼓区',
      '430408': '蒸湘区',
      '430412': '南岳区',
      '430421': '衡阳县',
      '430422': '衡南县',
      '430423': '衡山县',
      '430424': '衡东县',
      '430426': '祁东县',
      '430481': '耒阳市',
      '430482': '常宁市',
    };
    for (const [code, name] of Object.entries(table)) expect(org.byCode(code)?.name, code).toBe(name);
    // "430472 湖南衡阳高新技术产业园区" is an NBS functional-zone code (docs/domain/org.md)
    expect(org.byCode('430472')?.kind).toBe('zone');
    expect(org.counties.map((u) => u.sortOrder)).toEqual([...org.counties.map((u) => u.sortOrder)].sort((a, b) => a - b));
  });

  it('isCounty is true for L2 units only', () => {
    expect(org.isCounty('430422')).toBe(true);
    expect(org.isCounty('430400')).toBe(false);
    expect(org.isCounty('430402')).toBe(false); // old 江东区 code, replaced in 2001 (docs/domain/org.md)
  });

  it('rejects duplicate codes, a wrong parent, and not exactly one city', () => {
    const dup = [...HENGYANG_ORG_UNITS, HENGYANG_ORG_UNITS[1]!];
    expect(() => createOrganisation(dup)).toThrow('单位代码重复：430405');
    const wrongParent: OrgUnit[] = HENGYANG_ORG_UNITS.map((u) => (u.code === '430422' ? { ...u, parentCode: '430100' } : u));
    expect(() => createOrganisation(wrongParent)).toThrow('衡南县 的上级单位应为 衡阳市');
    expect(() => createOrganisation(HENGYANG_ORG_UNITS.slice(1))).toThrow('组织机构中应有且仅有一个地级市单位');
    expect(() => createOrganisation([{ ...HENGYANG_ORG_UNITS[0]!, code: '4304' }])).toThrow();
  });
});
