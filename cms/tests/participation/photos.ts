import { createRequire } from 'node:module';
import sharp from 'sharp';
import { describe, expect, it, onTestFinished } from 'vitest';
import { pngBomb } from '@campaign-desk/testing/pixel-bomb';
import { HEIC, cms, deed, post, submissions } from './reader';

export function photos(): void {
  describe('photos', () => {
    it('are resized and stored without EXIF: the place a photo was taken is gone', async () => {
      const photo = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#1e6b2e' } })
        .withExif({
          IFD0: { Make: 'Phone', Copyright: 'reader' },
          IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '29/1 50/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '114/1 19/1 0/1' },
        })
        .jpeg()
        .toBuffer();
      expect((await sharp(photo).metadata()).exif).toBeDefined();
      const answer = await post('good-deed', {
        fields: { ...deed, doer: '带照片的好人', figure: '', photo: { body: photo, name: 'IMG_0001.JPG', type: 'image/jpeg' } },
      });
      expect(answer.status, answer.text).toBe(201);
      const [row] = await submissions({ doer: '带照片的好人' });
      const stored = await sharp(Buffer.from(row!.heldPhoto, 'base64')).metadata();
      expect(stored).toMatchObject({ format: 'jpeg', width: 1600, height: 1067 });
      expect(stored.exif).toBeUndefined();
    });

    it('take HEIC from phones and PNG', async () => {
      const png = await sharp({ create: { width: 80, height: 60, channels: 4, background: '#ffffff' } })
        .png()
        .toBuffer();
      for (const [doer, body, type] of [
        ['HEIC 照片的好人', Buffer.from(HEIC, 'base64'), 'image/heic'],
        ['PNG 照片的好人', png, 'image/png'],
      ] as const) {
        const answer = await post('good-deed', { fields: { ...deed, doer, photo: { body, name: 'photo', type } } });
        expect(answer.status, answer.text).toBe(201);
        const [row] = await submissions({ doer });
        expect((await sharp(Buffer.from(row!.heldPhoto, 'base64')).metadata()).format).toBe('jpeg');
      }
    });
  });

  describe('photos that claim too many pixels', () => {
    /** The HEIC above, its image said (in `ispe` and the grid) to be `side`×`side` pixels. */
    function heicClaiming(side: number): Buffer {
      const bytes = Buffer.from(HEIC, 'base64');
      bytes.writeUInt32BE(side, 378);
      bytes.writeUInt32BE(side, 382);
      bytes.writeUInt16BE(side, 99);
      bytes.writeUInt16BE(side, 101);
      return bytes;
    }

    it('are refused from their header, before decoding, with the reason named on the photo field', async () => {
      // Every HEIC decode passes libheif-js's HeifImage.display, in the module the plugin loads (one process).
      const plugin = createRequire(new URL('../src/plugins/campaign-desk/package.json', import.meta.url));
      const { HeifImage } = createRequire(plugin.resolve('heic-decode'))('libheif-js/wasm-bundle') as {
        HeifImage: { prototype: { display: (...args: unknown[]) => unknown } };
      };
      const display = HeifImage.prototype.display;
      let decoded = 0;
      HeifImage.prototype.display = function (this: unknown, ...args: unknown[]) {
        decoded += 1;
        return display.apply(this, args);
      };
      onTestFinished(() => {
        HeifImage.prototype.display = display;
      });
      for (const [doer, body, type] of [
        ['像素炸弹 PNG', pngBomb(30_000), 'image/png'],
        ['像素炸弹 HEIC', heicClaiming(10_000), 'image/heic'],
      ] as const) {
        const answer = await post('good-deed', { fields: { ...deed, doer, photo: { body, name: 'photo', type } } });
        expect(answer.status, answer.text).toBe(400);
        expect(answer.json.error.details.errors).toEqual([
          expect.objectContaining({ field: 'photo', label: '照片', message: expect.stringContaining('照片像素太多：最多 6000 万像素') }),
        ]);
        expect(await submissions({ doer })).toEqual([]);
      }
      expect(decoded).toBe(0);
      // The same HEIC as it really is is decoded (the count sees decoding), and taken.
      const answer = await post('good-deed', {
        fields: { ...deed, doer: '像素如实的 HEIC', photo: { body: Buffer.from(HEIC, 'base64'), name: 'p', type: 'image/heic' } },
      });
      expect(answer.status, answer.text).toBe(201);
      expect(decoded).toBe(1);
    });
  });
}
