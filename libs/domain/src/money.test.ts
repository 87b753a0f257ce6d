import { describe, expect, it } from 'vitest';
import { FenAmount, fenToYuanString, formatFen, sumFen, yuanInput, YuanInput, yuanToFen, type Fen } from './money.ts';

const fen = (n: number) => n as Fen;
const ok = (input: string | number, opts?: { allowNegative?: boolean }) => {
  const r = yuanToFen(input, opts);
  if (!r.ok) throw new Error(`expected ${String(input)} to parse: ${r.message}`);
  return r.value;
};
const err = (input: string | number, opts?: { allowNegative?: boolean }) => {
  const r = yuanToFen(input, opts);
  if (r.ok) throw new Error(`expected ${String(input)} to fail`);
  return r.message;
};

// Amounts in the seed and docs/domain/funding.md are 元 and 万元 (e.g. a project's "investment", the allowance "1,000 元/年");
// they are stored as integer fen so sums are exact.
describe('yuanToFen', () => {
  it('accepts plain, grouped, full-width, symbol and 元 forms', () => {
    expect(ok('1234.5')).toBe(123450);
    expect(ok('1,234.56')).toBe(123456);
    expect(ok('１２３４')).toBe(123400);
    expect(ok('¥12.30')).toBe(1230);
    expect(ok('￥12.30')).toBe(1230);
    expect(ok('100元')).toBe(10000);
    expect(ok(' 1 000 元 ')).toBe(100000);
    expect(ok('0')).toBe(0);
    expect(ok('0.01')).toBe(1);
    expect(ok('1.500')).toBe(150); // extra zeros lose nothing
    expect(ok('007.1')).toBe(710);
  });

  it('uses string arithmetic: no float error on numbers or strings', () => {
    expect(ok(1234.56)).toBe(123456);
    expect(ok(0.29)).toBe(29); // 0.29 * 100 === 28.999999999999996 in floating point
    expect(ok('19.99')).toBe(1999);
    expect(ok(1000)).toBe(100000);
    expect(err(0.1 + 0.2)).toBe('金额最多保留两位小数');
  });

  it('rejects non-numbers and more than two decimals', () => {
    expect(err('1e309')).toBe('金额格式无效');
    expect(err(Infinity)).toBe('金额格式无效');
    expect(err(Number.NaN)).toBe('金额格式无效');
    expect(err('NaN')).toBe('金额格式无效');
    expect(err('12,34')).toBe('金额格式无效');
    expect(err('1.2.3')).toBe('金额格式无效');
    expect(err('')).toBe('请输入金额');
    expect(err('0.001')).toBe('金额最多保留两位小数');
    expect(err(1e-7)).toBe('金额最多保留两位小数');
  });

  it('rejects negatives unless allowed', () => {
    expect(err('-1')).toBe('金额不能为负数');
    expect(ok('-¥1,234.56', { allowNegative: true })).toBe(-123456);
    expect(ok(-5, { allowNegative: true })).toBe(-500);
    expect(Object.is(ok('-0'), 0)).toBe(true);
  });

  it('rejects amounts beyond Number.MAX_SAFE_INTEGER fen', () => {
    expect(ok('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
    expect(err('90071992547409.92')).toBe('金额超出范围');
    expect(err('1' + '0'.repeat(30))).toBe('金额超出范围');
    expect(err(1e21)).toBe('金额超出范围');
  });
});

describe('formatting', () => {
  it('groups with commas every 3 digits', () => {
    expect(formatFen(fen(123456))).toBe('1,234.56');
    expect(formatFen(fen(123456), { symbol: true })).toBe('¥1,234.56');
    expect(formatFen(fen(-123456), { symbol: true })).toBe('-¥1,234.56');
    expect(formatFen(fen(5))).toBe('0.05');
    expect(formatFen(fen(100000000))).toBe('1,000,000.00');
    expect(formatFen(fen(Number.MAX_SAFE_INTEGER))).toBe('90,071,992,547,409.91');
  });

  it('万元 rounds half up to two decimals', () => {
    expect(formatFen(fen(12_345_678), { unit: 'wanyuan' })).toBe('12.35万元');
    expect(formatFen(fen(12_345_000), { unit: 'wanyuan' })).toBe('12.35万元');
    expect(formatFen(fen(12_344_999), { unit: 'wanyuan' })).toBe('12.34万元');
    expect(formatFen(fen(0), { unit: 'wanyuan' })).toBe('0.00万元');
    expect(formatFen(fen(-4_999), { unit: 'wanyuan' })).toBe('0.00万元');
    expect(formatFen(fen(123_456_789_000), { unit: 'wanyuan' })).toBe('123,456.79万元');
  });

  it('fenToYuanString is plain', () => {
    expect(fenToYuanString(fen(123456))).toBe('1234.56');
    expect(fenToYuanString(fen(-1))).toBe('-0.01');
    expect(fenToYuanString(fen(0))).toBe('0.00');
    expect(() => fenToYuanString(0.5)).toThrow(RangeError);
  });

  it('round-trips', () => {
    for (const s of ['0.00', '0.01', '1234.56', '90071992547409.91']) expect(fenToYuanString(ok(s))).toBe(s);
  });
});

describe('schemas and sums', () => {
  it('FenAmount is a non-negative safe integer', () => {
    expect(FenAmount.parse(100)).toBe(100);
    expect(FenAmount.safeParse(-1).error?.issues[0]?.message).toBe('金额不能为负数');
    expect(FenAmount.safeParse(1.5).error?.issues[0]?.message).toBe('金额应为以分计的整数');
    expect(FenAmount.safeParse(Number.MAX_SAFE_INTEGER + 1).success).toBe(false);
  });

  it('YuanInput parses strings and numbers with Chinese messages', () => {
    expect(YuanInput.parse('1,234.56')).toBe(123456);
    expect(YuanInput.parse(12.3)).toBe(1230);
    expect(YuanInput.safeParse('0.001').error?.issues[0]?.message).toBe('金额最多保留两位小数');
    expect(YuanInput.safeParse('-1').error?.issues[0]?.message).toBe('金额不能为负数');
    expect(yuanInput({ allowNegative: true }).parse('-1')).toBe(-100);
    expect(YuanInput.safeParse(null).success).toBe(false);
  });

  it('sumFen is exact and checks overflow', () => {
    expect(sumFen([fen(10), fen(20), fen(1)])).toBe(31);
    expect(sumFen([])).toBe(0);
    expect(() => sumFen([fen(Number.MAX_SAFE_INTEGER), fen(1)])).toThrow('金额合计超出范围');
    expect(() => sumFen([0.5])).toThrow(RangeError);
  });
});
