/**
 * A backup archive sealed with authenticated encryption, so a changed byte is found before a
 * restore touches anything (Strapi's own export encryption is AES-128-ECB with no integrity
 * check: a tampered archive would be restored).
 *
 * The file: `CDBACKUP` and a version byte, a random salt (16 bytes) and nonce (12 bytes), then
 * the archive encrypted with AES-256-GCM, then GCM's tag (16 bytes). The key is derived from
 * BACKUP_ENCRYPTION_KEY and the salt by scrypt (so a passphrase typed by an operator is as good
 * a key as `pnpm setup`'s random one); the header is authenticated with the archive.
 *
 * Opening writes the archive to a file of the caller's (a private temporary directory) and
 * only hands it over once the tag is checked: what is restored is exactly what was checked,
 * and a file changed in the meantime cannot slip in between the check and the restore.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';

const MAGIC = Buffer.from('CDBACKUP\u0001', 'latin1');
const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + SALT_BYTES + NONCE_BYTES;
/** scrypt's cost: 32 MB and about a tenth of a second, once per backup or restore. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** A sealed archive that is not one, was changed or damaged, or was sealed with another key. */
export class BrokenSeal extends Error {}

function keyOf(secret: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(secret, salt, 32, SCRYPT, (error, key) => (error ? reject(error) : resolve(key))));
}

/** Seals the archive `plain` into `sealed` (written aside, then renamed into place). */
export async function seal(plain: string, sealed: string, secret: string): Promise<void> {
  const salt = randomBytes(SALT_BYTES);
  const nonce = randomBytes(NONCE_BYTES);
  const header = Buffer.concat([MAGIC, salt, nonce]);
  const cipher = createCipheriv('aes-256-gcm', await keyOf(secret, salt), nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(header);
  const part = `${sealed}.part`;
  try {
    const out = createWriteStream(part, { mode: 0o600 });
    out.write(header);
    await pipeline(createReadStream(plain), cipher, out, { end: false });
    await new Promise<void>((resolve, reject) =>
      out.end(cipher.getAuthTag(), (error?: Error | null) => (error ? reject(error) : resolve())),
    );
    await rename(part, sealed);
  } catch (error) {
    await rm(part, { force: true });
    throw error;
  }
}

/**
 * Opens the sealed archive `sealed` into `plain`, resolving once its tag is checked; throws
 * BrokenSeal (and leaves no `plain`) when the file is not a sealed archive, was changed or
 * damaged, or `secret` is not the key it was sealed with.
 */
export async function unseal(sealed: string, plain: string, secret: string): Promise<void> {
  const { size } = await stat(sealed);
  const handle = await open(sealed, 'r');
  let header: Buffer;
  let tag: Buffer;
  try {
    if (size < HEADER_BYTES + TAG_BYTES) throw new BrokenSeal('it is too short to be a backup');
    header = Buffer.alloc(HEADER_BYTES);
    tag = Buffer.alloc(TAG_BYTES);
    await handle.read(header, 0, HEADER_BYTES, 0);
    await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    await handle.close();
  }
  if (!header.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new BrokenSeal(
      'it is not a sealed Campaign Desk backup (one made before backups were authenticated needs the version that made it)',
    );
  }
  const salt = header.subarray(MAGIC.length, MAGIC.length + SALT_BYTES);
  const nonce = header.subarray(MAGIC.length + SALT_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', await keyOf(secret, salt), nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(header);
  decipher.setAuthTag(tag);
  try {
    await pipeline(
      createReadStream(sealed, { start: HEADER_BYTES, end: size - TAG_BYTES - 1 }),
      decipher,
      createWriteStream(plain, { mode: 0o600 }),
    );
  } catch (error) {
    await rm(plain, { force: true });
    if ((error as Error).message.includes('authenticate')) {
      throw new BrokenSeal(
        'its integrity check failed: it was changed or damaged after it was made, or BACKUP_ENCRYPTION_KEY is not the key it was made with',
      );
    }
    throw error;
  }
}
