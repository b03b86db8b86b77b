/**
 * The public forms under load, for `pnpm bench`: what the proof of work costs a sender and
 * the CMS at the default settings; a flood of plain-form posts from 200 loopback addresses
 * (each within its per-address limit, so the forms' lanes decide after the body is read), and
 * one from a single address (turned away at the gate, before the body is read): how many are
 * taken, how fast the rest are refused, and how the admin API answers meanwhile.
 */
import { request } from 'node:http';
import type { Core } from '@strapi/strapi';
import type { Challenge } from 'altcha-lib';
import { solve } from '@campaign-desk/testing/proof-of-work';
import { call, signUp, type Person } from '@campaign-desk/testing/newsroom';
import { PLUGIN_ID } from 'strapi-plugin-campaign-desk/names';
import { percentile } from './percentile';

const FLOOD = 1000;
export const ADDRESSES = 200;

/** One plain-form post from `from`; its status (0: the connection was reset, the listen queue full) and how long the answer took (ms). */
function post(url: string, origin: string, from: string, fields: URLSearchParams): Promise<{ status: number; ms: number }> {
  const body = Buffer.from(fields.toString());
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        localAddress: from,
        headers: {
          Origin: origin,
          Accept: 'application/json',
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': String(body.length),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
    req.end(body);
  });
}

/**
 * `FLOOD` plain-form posts of `fields(index)` to `url` at once, from the address `from(index)`
 * gives, while an editor keeps asking for the 群众来稿 queue; `taken` is the status of a post taken.
 */
export async function flood(
  cms: { strapi: Core.Strapi; url: string },
  editor: Person,
  target: { url: string; origin: string; taken: number; fields: (index: number) => URLSearchParams },
  from: (index: number) => string,
) {
  const adminMs: number[] = [];
  let flooding = true;
  const admin = (async () => {
    while (flooding) {
      const at = performance.now();
      const answer = await call(cms, editor, 'GET', '/campaign-desk/submissions');
      if (answer.status !== 200) throw new Error(`the admin answered ${answer.status} during the flood`);
      adminMs.push(performance.now() - at);
    }
  })();
  const at = performance.now();
  const answers = await Promise.all(
    Array.from({ length: FLOOD }, (_, index) => post(target.url, target.origin, from(index), target.fields(index))),
  );
  const seconds = (performance.now() - at) / 1000;
  flooding = false;
  await admin;
  const taken = answers.filter((answer) => answer.status === target.taken);
  const refused = answers.filter((answer) => answer.status === 429);
  return {
    posts: FLOOD,
    seconds,
    perSecond: FLOOD / seconds,
    taken: taken.length,
    refused: refused.length,
    reset: answers.filter((answer) => answer.status === 0).length,
    other: answers.filter((answer) => ![0, target.taken, 429].includes(answer.status)).length,
    takenP50Ms: percentile(
      taken.map((answer) => answer.ms),
      50,
    ),
    refusedP50Ms: percentile(
      refused.map((answer) => answer.ms),
      50,
    ),
    refusedP95Ms: percentile(
      refused.map((answer) => answer.ms),
      95,
    ),
    adminRequests: adminMs.length,
    adminP50Ms: percentile(adminMs, 50),
    adminMaxMs: Math.max(0, ...adminMs),
  };
}

export async function benchParticipation(cms: { strapi: Core.Strapi; url: string }, siteUrl: string) {
  const proof = cms.strapi.plugin(PLUGIN_ID).service('proof') as {
    challenge(): Promise<Challenge>;
    check(value: string): Promise<{ ok: boolean }>;
  };
  let started = performance.now();
  const challenge = await proof.challenge();
  const challengeMs = performance.now() - started;
  started = performance.now();
  const payload = await solve(challenge);
  const solveMs = performance.now() - started;
  // How many tries the solve took, as the posted field carries it.
  const { solution } = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { solution: { counter: number } | null };
  started = performance.now();
  const verified = await proof.check(payload);
  const verifyMs = performance.now() - started;
  if (!verified.ok) throw new Error('the solved challenge did not verify');

  const editor = await signUp(cms, 'campaign-desk-editor', '压测编辑');
  const target = {
    url: `${cms.url}/api/campaign-desk/participation/suggestion`,
    origin: new URL(siteUrl).origin,
    taken: 201,
    fields: (index: number) => new URLSearchParams({ topic: 'qita', text: `压力测试第 ${index} 条建议，内容足够长。`, consent: 'on' }),
  };

  return {
    proof: { challengeMs, solveMs, counter: solution?.counter ?? null, verifyMs },
    manyAddresses: { addresses: ADDRESSES, ...(await flood(cms, editor, target, (index) => `127.0.10.${(index % ADDRESSES) + 1}`)) },
    oneAddress: await flood(cms, editor, target, () => '127.0.11.1'),
  };
}
