/**
 * Backups that restore exactly, on top of Strapi's own data transfer (what `strapi export`
 * and `strapi import` run): one archive in Strapi's format (tar, gzip), holding the schemas,
 * every entity and link, the configuration (core store, webhooks) and the uploaded files,
 * sealed with authenticated encryption (sealed-archive.ts): a changed byte is refused before
 * anything is restored.
 *
 * `strapi export` leaves out the admin's own types: accounts, roles, permissions, API tokens.
 * Campaign Desk cannot do without them: the review log names its reviewers by admin user id,
 * a story's author is its `createdBy` account, reporters edit what they created, and the
 * site's read-only token must keep working. So the transfer here keeps them (only login
 * sessions stay out: people log in again).
 *
 * And a restore by `strapi import` gives every row a new id. Ids are how the review log points
 * at accounts, how the snapshot pages and orders records, and what the change journal's
 * sequence numbers (the site's sync cursors) are. So entities are exported in id order and
 * each is created under its own id again (the table's id sequence is set just before), which
 * makes the restored database the backed-up one, row for row.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { engine, file, strapi as transfer } from '@strapi/data-transfer';
import { BrokenSeal, seal, unseal } from './sealed-archive';

/** Login sessions (refresh tokens) are not worth keeping: after a restore people log in again. */
const LEFT_OUT = ['admin::session', ...transfer.OFFICIAL_TRANSFER_IGNORED_TYPES];

type Entity = { type: string; id: number; data: Record<string, unknown> };
type Transaction = { attach<T>(callback: (trx: KnexLike) => Promise<T>): Promise<T> };
type KnexLike = { raw(sql: string, bindings?: unknown[]): Promise<unknown> };

/** How a dialect is told that the next row inserted into `table` gets id `id`. */
async function nextIdWillBe(strapi: Core.Strapi, trx: KnexLike, uid: string, id: number): Promise<void> {
  const table = strapi.db.metadata.get(uid).tableName;
  switch (strapi.db.dialect.client) {
    case 'sqlite': {
      // AUTOINCREMENT takes one more than the larger of sqlite_sequence and the table's largest id;
      // rows come in id order, so the table's largest id is below this one.
      const updated = (await trx.raw('update sqlite_sequence set seq = ? where name = ?', [id - 1, table])) as unknown;
      const changes = (updated as { changes?: number } | undefined)?.changes;
      if (changes === 0) await trx.raw('insert into sqlite_sequence (name, seq) values (?, ?)', [table, id - 1]);
      return;
    }
    case 'postgres': {
      const schema = strapi.db.getSchemaName();
      const qualified = schema ? `"${schema}"."${table}"` : `"${table}"`;
      await trx.raw(`select setval(pg_get_serial_sequence(?, 'id'), ?, false)`, [qualified, id]);
      return;
    }
    default:
      throw new Error(`restoring row ids is not supported on ${strapi.db.dialect.client}`);
  }
}

/** Strapi's local source, its entities in id order (a table scan returns them in any order on PostgreSQL). */
function sourceOf(strapi: Core.Strapi) {
  const source = transfer.providers.createLocalStrapiSourceProvider({ getStrapi: () => strapi, autoDestroy: false });
  const entityQuery = transfer.queries.entity.createEntityQuery(strapi);
  source.createEntitiesReadStream = async () => {
    async function* entities(): AsyncGenerator<Entity> {
      for (const contentType of Object.values(strapi.contentTypes)) {
        const rows = strapi.db
          .queryBuilder(contentType.uid)
          .select('*')
          .populate(entityQuery(contentType.uid).deepPopulateComponentLikeQuery)
          .orderBy('id')
          .stream() as AsyncIterable<{ id: number } & Record<string, unknown>>;
        for await (const { id, ...data } of rows) yield { type: contentType.uid, id, data };
      }
    }
    return Readable.from(entities());
  };
  return source;
}

/**
 * Strapi's local destination, restoring into `strapi`'s database: everything in it is
 * replaced, and each entity is created under the id it had.
 */
function destinationOf(strapi: Core.Strapi) {
  const destination = transfer.providers.createLocalStrapiDestinationProvider({
    getStrapi: () => strapi,
    autoDestroy: false,
    strategy: 'restore',
    restore: { entities: { exclude: LEFT_OUT }, assets: true, configuration: { coreStore: true, webhook: true } },
  });
  const transactionOf = () => (destination as unknown as { transaction?: Transaction }).transaction;
  const rollback = destination.rollback.bind(destination);
  destination.rollback = async () => {
    // Strapi's rollback signals the restore's transaction, which only listens once it has begun:
    // a restore failing in its first moments (a broken archive, on PostgreSQL) would wait forever.
    await transactionOf()?.attach(async () => undefined);
    await rollback();
  };
  const createEntities = destination.createEntitiesWriteStream.bind(destination);
  destination.createEntitiesWriteStream = () => {
    const created = createEntities();
    const transaction = transactionOf()!;
    return new Writable({
      objectMode: true,
      write(entity: Entity, _encoding, callback) {
        transaction
          .attach((trx) => nextIdWillBe(strapi, trx, entity.type, entity.id))
          .then(() => created.write(entity, (error) => callback(error ?? null)), callback);
      },
      final(callback) {
        created.end(callback);
      },
      destroy(error, callback) {
        created.destroy(error ?? undefined);
        callback(error);
      },
    });
  };
  return destination;
}

/** The transfer's filters: what is left out goes neither into a backup nor out of one. */
const leftOut = {
  entities: [{ filter: (entity: { type: string }) => !LEFT_OUT.includes(entity.type) }],
  links: [
    {
      filter: (link: { left: { type: string }; right: { type: string } }) =>
        !LEFT_OUT.includes(link.left.type) && !LEFT_OUT.includes(link.right.type),
    },
  ],
};

/** Warnings and errors the transfer reports, kept to name in a failure. */
function diagnosticsOf(transferEngine: ReturnType<typeof engine.createTransferEngine>): string[] {
  const seen: string[] = [];
  transferEngine.diagnostics.onDiagnostic((diagnostic) => {
    if (diagnostic.kind === 'error' || diagnostic.kind === 'warning') seen.push(diagnostic.details.message);
  });
  return seen;
}

async function run(transferEngine: ReturnType<typeof engine.createTransferEngine>, what: string): Promise<void> {
  const problems = diagnosticsOf(transferEngine);
  try {
    await transferEngine.transfer();
  } catch (error) {
    throw new Error(`${what} failed: ${[...new Set([(error as Error).message, ...problems])].filter(Boolean).join('; ')}`);
  }
}

/** Runs `task` with a private temporary directory (0700), removed afterwards whatever happens. */
async function withScratch<T>(task: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'campaign-desk-backup-'));
  try {
    return await task(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Strapi's archive, unencrypted (it is sealed or was unsealed beside it, in a private directory). */
const ARCHIVE = { encryption: { enabled: false }, compression: { enabled: true } } as const;

/**
 * Writes a backup of `strapi`'s database and uploads to `path` + `.tar.gz.enc`, sealed with
 * `key`; resolves to the file written.
 */
export async function backUp(strapi: Core.Strapi, path: string, key: string): Promise<string> {
  return withScratch(async (scratch) => {
    const destination = file.providers.createLocalFileDestinationProvider({ file: { path: join(scratch, 'archive') }, ...ARCHIVE });
    const transferEngine = engine.createTransferEngine(sourceOf(strapi), destination, {
      versionStrategy: 'ignore',
      schemaStrategy: 'ignore',
      transforms: leftOut,
    });
    await run(transferEngine, 'the backup');
    const sealed = `${path}.tar.gz.enc`;
    await seal(destination.results.file!.path!, sealed, key);
    return sealed;
  });
}

/**
 * Replaces everything in `strapi`'s database and uploads with the backup in `path`, opened
 * with `key`. Its seal is checked before anything is touched. The schemas must match: a backup
 * restores into the version that made it. A database that has admin accounts (one in use, not
 * a fresh one) is replaced only if `replace`.
 */
export async function restore(strapi: Core.Strapi, path: string, key: string, { replace = false } = {}): Promise<void> {
  const accounts = await strapi.db.query('admin::user').count({});
  if (accounts > 0 && !replace) {
    throw new Error(
      `the database already holds ${accounts} admin account(s), and a restore replaces everything in it: pass --force to replace it`,
    );
  }
  await withScratch(async (scratch) => {
    const archive = join(scratch, 'archive.tar.gz');
    try {
      await unseal(path, archive, key);
    } catch (error) {
      const refused = error instanceof BrokenSeal ? `the backup ${path} was refused and nothing was restored: ` : '';
      throw new Error(`the restore failed: ${refused}${(error as Error).message}`);
    }
    const source = file.providers.createLocalFileSourceProvider({ file: { path: archive }, ...ARCHIVE });
    const transferEngine = engine.createTransferEngine(source, destinationOf(strapi), {
      versionStrategy: 'exact',
      schemaStrategy: 'strict',
      transforms: leftOut,
    });
    await run(transferEngine, 'the restore');
  });
}
