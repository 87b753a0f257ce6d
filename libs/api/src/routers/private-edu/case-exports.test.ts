import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { callerAs } from '../../testing.ts';

/** An export's sheet as text rows (row 1 the title, row 2 the headers). */
async function sheetOf(base64: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow({ includeEmpty: false }, (r) =>
    out.push((r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
  );
  return out;
}

type Api = Awaited<ReturnType<typeof callerAs>>;
const LISTS = {
  inspections: {
    headers: ['编号', '县市区', '学校标识码', '学校', '年度', '审批机关', '状态', '整改期限', '整改逾期', '年检结论', '停止招生年度'],
    list: (api: Api, f: object) => api.privateEdu.inspections.list({ ...f, pageSize: 100 }),
    export: (api: Api, f: object) => api.privateEdu.inspections.export(f),
  },
  licences: {
    headers: ['编号', '县市区', '学校标识码', '学校', '许可事项', '分类登记', '审批机关', '办学许可证号', '有效期至', '状态', '申请日期'],
    list: (api: Api, f: object) => api.privateEdu.licences.list({ ...f, pageSize: 100 }),
    export: (api: Api, f: object) => api.privateEdu.licences.export(f),
  },
  puhui: {
    headers: [
      '编号',
      '县市区',
      '学校标识码',
      '幼儿园',
      '申请保教费（元/月）',
      '认定收费上限（元/月）',
      '生均补助（元/年）',
      '认定生效日期',
      '撤销日期',
      '状态',
      '申请日期',
    ],
    list: (api: Api, f: object) => api.privateEdu.puhui.list({ ...f, pageSize: 100 }),
    export: (api: Api, f: object) => api.privateEdu.puhui.export(f),
  },
} as const;

describe.each(testEngines())('年检, 办学许可 and 普惠认定 exports on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  }, 120_000);
  afterAll(() => database?.close());

  it.each(Object.keys(LISTS) as (keyof typeof LISTS)[])(
    '%s: the export holds the list’s rows for the same filter, a county only its own, with Chinese headers',
    async (name) => {
      const l = LISTS[name];
      const county = await callerAs(database, 'hengnan');
      const city = await callerAs(database, 'privedu');
      const own = await l.export(county, {});
      const ownSheet = await sheetOf(own.base64);
      expect(ownSheet[1]).toEqual(l.headers);
      const listed = await l.list(county, {});
      expect(own.rows).toBe(listed.total);
      expect(ownSheet.slice(2, 2 + listed.rows.length).map((r) => Number(r[0]))).toEqual(listed.rows.map((r) => r.id));
      expect(new Set(ownSheet.slice(2).map((r) => r[1]))).toEqual(new Set(own.rows ? ['衡南县'] : []));
      const all = await l.export(city, {});
      expect(all.rows).toBe((await l.list(city, {})).total);
      expect(all.rows).toBeGreaterThanOrEqual(own.rows);
      // The list's text filter applies to the export as well.
      const none = await l.export(city, { q: '没有这所学校' });
      expect(none.rows).toBe(0);
    },
  );

  it('the city’s exports hold other counties’ rows, none of which reaches the county’s', async () => {
    const county = await callerAs(database, 'hengnan');
    const city = await callerAs(database, 'privedu');
    for (const l of Object.values(LISTS)) {
      const others = (await sheetOf((await l.export(city, {})).base64)).slice(2).filter((r) => r[1] !== '衡南县');
      expect(others.length).toBeGreaterThan(0);
      const own = new Set((await sheetOf((await l.export(county, {})).base64)).slice(2).map((r) => r[0]));
      expect(others.filter((r) => own.has(r[0]))).toEqual([]);
    }
  });
});
