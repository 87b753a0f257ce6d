import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Sensitive personal fields (身份证号 and the like) are stored encrypted with AES-256-GCM and found by an HMAC
 * "blind index" of their normalised value, so an exact search never needs the plain text in the database.
 * Stored form: `v1.<iv>.<tag>.<ciphertext>` (base64url). The record id is bound in as associated data, so a
 * ciphertext copied onto another record does not decrypt.
 */
const VERSION = 'v1';

export function encryptField(key: Buffer, plain: string, recordId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.subarray(0, 32), iv);
  cipher.setAAD(Buffer.from(recordId));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

/** Decrypts a stored field; throws (in Chinese, without the value) if it was altered, moved or encrypted under another key. */
export function decryptField(key: Buffer, stored: string, recordId: string): string {
  const [version, iv, tag, data] = stored.split('.');
  if (version !== VERSION || !iv || !tag || data === undefined) throw new Error('加密字段格式无效');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.subarray(0, 32), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(recordId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('加密字段校验失败（数据被篡改或密钥不符）');
  }
}

/** The blind index of a value for exact-match search (normalise first, e.g. with normalizeIdCard). */
export function blindIndex(key: Buffer, normalised: string): string {
  return createHmac('sha256', key).update(normalised).digest('hex');
}

/** Associated data of an account's encrypted TOTP secret. */
export const totpRecordId = (accountId: number) => `account:${accountId}:totp`;
