/**
 * A reader's photo of a good deed, made safe before it is stored: the type is judged by the
 * file's bytes, never by its name or the type the sender claimed (a "PNG" that is really HTML
 * is refused); JPEG, PNG and HEIC (iPhones) are decoded, turned upright, scaled to at most
 * 1600 pixels and written anew as JPEG by sharp, which keeps no metadata: EXIF, and with it
 * the place the photo was taken, is gone. How many pixels a photo has is read from its header
 * first: one claiming more than PHOTO_MAX_PIXELS is refused before anything is decoded. The safe
 * copy is held on its submission while it waits and enters the media library only when adopted.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import type { Core } from '@strapi/strapi';
import { PHOTO_MAX_BYTES, PHOTO_MAX_PIXELS } from '@campaign-desk/shared';
import { defineService } from '../../utils';

export class UnreadablePhoto extends Error {}

type Kind = 'jpeg' | 'png' | 'heic';

/** The photo's kind by its first bytes. */
export function photoKind(bytes: Buffer): Kind | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  // An ISO-BMFF `ftyp` box whose brand is one of HEIF's (heic, heix, mif1…).
  if (bytes.length >= 12 && bytes.toString('latin1', 4, 8) === 'ftyp') {
    const brands = bytes.toString('latin1', 8, Math.min(bytes.length, 8 + bytes.readUInt32BE(0)));
    if (/heic|heix|hevc|heim|heis|mif1|msf1/.test(brands)) return 'heic';
  }
  return null;
}

/** Largest side of the stored copy. */
const MAX_SIDE = 1600;

/** Every sharp call on a reader's photo: the pixel limit said, not sharp's default, and a damaged file refused. */
const INPUT = { limitInputPixels: PHOTO_MAX_PIXELS, failOn: 'error' } as const;

/** A photo whose header claims more than PHOTO_MAX_PIXELS (a decompression bomb, or simply too big): refused undecoded. */
export class OversizedPhoto extends UnreadablePhoto {}

function refuseOversized(width: number | undefined, height: number | undefined): void {
  if (!width || !height) throw new UnreadablePhoto('no size in its header');
  if (width * height > PHOTO_MAX_PIXELS) throw new OversizedPhoto(`${width}×${height} pixels`);
}

/** heic-decode ships no types: `all` reads the header and hands back each image undecoded, as its README describes. */
type HeicImages = Array<{
  width: number;
  height: number;
  decode(): Promise<{ width: number; height: number; data: Uint8ClampedArray }>;
}> & {
  dispose(): void;
};

/**
 * A photo as sharp reads it, its size judged from the header before a pixel is decoded: JPEG and
 * PNG directly, HEIC decoded by libheif (wasm, on the event loop: sharp's own build reads AVIF only).
 */
async function decode(bytes: Buffer, kind: Kind): Promise<Sharp> {
  // The header only, read without the limit (sharp's refusal would not say why): the size is judged here.
  const header = await sharp(bytes, { limitInputPixels: false }).metadata();
  refuseOversized(header.width, header.height);
  if (kind !== 'heic') return sharp(bytes, INPUT);
  const { default: heic } = (await import('heic-decode' as string)) as {
    default: { all: (input: { buffer: Buffer }) => Promise<HeicImages> };
  };
  const images = await heic.all({ buffer: bytes });
  try {
    // heic-decode decodes the first top-level image, which need not be the one sharp measured.
    const [first] = images;
    if (!first) throw new UnreadablePhoto('no image in the file');
    refuseOversized(first.width, first.height);
    const image = await first.decode();
    return sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), {
      raw: { width: image.width, height: image.height, channels: 4 },
      limitInputPixels: PHOTO_MAX_PIXELS,
    });
  } finally {
    images.dispose();
  }
}

/** The photo made safe: upright, at most MAX_SIDE wide or high, JPEG, no metadata. */
export async function normalizePhoto(bytes: Buffer): Promise<{ body: Buffer; width: number; height: number }> {
  const kind = photoKind(bytes);
  if (!kind || bytes.length > PHOTO_MAX_BYTES) throw new UnreadablePhoto(kind ? 'too large' : 'not a JPEG, PNG or HEIC image');
  try {
    const image = await decode(bytes, kind);
    const { data, info } = await image
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { body: data, width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof UnreadablePhoto) throw error;
    throw new UnreadablePhoto((error as Error).message);
  }
}

type UploadedFile = { id: number; url: string };

/** The safe copy as its submission holds it (content-types/submission). */
export type HeldPhoto = { heldPhoto: string; heldPhotoWidth: number; heldPhotoHeight: number };

/** What a moderator adopts: the JPEG a submission held. */
export const heldBytes = (held: string): Buffer => Buffer.from(held, 'base64');

export default defineService('photos', ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Makes the photo safe, to be held on its submission until a moderator decides. */
  async hold(bytes: Buffer): Promise<HeldPhoto> {
    const photo = await normalizePhoto(bytes);
    return { heldPhoto: photo.body.toString('base64'), heldPhotoWidth: photo.width, heldPhotoHeight: photo.height };
  },

  /** Puts an adopted photo into the media library, where it is public; returns the file. */
  async adopt(held: string, caption: string): Promise<UploadedFile> {
    const body = heldBytes(held);
    const dir = await mkdtemp(path.join(tmpdir(), 'campaign-photo-'));
    try {
      const file = path.join(dir, 'photo.jpg');
      await writeFile(file, body);
      const name = `qunzhong-${Date.now()}.jpg`;
      const [uploaded] = (await strapi
        .plugin('upload')
        .service('upload')
        .upload({
          data: { fileInfo: { name, caption, alternativeText: caption } },
          files: { filepath: file, originalFilename: name, mimetype: 'image/jpeg', size: body.length },
        })) as UploadedFile[];
      return uploaded!;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },

  /** Removes a photo from the media library (an adoption that did not happen, or a submission from before photos were held). */
  async remove(fileId: number): Promise<void> {
    const upload = strapi.plugin('upload').service('upload');
    const file = await upload.findOne(fileId);
    if (file) await upload.remove(file);
  },
}));
