/**
 * Where the media library keeps its files: on local disk (`<PUBLIC_DIR>/uploads`, the default)
 * or, with UPLOAD_PROVIDER=s3, in a bucket of any S3-compatible object storage (阿里云 OSS,
 * 腾讯云 COS, MinIO, AWS S3), through Strapi's own @strapi/provider-upload-aws-s3. Several
 * Strapi instances, or a machine that is replaced, then see the same files.
 * docs/operator/object-storage.md says how to set each variable for each kind of storage.
 */
import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

const REQUIRED = ['S3_BUCKET', 'S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_PUBLIC_URL'] as const;

function absoluteHttpUrl(env: Env, name: string): string {
  const value = env(name, '');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} (${JSON.stringify(value)}) is not an absolute http(s) URL`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new Error(`${name} (${JSON.stringify(value)}) is not an absolute http(s) URL`);
  return value;
}

/** Whether uploads go to object storage; anything but `local` or `s3` stops start-up. */
export function usesObjectStorage(env: Env): boolean {
  const provider = env('UPLOAD_PROVIDER', 'local');
  if (provider !== 'local' && provider !== 's3') {
    throw new Error(`UPLOAD_PROVIDER (${JSON.stringify(provider)}) must be local or s3`);
  }
  return provider === 's3';
}

/** The upload plugin's provider settings for object storage; a missing or malformed variable stops start-up and is named. */
export function objectStorageProvider(env: Env) {
  const missing = REQUIRED.filter((name) => !env(name, ''));
  if (missing.length > 0) throw new Error(`UPLOAD_PROVIDER=s3 needs ${missing.join(', ')} (see docs/operator/object-storage.md)`);
  // S3_ACL empty: buckets whose objects are public by the bucket's policy and refuse ACL headers.
  const acl = env('S3_ACL', 'public-read');
  return {
    provider: 'aws-s3',
    providerOptions: {
      // The address readers, the admin and the publisher fetch files at (the bucket's domain, or a CDN in front of it).
      baseUrl: absoluteHttpUrl(env, 'S3_PUBLIC_URL').replace(/\/+$/, ''),
      rootPath: env('S3_ROOT_PATH', '') || undefined,
      s3Options: {
        endpoint: absoluteHttpUrl(env, 'S3_ENDPOINT'),
        region: env('S3_REGION', 'us-east-1'),
        // MinIO wants path-style addresses (host/bucket/key); OSS and COS the bucket in the host name.
        forcePathStyle: env.bool('S3_FORCE_PATH_STYLE', false),
        credentials: { accessKeyId: env('S3_ACCESS_KEY_ID'), secretAccessKey: env('S3_SECRET_ACCESS_KEY') },
        params: { Bucket: env('S3_BUCKET'), ACL: acl || undefined },
      },
    },
  };
}

/** The origin files are read from, for the admin's Content-Security-Policy (null on local disk). */
export function objectStorageOrigin(env: Env): string | null {
  return usesObjectStorage(env) ? new URL(absoluteHttpUrl(env, 'S3_PUBLIC_URL')).origin : null;
}
