/**
 * AES-256-GCM envelopes for patient data at rest in Redis (job payloads and results).
 * Format: "enc1:" + base64(iv[12] | tag[16] | ciphertext). The associated data binds a
 * ciphertext to its place (job id, result key), so entries cannot be swapped unnoticed.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'enc1:';

/** A 32-byte key given as 64 hex digits or as base64 (44 characters). */
export function parseKey(text: string): Buffer {
  const t = text.trim();
  let key: Buffer | null = null;
  if (/^[0-9a-fA-F]{64}$/.test(t)) key = Buffer.from(t, 'hex');
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) key = Buffer.from(t, 'base64');
  if (!key || key.length !== 32) {
    throw new Error('the key must be 32 bytes, as 64 hex digits or base64 (e.g. `openssl rand -base64 32`)');
  }
  return key;
}

export class DecryptError extends Error {
  override name = 'DecryptError';
}

export const isSealed = (s: unknown): s is string => typeof s === 'string' && s.startsWith(PREFIX);

/** Serializes `value` as JSON; encrypted when a key is given. */
export function seal(value: unknown, key: Buffer | undefined, aad: string): string {
  return sealJson(JSON.stringify(value), key, aad);
}

/** `seal` of a value already serialized as JSON text. */
export function sealJson(json: string, key: Buffer | undefined, aad: string): string {
  if (!key) return json;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(json, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** The inverse of seal. Plain JSON is read as is (a key only adds the ability to read sealed text). */
export function unseal(text: string, key: Buffer | undefined, aad: string): unknown {
  if (!isSealed(text)) return JSON.parse(text);
  if (!key) throw new DecryptError('the data is encrypted and MYELEX_ENCRYPTION_KEY is not set');
  const raw = Buffer.from(text.slice(PREFIX.length), 'base64');
  if (raw.length < 28) throw new DecryptError('the encrypted data is truncated');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(raw.subarray(12, 28));
    const json = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    return JSON.parse(json);
  } catch {
    throw new DecryptError('cannot decrypt: MYELEX_ENCRYPTION_KEY differs from the key the data was written with');
  }
}
