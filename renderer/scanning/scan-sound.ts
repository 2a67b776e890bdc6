// What a scan sounds like, made on the spot with WebAudio (no audio files): a short high beep for a bottle that
// matched without a flag, a lower double tone for one to look at (a flag or a new medicine), a buzz for a code refused.
export type ScanSound = 'ok' | 'attention' | 'refused';

let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (context) return context;
  const Ctor = (window as unknown as { AudioContext?: typeof AudioContext }).AudioContext;
  if (!Ctor) return null;
  try {
    context = new Ctor();
  } catch {
    return null;
  }
  return context;
}

function tone(ctx: AudioContext, at: number, hz: number, seconds: number, type: OscillatorType, volume: number): void {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = type;
  osc.frequency.value = hz;
  // A short ramp in and out: no click at the edges.
  gain.gain.setValueAtTime(0, at);
  gain.gain.linearRampToValueAtTime(volume, at + 0.01);
  gain.gain.setValueAtTime(volume, at + seconds - 0.02);
  gain.gain.linearRampToValueAtTime(0, at + seconds);
  osc.connect(gain).connect(ctx.destination);
  osc.start(at);
  osc.stop(at + seconds + 0.01);
}

/** Plays the sound for a scan; silent where the page has no audio (never throws). */
export function playScanSound(kind: ScanSound): void {
  const ctx = audio();
  if (!ctx) return;
  try {
    if (ctx.state === 'suspended') void ctx.resume();
    const t = ctx.currentTime + 0.01;
    if (kind === 'ok') tone(ctx, t, 1760, 0.09, 'sine', 0.25);
    else if (kind === 'attention') {
      tone(ctx, t, 660, 0.12, 'sine', 0.3);
      tone(ctx, t + 0.18, 520, 0.14, 'sine', 0.3);
    } else tone(ctx, t, 140, 0.35, 'square', 0.12);
  } catch {
    // No sound is not a reason to stop the scan.
  }
}
