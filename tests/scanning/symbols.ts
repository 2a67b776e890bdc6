// Test helper: draws real barcode symbols with bwip-js (PNG), reads the pixels with pngjs and decodes
// them with @zxing/library, as a camera or imager would see the printed symbol.
import { createRequire } from 'node:module';
import bwipjs from 'bwip-js/node';
import { PNG } from 'pngjs';

// @zxing/library ships CommonJS whose named exports Node's ESM loader cannot detect.
const zxing = createRequire(import.meta.url)('@zxing/library') as typeof import('@zxing/library');

export type SymbolKind =
  'gs1datamatrix' | 'datamatrix' | 'upca' | 'ean13' | 'code128' | 'gs1-128' | 'code39' | 'qrcode' | 'gs1qrcode';

export interface Gray {
  width: number;
  height: number;
  /** One byte of luminance per pixel, row by row. */
  pixels: Uint8ClampedArray;
}

/** Draws a symbol and returns its PNG. */
export function drawSymbol(bcid: SymbolKind, text: string): Promise<Buffer> {
  const linear = bcid === 'upca' || bcid === 'ean13' || bcid.includes('128') || bcid === 'code39';
  return bwipjs.toBuffer({
    bcid,
    text,
    scale: 3,
    ...(linear ? { height: 12 } : {}),
    paddingwidth: 12,
    paddingheight: 12,
    backgroundcolor: 'FFFFFF',
    includetext: false,
  });
}

/** Reads a PNG into luminance. */
export function pngToGray(png: Buffer): Gray {
  const image = PNG.sync.read(png);
  const pixels = new Uint8ClampedArray(image.width * image.height);
  for (let p = 0; p < pixels.length; p++) {
    const [r, g, b] = [image.data[p * 4] ?? 255, image.data[p * 4 + 1] ?? 255, image.data[p * 4 + 2] ?? 255];
    pixels[p] = Math.round((r * 299 + g * 587 + b * 114) / 1000);
  }
  return { width: image.width, height: image.height, pixels };
}

export interface Decoded {
  text: string;
  format: string;
}

/**
 * Decodes one symbol with the zxing reader for its kind. `assumeGs1` is zxing's ASSUME_GS1 hint for
 * Code 128: without it zxing drops FNC1 from GS1-128; with it the text starts "]C1" and FNC1
 * separators become \x1d. (DataMatrix needs no hint: zxing sends FNC1 in first position as a
 * leading \x1d and separators as \x1d.)
 */
export function decodeGray(gray: Gray, kind: SymbolKind, assumeGs1 = false): Decoded {
  const { BinaryBitmap, HybridBinarizer, RGBLuminanceSource, DecodeHintType, BarcodeFormat } = zxing;
  const hints = new Map<import('@zxing/library').DecodeHintType, unknown>([[DecodeHintType.TRY_HARDER, true]]);
  if (assumeGs1) hints.set(DecodeHintType.ASSUME_GS1, true);
  const reader =
    kind === 'gs1datamatrix' || kind === 'datamatrix'
      ? new zxing.DataMatrixReader()
      : kind === 'upca'
        ? new zxing.MultiFormatOneDReader(new Map([[DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.UPC_A]]]))
        : kind === 'ean13'
          ? new zxing.EAN13Reader()
          : kind === 'code39'
            ? new zxing.Code39Reader()
            : kind === 'qrcode' || kind === 'gs1qrcode'
              ? new zxing.QRCodeReader()
              : new zxing.Code128Reader();
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(gray.pixels, gray.width, gray.height)));
  const result = reader.decode(bitmap, hints);
  return { text: result.getText(), format: BarcodeFormat[result.getBarcodeFormat()] };
}

/** Draws, rasterises and decodes: what a camera scan of the printed symbol would give. */
export async function roundTrip(kind: SymbolKind, text: string, assumeGs1 = false): Promise<Decoded> {
  return decodeGray(pngToGray(await drawSymbol(kind, text)), kind, assumeGs1);
}
