import { describe, expect, it } from 'vitest';
import { amountToFen, fenToText } from './money.ts';

const fen = (text: string, unit: 'yuan' | 'wan') => {
  const r = amountToFen(text, unit);
  return r.ok ? r.value : r.message;
};

describe('amounts typed in 元 or 万元', () => {
  it('converts exactly to fen', () => {
    expect(fen('1234.56', 'yuan')).toBe(123456);
    expect(fen('210000', 'wan')).toBe(210_000 * 1_000_000);
    expect(fen('12.345678', 'wan')).toBe(12_345_678);
    expect(fen('1,500.5万元', 'wan')).toBe(1_500_500_000);
    expect(fen('0.01', 'wan')).toBe(10_000);
    expect(typeof fen('abc', 'wan')).toBe('string');
  });
  it('shows fen back in either unit', () => {
    expect(fenToText(123456, 'yuan')).toBe('1234.56');
    expect(fenToText(210_000 * 1_000_000, 'wan')).toBe('210000');
    expect(fenToText(12_345_678, 'wan')).toBe('12.345678');
    expect(fenToText(10_000, 'wan')).toBe('0.01');
    expect(fenToText(null, 'wan')).toBe('');
  });
  it('keeps the amount when the unit switches (what the dialog does with typed figures)', () => {
    const wan = amountToFen('150000.5', 'wan');
    expect(wan.ok && fenToText(wan.value, 'yuan')).toBe('1500005000.00');
    const yuan = amountToFen('1500005000.00', 'yuan');
    expect(yuan.ok && fenToText(yuan.value, 'wan')).toBe('150000.5');
  });
});
