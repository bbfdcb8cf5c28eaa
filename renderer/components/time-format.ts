/** "14:05" in the computer's own time zone (the room's clock). */
export function clockTime(ms: number): string {
  const date = new Date(ms);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** "12 min" or "1 h 05 min" for a duration. */
export function minutesText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (Math.abs(minutes) < 60) return `${minutes} min`;
  const hours = Math.trunc(minutes / 60);
  return `${hours} h ${String(Math.abs(minutes % 60)).padStart(2, '0')} min`;
}
