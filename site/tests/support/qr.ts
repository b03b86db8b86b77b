/** The text a standard QR decoder (jsQR) reads from an image, or null. */
import jsQR from 'jsqr';
import sharp from 'sharp';

export async function decodeQr(image: Buffer): Promise<string | null> {
  const { data, info } = await sharp(image).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data ?? null;
}
