import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { run, sql } from '../../main/db/sql';
import type { Claim } from '../../preload/schemas/billing';
import { billable } from '../helpers/billing-setup';
import { call, daysAgo } from '../helpers/temp-pharmacy';
import { renderPage, wordBoxes, type WordBox } from '../documents/pdf-tools';
import layout from '../../resources/billing/cms1500-red-form.json';
import { confirmedExport } from './confirmed-export';

type Session = Awaited<ReturnType<typeof billable>>['session'];
const act = (session: Session, c: Claim, action: Record<string, unknown>) =>
  call(session, 'claims:act', { id: c.id, version: c.version, ...action } as never);
const colX = (col: number) => (col - 1) * 7.2;
const lineY = (line: number) => (line - 1) * 12;
const redForm = async (session: Session, payerId: string) =>
  Buffer.from(
    (await confirmedExport(session, { format: 'cms1500red', from: daysAgo(30), to: daysAgo(0), payerId })).content,
    'base64',
  );
const word = (words: WordBox[], text: string) => {
  const w = words.find((x) => x.text === text);
  expect(w, text).toBeDefined();
  return w!;
};

describe('CMS-1500 on the pre-printed red form', () => {
  it('prints only the data, in Courier on the 10 cpi / 6 lpi grid; the nudge moves every word', async () => {
    const { session, review, payerId } = await billable();
    const { db } = session.current();
    await run(db, sql`UPDATE users SET full_name = 'Lee Ambrose, PharmD' WHERE username = 'pharmacist1'`);
    const c = await act(session, await call(session, 'claims:create', { reviewId: review.id, payerId }), {
      action: 'ready',
    });
    const pdf = await redForm(session, payerId);
    const words = wordBoxes(pdf);
    const f = layout.fields;
    // Box 2: the patient's name starts at its column, on its line.
    const name = word(words, 'RENEE,');
    expect(name.xMin).toBeGreaterThanOrEqual(colX(f['2'].col));
    expect(name.xMax).toBeLessThanOrEqual(colX(f['2'].col + f['2'].width));
    expect(name.yMin).toBeGreaterThan(lineY(f['2'].line));
    expect(name.yMax).toBeLessThan(lineY(f['2'].line + 1) + 0.5);
    // 24D: the code at its column on the first service line; 24F and 24J at theirs.
    const code = word(words, '99605');
    expect(code.xMin).toBeCloseTo(colX(f['24D.code'].col), 0);
    expect(code.yMin).toBeGreaterThan(lineY(layout.fields['24'].line));
    expect(word(words, '1245319599').xMin).toBeCloseTo(colX(f['24J'].col), 0);
    expect(word(words, c.claimNumber).xMin).toBeCloseTo(colX(f['26'].col), 0);
    // Box 31: the signer's name with the credentials from their user name.
    const signer = words.filter((w) => w.yMin > lineY(f['31'].line) && w.yMax < lineY(f['31'].line + 1) + 0.5);
    expect(signer.map((w) => w.text).slice(0, 3)).toEqual(['LEE', 'AMBROSE', 'PHARMD']);
    // No form: no title or labels, and the page is almost all white.
    const text = words.map((w) => w.text).join(' ');
    expect(text).not.toMatch(/CMS-1500|HEALTH|INSURED'S|DIAGNOSIS/);
    const png = PNG.sync.read(renderPage(pdf, 1, 40));
    let dark = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 128) dark++;
    expect(dark / (png.width * png.height)).toBeLessThan(0.03);
    // The nudge moves every word by exactly its offset.
    await call(session, 'settings:update', { cms1500Offset: { x: 9, y: -6 } });
    await act(session, (await call(session, 'claims:list', { payerId, status: 'exported' }))[0]!, { action: 'void' });
    const moved = wordBoxes(await redForm(session, payerId));
    const before = new Map(words.map((w) => [w.text, w]));
    const compared = moved.filter((m) => ['BSR-448812', 'RENEE,', 'LAKEWOOD', '44107', '341234567'].includes(m.text));
    expect(compared).toHaveLength(5);
    for (const w of moved.filter((m) => ['BSR-448812', 'RENEE,', 'LAKEWOOD', '44107', '341234567'].includes(m.text))) {
      expect(w.xMin - before.get(w.text)!.xMin).toBeCloseTo(9, 1);
      expect(w.yMin - before.get(w.text)!.yMin).toBeCloseTo(-6, 1);
    }
    // Box 22 of the void: code 8 (no payer number: it was never adjudicated).
    const resub = moved.find((w) => w.text === '8' && Math.abs(w.xMin - 9 - colX(f['22.code'].col)) < 0.5);
    expect(resub).toBeDefined();
    expect(
      await import('../../main/bridge/dispatch').then(({ dispatch }) =>
        dispatch(session, 'settings:update', { cms1500Offset: { x: 40, y: 0 } }),
      ),
    ).toMatchObject({ ok: false, error: { field: 'cms1500Offset.x' } });
    await session.signOut();
  });

  it('prints a calibration page: four corner marks and the lines in 1a and 33, with the saved nudge', async () => {
    const { session, payerId } = await billable();
    const cal = await call(session, 'claims:calibrationPage', {});
    expect(cal.offset).toEqual({ x: 0, y: 0 });
    const words = wordBoxes(Buffer.from(cal.content, 'base64'));
    expect(words.filter((w) => w.text === 'X' && (w.yMin < lineY(20) || w.yMin > lineY(50)))).toHaveLength(4);
    expect(word(words, '1A').xMin).toBeCloseTo(colX(layout.fields['1a'].col + 2), 0);
    expect(word(words, '33').xMin).toBeCloseTo(colX(layout.fields['33'].col), 0);
    expect(payerId).toBeTruthy();
    await session.signOut();
  });
});
