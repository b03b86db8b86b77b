/// <reference path="./s3rver.d.ts" />
/**
 * A real S3-protocol server on 127.0.0.1 for the tests of uploads in object storage:
 * s3rver (the maintained fork @20minutes/s3rver, from the npm registry), which speaks the
 * S3 REST API the AWS SDK and so Strapi's aws-s3 upload provider use — signed PUT and DELETE,
 * multipart uploads, anonymous GET of public objects — and keeps objects as plain files in a
 * directory of its own, so a test can look at what the bucket holds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from '@20minutes/s3rver';
import { freePort } from './ports';

// s3rver's own credentials: it checks signatures made with them.
const ACCESS_KEY = 'S3RVER';
const SECRET_KEY = 'S3RVER';

export interface ObjectStorage {
  /** e.g. http://127.0.0.1:41234 */
  endpoint: string;
  bucket: string;
  /** Where the bucket's files are read from: path-style, as MinIO serves them. */
  publicUrl: string;
  /** What the CMS is started with to keep its uploads in this bucket. */
  env: Record<string, string>;
  /** The keys the bucket holds now. */
  keys(): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startObjectStorage(bucket = 'campaign-desk'): Promise<ObjectStorage> {
  const directory = mkdtempSync(path.join(tmpdir(), 'campaign-desk-s3-'));
  const port = await freePort();
  const server = new S3rver({ address: '127.0.0.1', port, silent: true, directory, configureBuckets: [{ name: bucket }] });
  await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const publicUrl = `${endpoint}/${bucket}`;
  return {
    endpoint,
    bucket,
    publicUrl,
    env: {
      UPLOAD_PROVIDER: 's3',
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: ACCESS_KEY,
      S3_SECRET_ACCESS_KEY: SECRET_KEY,
      S3_FORCE_PATH_STYLE: 'true',
      S3_PUBLIC_URL: publicUrl,
    },
    async keys() {
      const listing = await (await fetch(`${publicUrl}?list-type=2`)).text();
      return [...listing.matchAll(/<Key>([^<]+)<\/Key>/g)].map((match) => match[1]!);
    },
    async stop() {
      try {
        await server.close();
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    },
  };
}
