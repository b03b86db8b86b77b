/**
 * A local stand-in for the plugin's snapshot API, speaking its protocol: full export in
 * pages (`cursor`, `hasMore`), `since` for changes after a sync point with tombstones,
 * bearer token, 400 for bad parameters, 500 with {error:{message}}; and beside it the
 * plugin's report of undelivered publish events, as a test sets it.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UndeliveredReport } from '@campaign-desk/shared';

type Rec = Record<string, any>;
type Change = { seq: number; record?: Rec; tombstone?: { type: string; documentId: string } };

export type SnapshotApi = {
  url: string;
  token: string;
  requests: URL[];
  /** Publishes (or republishes) a record after the current sync point. */
  publish: (record: Rec) => void;
  withdraw: (type: string, documentId: string) => void;
  failWith: (status: number, message: string) => void;
  /** What `GET /api/campaign-desk/undelivered` answers from now on. */
  setUndelivered: (report: UndeliveredReport) => void;
  close: () => Promise<void>;
};

export async function startSnapshotApi(initial: Rec[], token = 'test-token'): Promise<SnapshotApi> {
  const current = new Map<string, Rec>();
  const changes: Change[] = [];
  let seq = 0;
  for (const record of initial) {
    current.set(`${record.type}:${record.documentId}`, record);
    changes.push({ seq: ++seq, record });
  }
  let failure: { status: number; message: string } | null = null;
  let undelivered: UndeliveredReport = { failed: 0, overdue: 0, overdueAfterMs: 300_000, oldestQueuedAt: null };
  const requests: URL[] = [];
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const decode = (value: string) => JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url);
    const send = (status: number, body: unknown) => {
      res.statusCode = status;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(body));
    };
    if (!['/api/campaign-desk/snapshot', '/api/campaign-desk/undelivered'].includes(url.pathname))
      return send(404, { error: { message: 'Not Found' } });
    if (req.headers.authorization !== `Bearer ${token}`) return send(401, { error: { message: 'Missing or invalid credentials' } });
    if (failure) return send(failure.status, { error: { message: failure.message } });
    if (url.pathname === '/api/campaign-desk/undelivered') return send(200, undelivered);
    const limit = Number(url.searchParams.get('limit') ?? 100);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) return send(400, { error: { message: 'limit must be 1..500' } });
    const cursor = url.searchParams.get('cursor');
    const since = url.searchParams.get('since');
    if (cursor && since) return send(400, { error: { message: 'cursor and since are exclusive' } });
    if (since) {
      const point = decode(since).seq as number;
      // As the plugin does: the latest change of each record decides what it is now.
      const latest = new Map<string, Change>();
      for (const change of changes.filter((candidate) => candidate.seq > point)) {
        const subject = change.record ?? change.tombstone!;
        latest.set(`${subject.type}:${subject.documentId}`, change);
      }
      const after = [...latest.values()];
      return send(200, {
        records: after.flatMap((change) => (change.record ? [change.record] : [])),
        tombstones: after.flatMap((change) => (change.tombstone ? [change.tombstone] : [])),
        cursor: encode({ seq }),
        hasMore: false,
      });
    }
    const state = cursor ? decode(cursor) : { offset: 0, seq };
    const all = [...current.values()];
    const page = all.slice(state.offset, state.offset + limit);
    const hasMore = state.offset + limit < all.length;
    send(200, {
      records: page,
      tombstones: [],
      cursor: hasMore ? encode({ offset: state.offset + limit, seq: state.seq }) : encode({ seq: state.seq }),
      hasMore,
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/campaign-desk/snapshot`,
    token,
    requests,
    publish(record) {
      current.set(`${record.type}:${record.documentId}`, record);
      changes.push({ seq: ++seq, record });
    },
    withdraw(type, documentId) {
      current.delete(`${type}:${documentId}`);
      changes.push({ seq: ++seq, tombstone: { type, documentId } });
    },
    failWith(status, message) {
      failure = { status, message };
    },
    setUndelivered(report) {
      undelivered = report;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
