/**
 * Readers' contact details (a phone number or e-mail address for follow-up), kept apart from
 * their submissions: encrypted (AES-256-GCM, a fresh nonce each) with a key derived from
 * CAMPAIGN_DESK_PARTICIPATION_KEY, in a table of the plugin's own that is no content type, so
 * neither the snapshot nor Strapi's data export or transfer ever carries it, and deleted once
 * its retention period ends (retention.ts beside it).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { pluginConfig } from '../../config/read';
import { deriveKey } from '../keys';
import { defineService } from '../../utils';

export const CONTACTS_TABLE = 'campaign_desk_contacts';

const VERSION = 'v1';

/** `delete_after` in milliseconds since the epoch: one comparable number on SQLite and PostgreSQL alike. */
type ContactRow = { submission: string; sealed: string; delete_after: string | number };

export default defineService('contact-vault', ({ strapi }: { strapi: Core.Strapi }) => {
  let key: Buffer | null = null;
  const keyOf = () => (key ??= deriveKey(pluginConfig(strapi).participation.key, 'contact-encryption'));

  /** `v1.<nonce>.<ciphertext>.<tag>`, base64url; the submission's id is bound in as associated data. */
  function seal(submission: string, contact: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', keyOf(), nonce).setAAD(Buffer.from(submission));
    const sealed = Buffer.concat([cipher.update(contact, 'utf8'), cipher.final()]);
    return [VERSION, nonce, sealed, cipher.getAuthTag()]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** The contact, or null when it cannot be opened (another key, or tampered with): never a crash. */
  function open(submission: string, value: string): string | null {
    const [version, nonce, sealed, tag] = value.split('.');
    if (version !== VERSION || !nonce || sealed === undefined || !tag) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', keyOf(), Buffer.from(nonce, 'base64url')).setAAD(Buffer.from(submission));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }

  /** Runs with the current transaction, if any, so a contact is kept exactly when its submission is. */
  const table = <T>(work: (query: ReturnType<Core.Strapi['db']['connection']>) => Promise<T>): Promise<T> =>
    strapi.db.transaction(({ trx }) => work(trx(CONTACTS_TABLE) as ReturnType<Core.Strapi['db']['connection']>)) as Promise<T>;

  return {
    /** Creates the table on start-up if it is not there. */
    async ensureTable(): Promise<void> {
      const schema = strapi.db.connection.schema;
      if (await schema.hasTable(CONTACTS_TABLE)) return;
      await schema.createTable(CONTACTS_TABLE, (table) => {
        table.string('submission', 64).primary();
        table.text('sealed').notNullable();
        table.bigInteger('delete_after').notNullable().index();
      });
    },

    async put(submission: string, contact: string, deleteAfter: Date): Promise<void> {
      await table((query) => query.insert({ submission, sealed: seal(submission, contact), delete_after: deleteAfter.getTime() }));
    },

    /** The contacts of these submissions still kept, opened, with the day each will be deleted. */
    async reveal(submissions: string[]): Promise<Map<string, { contact: string | null; deleteAfter: Date }>> {
      if (submissions.length === 0) return new Map();
      const rows = (await table((query) => query.select('*').whereIn('submission', submissions))) as ContactRow[];
      return new Map(
        rows.map((row) => [row.submission, { contact: open(row.submission, row.sealed), deleteAfter: new Date(Number(row.delete_after)) }]),
      );
    },

    /** The sealed value as stored, for tests that look at what is at rest. */
    async stored(submission: string): Promise<string | null> {
      const row = (await table((query) => query.first('sealed').where({ submission }))) as { sealed: string } | undefined;
      return row?.sealed ?? null;
    },

    async remove(submission: string): Promise<void> {
      await table((query) => query.delete().where({ submission }));
    },

    /** Deletes every contact whose time is up; returns how many. */
    async purge(now = new Date()): Promise<number> {
      return table((query) => query.delete().where('delete_after', '<=', now.getTime()));
    },
  };
});
