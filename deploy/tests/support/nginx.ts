/**
 * Debian's nginx with the kit's own configuration (deploy/nginx), the production file with
 * this test's loopback ports, certificate and directories put in, and a main file of its
 * own (pid, logs and temporary directories in the test's directory): the system's nginx,
 * its configuration and its logs are never touched.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startProcess, type Managed } from './processes';

export const kitDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'nginx');
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/** A certificate for both host names, valid a day, made with Debian's openssl. */
export function makeCertificate(dir: string, hosts: string[]): { cert: string; key: string; pem: string } {
  const cert = path.join(dir, 'test.crt');
  const key = path.join(dir, 'test.key');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=campaign-desk-test',
      '-addext',
      `subjectAltName=${hosts.map((host) => `DNS:${host}`).join(',')}`,
    ],
    { stdio: 'ignore' },
  );
  return { cert, key, pem: readFileSync(cert, 'utf8') };
}

export interface NginxOptions {
  dir: string;
  httpPort: number;
  httpsPort: number;
  cmsPorts: [number, number];
  /** The publisher's site port, where previews are rendered. */
  sitePort: number;
  webRoot: string;
  certificate: { cert: string; key: string };
}

/** The production site file with this test's values: every replaced text must be there. */
function siteConfig(options: NginxOptions): string {
  const logs = path.join(options.dir, 'logs');
  const replacements: Array<[string | RegExp, string]> = [
    [/^.*\[::\].*\n/gm, ''],
    ['listen 80;', `listen 127.0.0.1:${options.httpPort};`],
    [/listen 443 ssl http2;/g, `listen 127.0.0.1:${options.httpsPort} ssl http2;`],
    [/\/etc\/ssl\/campaign-desk\/(portal|cms)\.crt/g, options.certificate.cert],
    [/\/etc\/ssl\/campaign-desk\/(portal|cms)\.key/g, options.certificate.key],
    [/access_log \/var\/log\/nginx\/([a-z-]+)\.log;/g, `access_log ${logs}/$1.log upstreams;`],
    ['root /var/www/portal;', `root ${options.webRoot};`],
    ['server 127.0.0.1:1337 ', `server 127.0.0.1:${options.cmsPorts[0]} `],
    ['server 127.0.0.1:1338 ', `server 127.0.0.1:${options.cmsPorts[1]} `],
    ['proxy_pass http://127.0.0.1:4321;', `proxy_pass http://127.0.0.1:${options.sitePort};`],
  ];
  let text = readFileSync(path.join(kitDir, 'campaign-desk.conf'), 'utf8');
  for (const [from, to] of replacements) {
    const next = text.replace(from as RegExp, to);
    if (next === text) throw new Error(`deploy/nginx/campaign-desk.conf no longer holds ${from}: the test's replacements need updating`);
    text = next;
  }
  return text;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(socket.end() && true));
    socket.once('error', () => resolve(false));
  });
}

export interface Nginx {
  process: Managed;
  /** The access log of `name` (campaign-desk-site, campaign-desk-cms): "$request $status $upstream_addr" lines. */
  log(name: string): string;
  stop(): Promise<void>;
}

export async function startNginx(options: NginxOptions): Promise<Nginx> {
  const { dir } = options;
  for (const sub of ['logs', 'temp']) mkdirSync(path.join(dir, sub), { recursive: true });
  writeFileSync(path.join(dir, 'campaign-desk.conf'), siteConfig(options));
  // The kit's files include the snippets from campaign-desk/ beside the main file, as /etc/nginx/campaign-desk.
  symlinkSync(path.join(kitDir, 'snippets'), path.join(dir, 'campaign-desk'));
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, 'temp', name)};`;
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `# The test's main file (the system's is /etc/nginx/nginx.conf, never read here).
# Workers as root: the releases are in the test's private temporary directory.
user root;
daemon off;
worker_processes 1;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'logs', 'error.log')} warn;
load_module ${BROTLI_MODULE};
events { worker_connections 512; }
http {
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  sendfile on;
  log_format upstreams '$request $status $upstream_addr';
  access_log ${path.join(dir, 'logs', 'access.log')} upstreams;
  include ${path.join(kitDir, 'conf.d', 'campaign-desk.conf')};
  include ${path.join(dir, 'campaign-desk.conf')};
}
`,
  );
  const conf = path.join(dir, 'nginx.conf');
  const errorLog = path.join(dir, 'logs', 'error.log');
  // The configuration is checked first, so a mistake in the kit fails with nginx's own words.
  execFileSync('nginx', ['-t', '-q', '-p', dir, '-c', conf, '-e', errorLog], { stdio: 'pipe' });
  const managed = startProcess('nginx', ['-p', dir, '-c', conf, '-e', errorLog], { PATH: process.env.PATH });
  const deadline = Date.now() + 20_000;
  while (!(await listening(options.httpsPort))) {
    if (managed.child.exitCode !== null || Date.now() > deadline)
      throw new Error(`nginx did not start: ${managed.output()}${readFileSync(errorLog, 'utf8')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    process: managed,
    log: (name) => readFileSync(path.join(dir, 'logs', `${name}.log`), 'utf8'),
    // nginx stops at once on SIGTERM (SIGQUIT would wait for keep-alive connections).
    stop: () => managed.stop('SIGTERM', 10_000),
  };
}
