import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '@hyedu/domain';
import { ExcelFileError } from '@hyedu/excel';
import { readAidRollSheet } from './roll-sheet.ts';
import { readAidStudentSheet } from './student-sheet.ts';

const quiet = () => undefined;
async function book(headers: string[], rows: number) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导出');
  ws.addRow(headers);
  for (let i = 0; i < rows; i++) ws.addRow(['张三', '430422201205011234', 'G1', '2143000001', '三年级', '否']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the 学籍 and roll readers go through the kit’s limits', () => {
  it('refuse a file that is not a workbook, and more rows than an import takes', async () => {
    await expect(readAidStudentSheet(Buffer.from('not a workbook'), { schools: [] }, quiet)).rejects.toBeInstanceOf(ExcelFileError);
    await expect(
      readAidRollSheet(Buffer.from('PK\x03\x04junk'), { semester: '2022-2', today: '2022-11-30' }, quiet),
    ).rejects.toBeInstanceOf(ExcelFileError);
    const many = await book(['姓名', '身份证件号', '全国学籍号', '学校标识码', '年级', '是否住校'], IMPORT_LIMITS.maxRows + 1);
    await expect(readAidStudentSheet(many, { schools: [] }, quiet)).rejects.toThrow(`数据超过 ${IMPORT_LIMITS.maxRows} 行，请分批导入`);
  });
  it('name a missing column by its template header', async () => {
    await expect(readAidRollSheet(await book(['姓名', '身份证号'], 1), { semester: null, today: '2022-11-30' }, quiet)).rejects.toThrow(
      /资助项目、金额（元）、发放日期/,
    );
  });
});
