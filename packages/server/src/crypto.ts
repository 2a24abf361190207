/**
 * Column encryption at rest: AES-256-GCM (node:crypto) with a random 96-bit IV per value and the row's
 * identity as additional data, so a ciphertext copied into another row or column does not decrypt.
 * Stored as one `bytea`: version byte 1 | IV (12) | tag (16) | ciphertext.
 *
 * The key is `HOSO_DATA_KEY`: 32 bytes as 64 hex digits or base64. Without it a fixed development key is
 * used and the server says so loudly: data written with it is readable by anyone with this source code.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 1;
export const DEV_KEY_NOTICE =
  'HOSO_DATA_KEY is not set: personal data is encrypted with the PUBLIC development key. Never store real cases like this.';

export class DataKeyError extends Error {}

/** Reads a 32-byte key from hex or base64; `undefined` gives the development key (`dev: true`). */
export function parseDataKey(text: string | undefined): { key: Buffer; dev: boolean } {
  if (!text) return { key: createHash('sha256').update('hoso development data key (public)').digest(), dev: true };
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32)
    throw new DataKeyError(`HOSO_DATA_KEY must be 32 bytes (64 hex digits or base64), got ${key.length} bytes`);
  return { key, dev: false };
}

export class ColumnCipher {
  constructor(private readonly key: Buffer) {}

  /** Encrypts a JSON value for `context` (e.g. `cases.person:<id>`). */
  seal(value: unknown, context: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(JSON.stringify(value) ?? 'null', 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
  }

  sealBytes(bytes: Uint8Array, context: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
  }

  /** Decrypts; a wrong key, another row's value or a changed byte throws. */
  openBytes(sealed: Uint8Array, context: string): Buffer {
    const b = Buffer.from(sealed);
    if (b[0] !== VERSION) throw new DataKeyError(`unknown ciphertext version ${b[0]} for ${context}`);
    const decipher = createDecipheriv('aes-256-gcm', this.key, b.subarray(1, 13));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(b.subarray(13, 29));
    try {
      return Buffer.concat([decipher.update(b.subarray(29)), decipher.final()]);
    } catch {
      throw new DataKeyError(`cannot decrypt ${context}: wrong HOSO_DATA_KEY or altered data`);
    }
  }

  open<T = unknown>(sealed: Uint8Array, context: string): T {
    return JSON.parse(this.openBytes(sealed, context).toString('utf8')) as T;
  }
}
