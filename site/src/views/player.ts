/**
 * How a story's media shows on its page: its own file in a player (<video> or <audio> with the
 * cover as poster, its length, captions copied into the release), a link on an allowed
 * platform in a sandboxed frame, an H5 work as a card with a QR code for phones, any other link
 * as a link. The CMS decides which links may be
 * framed (the newsroom's allow-list); the page only follows what the record says.
 */
import { STORY_KINDS, nameOf, type Story } from '@campaign-desk/shared';
import type { Campaign } from '../lib/campaign';
import { href } from '../lib/paths';
import { MEDIA_PATH } from '../snapshot/media';
import { qrSvg } from '../snapshot/qr';

export type Player =
  | {
      kind: 'video' | 'audio';
      src: string;
      type: string;
      poster: string | null;
      /** “3分20秒” and its ISO 8601 form (PT3M20S), when the newsroom gave the length. */
      duration: { text: string; iso: string } | null;
      captions: string | null;
    }
  | { kind: 'frame'; src: string; title: string; link: string }
  /**
   * An H5 work: a card with a QR code of the work's address for a phone (SVG drawn at build), a
   * button to open it, and the work itself framed when its platform is on the allow-list.
   */
  | { kind: 'h5'; link: string; qr: string; frame: string | null; title: string }
  | { kind: 'link'; href: string; label: string };

const LINK_LABELS: Partial<Record<Story['kind'], string>> = {
  video: '观看视频',
  motion: '观看动新闻',
  h5: '打开 H5 作品',
  live: '观看直播',
  audio: '收听音频',
};

export function durationOf(seconds: number): { text: string; iso: string } {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return {
    text: `${h ? `${h}小时` : ''}${m ? `${m}分` : ''}${s || (!h && !m) ? `${s}秒` : ''}`,
    iso: `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`,
  };
}

export function playerOf(campaign: Campaign, story: Story, poster: string | null): Player | null {
  if (story.media) {
    const captions = story.media.captionsUrl ? campaign.captions(story.media.captionsUrl) : null;
    return {
      kind: story.media.mime.startsWith('audio/') ? 'audio' : 'video',
      src: story.media.url,
      type: story.media.mime,
      poster,
      duration: story.media.seconds ? durationOf(story.media.seconds) : null,
      captions: captions ? href(`${MEDIA_PATH}${captions}`) : null,
    };
  }
  if (story.kind === 'h5' && story.mediaUrl) {
    const qr = qrSvg(story.mediaUrl, `H5 作品《${story.title}》的二维码`);
    return { kind: 'h5', link: story.mediaUrl, qr, frame: story.embedUrl, title: story.title };
  }
  if (story.embedUrl) return { kind: 'frame', src: story.embedUrl, title: story.title, link: story.mediaUrl ?? story.embedUrl };
  if (story.mediaUrl) {
    const label = LINK_LABELS[story.kind] ?? '打开媒体链接';
    return { kind: 'link', href: story.mediaUrl, label: `${label}（${nameOf(STORY_KINDS, story.kind)}）` };
  }
  return null;
}
