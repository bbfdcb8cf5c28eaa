/** A short, soft two-note chime (Web Audio, no file, no network); silent where audio is unavailable. */
export function playChime(): void {
  const Context = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
  if (!Context) return;
  try {
    const audio = new Context();
    const at = audio.currentTime;
    for (const [offset, frequency] of [[0, 660], [0.28, 880]] as const) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at + offset);
      gain.gain.exponentialRampToValueAtTime(0.15, at + offset + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + offset + 0.6);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(at + offset);
      oscillator.stop(at + offset + 0.65);
    }
    setTimeout(() => void audio.close().catch(() => undefined), 1200);
  } catch {
    // No audio device: the visual signal is enough.
  }
}
