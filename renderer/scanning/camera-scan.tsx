// Reading bottle barcodes with the workstation's camera, on the workstation itself (zxing in the page: no image or
// code leaves the computer except through the local bridge). Offered only where a camera is attached.
import type { DecodeHintType as Hint } from '@zxing/library';
import { useEffect, useRef, useState } from 'react';

/** True once the browser lists a video input (a webcam or document camera). */
export function useHasCamera(): boolean {
  const [has, setHas] = useState(false);
  useEffect(() => {
    let current = true;
    const devices = navigator.mediaDevices;
    if (!devices?.enumerateDevices) return;
    const check = () =>
      devices.enumerateDevices().then(
        (list) => current && setHas(list.some((d) => d.kind === 'videoinput')),
        () => current && setHas(false),
      );
    void check();
    devices.addEventListener?.('devicechange', check);
    return () => {
      current = false;
      devices.removeEventListener?.('devicechange', check);
    };
  }, []);
  return has;
}

const SAME_CODE_MS = 3000;

/** The live camera picture; each code read goes to `onCode` (the same code again within 3 s is the same bottle). */
export function CameraScan({ onCode }: { onCode: (code: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const latest = useRef(onCode);
  latest.current = onCode;
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let stopped = false;
    let controls: { stop: () => void } | null = null;
    const last = { text: '', at: -Infinity };
    void (async () => {
      try {
        const [{ BrowserMultiFormatReader }, { BarcodeFormat, DecodeHintType }] = await Promise.all([
          import('@zxing/browser'),
          import('@zxing/library'),
        ]);
        if (stopped || !video.current) return;
        const hints = new Map<Hint, unknown>([
          [
            DecodeHintType.POSSIBLE_FORMATS,
            [
              BarcodeFormat.DATA_MATRIX,
              BarcodeFormat.UPC_A,
              BarcodeFormat.EAN_13,
              BarcodeFormat.CODE_128,
              BarcodeFormat.QR_CODE,
            ],
          ],
          // GS1-128 and GS1 DataMatrix keep their FNC1 (as the group separator) only with this hint.
          [DecodeHintType.ASSUME_GS1, true],
        ]);
        const reader = new BrowserMultiFormatReader(hints);
        const c = await reader.decodeFromConstraints(
          { video: { facingMode: 'environment' }, audio: false },
          video.current,
          (result) => {
            if (!result) return;
            const text = result.getText();
            const now = performance.now();
            if (text === last.text && now - last.at < SAME_CODE_MS) return;
            last.text = text;
            last.at = now;
            latest.current(text);
          },
        );
        if (stopped) c.stop();
        else controls = c;
      } catch (e) {
        if (!stopped)
          setProblem(
            e instanceof DOMException && e.name === 'NotAllowedError'
              ? 'The camera was not allowed: use the scanner or type the code.'
              : 'The camera could not be started: use the scanner or type the code.',
          );
      }
    })();
    return () => {
      stopped = true;
      controls?.stop();
    };
  }, []);
  return (
    <div className="scan-camera">
      <video ref={video} className="scan-camera-video" muted playsInline aria-label="Camera picture" />
      {problem ? (
        <p className="alert alert-error" role="alert">
          {problem}
        </p>
      ) : (
        <p className="field-hint">Hold the bottle’s barcode in front of the camera.</p>
      )}
    </div>
  );
}
