import { fenToYuanString, yuanToFen, type FenResult } from '@hyedu/domain';

/** The unit an amount is typed in: 元 (two decimals) or 万元 (up to six decimals, i.e. to the fen). */
export type AmountUnit = 'yuan' | 'wan';

/** A typed amount in fen, from 元 or 万元 (the domain's yuanToFen; 万元 shifted by four places first, exactly). */
export function amountToFen(text: string, unit: AmountUnit): FenResult {
  if (unit === 'yuan') return yuanToFen(text);
  const s = text
    .trim()
    .replace(/万元?$/, '')
    .replace(/[,，]/g, '')
    .trim();
  if (s === '') return { ok: false, message: '请输入金额' };
  const m = /^(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || !(m[1] || m[2])) return { ok: false, message: '金额格式无效' };
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > 6) return { ok: false, message: '以万元填写时最多保留六位小数' };
  // 万元 with six decimals is yuan with two: 12.345678万元 = 123456.78元.
  const padded = frac.padEnd(6, '0');
  return yuanToFen(`${m[1] || '0'}${padded.slice(0, 4)}.${padded.slice(4)}`);
}

/** Fen as the text of an amount field (no grouping). */
export const fenToText = (fen: number | undefined | null, unit: AmountUnit) => {
  if (fen === undefined || fen === null) return '';
  if (unit === 'yuan') return fenToYuanString(fen);
  const yuan = fenToYuanString(fen); // "123456.78"
  const [int, dec] = yuan.split('.');
  const padded = int!.padStart(5, '0');
  const wan = `${padded.slice(0, -4).replace(/^0+(?=\d)/, '')}.${padded.slice(-4)}${dec}`.replace(/0+$/, '').replace(/\.$/, '');
  return wan;
};
