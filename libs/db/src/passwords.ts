import { hash, verify, type Algorithm } from '@node-rs/argon2';

// argon2id, OWASP's second recommended setting (19 MiB, 2 passes): ~20 ms a hash on this machine.
const ARGON2ID = 2 as Algorithm; // the package's enum is an ambient const enum (not importable as a value)
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Checks a password against a stored hash; a malformed hash is a mismatch, never an error. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A real hash to verify against when the account does not exist, so both cases take the same time. */
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$389nn6H2y6VRU5g4CjGCgg$wblezHS2yZkA414fvJXjhX9KTev8jNskP8wOkoA2nkI';
