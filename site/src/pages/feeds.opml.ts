import type { APIRoute } from 'astro';
import { buildOpml } from '../lib/feeds';
import { buildNow } from '../lib/campaign';
import { SITE_NAME } from '../lib/site';
import { allFeeds } from '../lib/syndication';

export const GET: APIRoute = async () =>
  new Response(buildOpml(`${SITE_NAME} · 全部订阅源`, await allFeeds(), buildNow()), {
    headers: { 'Content-Type': 'text/x-opml; charset=utf-8' },
  });
