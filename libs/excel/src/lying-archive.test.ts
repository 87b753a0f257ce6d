import { describe, expect, it } from 'vitest';
import { deflatedZeros, entriesOf, rawZip } from '@hyedu/files/testing';
import { checkXlsx, readSheet, writeTemplate, writeWorkbook, type Column } from './index.ts';

// Archives whose headers lie: each is refused with a Chinese message before any workbook parser sees it.
const COLUMNS: Column[] = [
  { key: 'name', header: '学校名称', required: true, example: '衡阳市第一中学' },
  { key: 'level', header: '学段', required: true, options: ['小学', '初中', '高中'], example: '高中' },
];
const MB = 1024 * 1024;
const template = await writeTemplate([{ name: '学校', columns: COLUMNS }], ['请勿修改表头。']);

describe('a lying archive is refused while it is inflated, whatever its headers say', () => {
  it('a valid template plus one entry of 48 MB of zeros declared as 1 KB', async () => {
    const lying = rawZip([
      ...entriesOf(template),
      { name: 'xl/media/image1.bin', deflated: deflatedZeros(48 * MB), size: 48 * MB, declaredSize: 1024 },
    ]);
    expect(lying.length).toBeLessThan(MB);
    expect(() => checkXlsx(lying)).toThrow('疑似压缩炸弹');
    await expect(readSheet(lying, '学校', COLUMNS)).rejects.toThrow('疑似压缩炸弹');
  });

  it('a central directory that disagrees with the local headers: the parser would read a hidden sheet', async () => {
    const hidden = entriesOf(
      await writeWorkbook([{ name: '学校', columns: COLUMNS, rows: [{ name: '未经检查的学校', level: '高中' }] }]),
    ).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const entries = entriesOf(template);
    const sheet = entries.findIndex((e) => e.name === 'xl/worksheets/sheet1.xml');
    // The directory's record of sheet1 points at a second local entry of the same name, placed after the others.
    const lying = rawZip([...entries.map((e, i) => (i === sheet ? { ...e, pointsAt: entries.length } : e)), { ...hidden, hidden: true }]);
    expect(() => checkXlsx(lying)).toThrow('文件结构异常（目录与内容不一致）');
    await expect(readSheet(lying, '学校', COLUMNS)).rejects.toThrow('目录与内容不一致');
  });

  it('a directory that lists the template while the archive holds 30,000 more entries', async () => {
    const many = Array.from({ length: 30_000 }, (_, i) => ({ name: `xl/x/${i}.xml`, data: new Uint8Array(0), store: true, hidden: true }));
    const lying = rawZip([...entriesOf(template), ...many]);
    expect(lying.length).toBeLessThan(5 * MB);
    expect(() => checkXlsx(lying)).toThrow('文件结构异常（条目过多');
  });

  it('honest headers but a compression ratio no spreadsheet has (30 MB of zeros)', async () => {
    const bomb = rawZip([...entriesOf(template), { name: 'xl/media/image1.bin', deflated: deflatedZeros(30 * MB), size: 30 * MB }]);
    expect(() => checkXlsx(bomb)).toThrow('文件压缩比异常（超过 100 倍，疑似压缩炸弹）');
  });
});
