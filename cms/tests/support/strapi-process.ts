/** Boots a second Strapi instance, in a child process, on the database of a running one. */
import { fork } from 'node:child_process';
import path from 'node:path';
import type { TestCms } from './strapi';

export interface CmsProcess {
  /** The id its delivery worker writes into the rows it claims. */
  worker: string;
  stop(): Promise<void>;
}

export function startCmsProcess(cms: TestCms): Promise<CmsProcess> {
  const child = fork(path.join(__dirname, 'strapi-instance.mjs'), { env: { ...process.env, ...cms.env } });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    child.once('message', (message) =>
      resolve({
        worker: (message as { worker: string }).worker,
        async stop() {
          child.send('stop');
          await exited;
        },
      }),
    );
    void exited.then((code) => reject(new Error(`the second Strapi instance exited with ${code} before it was ready`)));
  });
}
