// Real symbols: drawn by bwip-js, rasterised to PNG, decoded by @zxing/library (as the camera path
// would), and the decoded text classified by readScan.
import { describe, expect, it } from 'vitest';
import { readScan } from '../../main/scanning/read-scan';
import { roundTrip } from './symbols';

const today = new Date(Date.UTC(2026, 11, 3));

describe('symbols decoded by zxing, read by readScan', () => {
  it('GS1 DataMatrix: zxing sends FNC1 in first position as a leading GS, separators as GS', async () => {
    // The brief's GTIN 00301430957010 has a wrong check digit (bwip-js refuses it too); 9 is right.
    const decoded = await roundTrip('gs1datamatrix', '(01)00301430957019(17)271231(10)A1B2C3(21)1234567890');
    expect(decoded.format).toBe('DATA_MATRIX');
    expect(decoded.text).toBe('\x1d01003014309570191727123110A1B2C3\x1d211234567890');
    expect(readScan(decoded.text, { today })).toEqual({
      kind: 'gs1',
      gtin: '00301430957019',
      expiry: '2027-12-31',
      lot: 'A1B2C3',
      serial: '1234567890',
      ndc10: '0143095701',
    });
  });

  it('GS1 DataMatrix with the lot before the expiry', async () => {
    const decoded = await roundTrip('gs1datamatrix', '(01)00301430957019(10)LOT-7/B(17)280200(21)X9');
    expect(readScan(decoded.text, { today })).toMatchObject({
      kind: 'gs1',
      lot: 'LOT-7/B',
      expiry: '2028-02-29',
      serial: 'X9',
    });
  });

  it('GS1-128 read with the ASSUME_GS1 hint gives ]C1 and GS separators', async () => {
    const decoded = await roundTrip('gs1-128', '(01)00301430957019(10)A1(17)271231', true);
    expect(decoded.text).toBe(']C1010030143095701910A1\x1d17271231');
    expect(readScan(decoded.text, { today })).toMatchObject({
      kind: 'gs1',
      lot: 'A1',
      expiry: '2027-12-31',
      aim: ']C1',
    });
  });

  it('UPC-A of an NDC', async () => {
    const decoded = await roundTrip('upca', '30143095701'); // bwip-js adds the check digit
    expect(decoded).toEqual({ text: '301430957019', format: 'UPC_A' });
    expect(readScan(decoded.text)).toEqual({
      kind: 'retail',
      upc: '301430957019',
      gtin: '00301430957019',
      ndc10: '0143095701',
    });
  });

  it('Code 128 Rx label, default layout and a custom one', async () => {
    const plain = await roundTrip('code128', '1234567');
    expect(plain).toEqual({ text: '1234567', format: 'CODE_128' });
    expect(readScan(plain.text)).toEqual({ kind: 'label', rxNumber: '1234567' });
    const custom = await roundTrip('code128', 'RX7654321-03');
    expect(readScan(custom.text, { labelLayout: { symbology: 'code128', pattern: 'RX{rx}-{fill}' } })).toEqual({
      kind: 'label',
      rxNumber: '7654321',
      fillNumber: '03',
    });
  });
});

describe('GS1 QR Code', () => {
  it('zxing drops FNC1 in first position from QR (no ]Q3, no leading GS): read by the 01 + GTIN shape', async () => {
    const decoded = await roundTrip('gs1qrcode', '(01)00301430957019(10)A1(17)271231');
    expect(decoded).toEqual({ text: '010030143095701910A1\x1d17271231', format: 'QR_CODE' });
    expect(readScan(decoded.text, { today })).toMatchObject({ kind: 'gs1', gtin: '00301430957019', lot: 'A1' });
  });
});
