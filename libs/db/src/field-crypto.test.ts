import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { normalizeIdCard } from '@hyedu/domain';
import { blindIndex, decryptField, encryptField } from './field-crypto.ts';

const key = randomBytes(32);
const indexKey = randomBytes(32);
const id = '430421201203151234'; // a fictitious pupil's number from security.md §5.1

describe('sensitive field encryption (等保 数据保密性: 身份证号 stored encrypted)', () => {
  it('round-trips, and never stores the plain text', () => {
    const stored = encryptField(key, id, 'student:7');
    expect(stored).not.toContain(id);
    expect(stored).not.toBe(encryptField(key, id, 'student:7')); // a fresh IV each time
    expect(decryptField(key, stored, 'student:7')).toBe(id);
  });

  it('refuses a tampered value, a value moved to another record, or the wrong key — without echoing the value', () => {
    const stored = encryptField(key, id, 'student:7');
    const [v, iv, tag, data] = stored.split('.');
    const flipped = `${v}.${iv}.${tag}.${data!.slice(0, -2)}${data!.slice(-2) === 'AA' ? 'AB' : 'AA'}`;
    for (const attempt of [
      () => decryptField(key, flipped, 'student:7'),
      () => decryptField(key, stored, 'student:8'),
      () => decryptField(randomBytes(32), stored, 'student:7'),
    ]) {
      expect(attempt).toThrow('加密字段校验失败');
      try {
        attempt();
      } catch (e) {
        expect(String(e)).not.toContain(id);
      }
    }
    expect(() => decryptField(key, 'plain-text', 'student:7')).toThrow('加密字段格式无效');
  });

  it('finds a value by exact match through its blind index, whatever way it was typed', () => {
    const typed = '４３０４２１２０１２０３１５１２３４ ';
    expect(blindIndex(indexKey, normalizeIdCard(typed))).toBe(blindIndex(indexKey, id));
    expect(blindIndex(indexKey, id)).not.toContain(id);
    expect(blindIndex(randomBytes(32), id)).not.toBe(blindIndex(indexKey, id));
  });
});
