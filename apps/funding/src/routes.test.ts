import { describe, expect, it } from 'vitest';
import type { RouteRecordRaw } from 'vue-router';
import routes from './routes.ts';

const flat = (list: RouteRecordRaw[]): RouteRecordRaw[] => list.flatMap((r) => [r, ...flat(r.children ?? [])]);

describe('funding routes', () => {
  it('live under the base path the registry gives, and carry the module key', () => {
    const list = routes('/x-funding');
    expect(list.every((r) => r.path === '/x-funding' || r.path.startsWith('/x-funding/'))).toBe(true);
    expect(flat(list).every((r) => r.meta?.module === 'funding')).toBe(true);
  });

  it('has the overview and the named projects’ page, titled in both languages', () => {
    const named = new Map(flat(routes('/funding')).map((r) => [r.name, r]));
    expect(named.get('funding:home')?.meta).toMatchObject({ title: '经费与资助', titleEn: 'Funding & aid' });
    expect(named.get('funding:named')?.meta).toMatchObject({ title: '重点项目', titleEn: 'Named projects' });
  });

  it('has the spending returns, one return and the two no-decrease rule, titled in both languages', () => {
    const named = new Map(flat(routes('/funding')).map((r) => [r.name, r]));
    expect(named.get('funding:spending')?.meta).toMatchObject({ title: '教育经费决算填报', titleEn: 'Spending returns' });
    expect(named.get('funding:spending-return')?.path).toBe('spending/:id(\\d+)');
    expect(named.get('funding:spending-rule')?.meta).toMatchObject({ title: '两个只增不减', titleEn: 'Two no-decrease rule' });
  });

  it('has the overview and the seat-construction pages, titled in both languages', () => {
    const named = flat(routes('/funding')).filter((r) => r.name);
    expect(named.map((r) => r.name)).toEqual(
      expect.arrayContaining(['funding:home', 'funding:projects', 'funding:project', 'funding:allocation']),
    );
    expect(named[0]?.meta).toMatchObject({ title: '经费与资助', titleEn: 'Funding & aid' });
    expect(named.every((r) => r.meta?.title && r.meta?.titleEn)).toBe(true);
  });

  // 控辍保学与随迁子女
  it('has the dropout ledger, one case, the returns and the migrant figures, titled in both languages', () => {
    const named = new Map(flat(routes('/funding')).map((r) => [r.name, r]));
    expect(named.get('funding:dropouts')?.meta).toMatchObject({ title: '控辍保学台账', titleEn: 'Dropout ledger' });
    expect(named.get('funding:dropout')?.path).toBe('dropouts/:id(\\d+)');
    expect(named.get('funding:dropout-returns')?.meta).toMatchObject({ title: '控辍保学报告', titleEn: 'Dropout returns' });
    expect(named.get('funding:migrant')?.meta).toMatchObject({ title: '随迁子女就读情况', titleEn: 'Migrant children' });
  });
  // 学生资助
  it('has the student-aid pages, titled in both languages', () => {
    const named = new Map(flat(routes('/funding')).map((r) => [r.name, r]));
    expect(named.get('funding:aid')?.meta).toMatchObject({ title: '学生资助', titleEn: 'Student aid' });
    expect(named.get('funding:aid-unaided')?.meta).toMatchObject({ title: '应助未助', titleEn: 'Eligible pupils not aided' });
    expect(named.get('funding:aid-follow-up')?.path).toBe('aid/follow-ups/:id(\\d+)');
    expect(named.get('funding:aid-unmatched')?.path).toBe('aid/unmatched');
    expect(named.get('funding:aid-payments')?.path).toBe('aid/payments');
    expect(named.get('funding:aid-funds')?.meta).toMatchObject({ title: '资助资金', titleEn: 'Aid funds' });
    expect(named.get('funding:aid-checks')?.path).toBe('aid/checks');
    expect(named.get('funding:aid-check')?.path).toBe('aid/checks/:id(\\d+)');
  });
});
