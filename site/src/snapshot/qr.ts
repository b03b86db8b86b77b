/**
 * QR codes drawn at build as SVG (the `qrcode` library's modules, no image files): the share
 * posters' and H5 works' preview cards. Four modules of quiet zone each side, as decoders expect.
 */
import QRCode from 'qrcode';

/** The code of `text` as one SVG path in module units, and its side with the quiet zone. */
export function qrPath(text: string): { side: number; d: string } {
  const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = code.modules.size;
  let d = '';
  for (let row = 0; row < count; row += 1) {
    for (let column = 0; column < count; column += 1) {
      if (code.modules.get(row, column)) d += `M${column + 4} ${row + 4}h1v1h-1z`;
    }
  }
  return { side: count + 8, d };
}

/** A standalone SVG of the code of `url`, scaled by CSS (its view box is in modules). */
export function qrSvg(url: string, label: string): string {
  const { side, d } = qrPath(url);
  const escaped = label.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" role="img" aria-label="${escaped}" shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`
  );
}
