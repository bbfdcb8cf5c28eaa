/**
 * The lead ids a review has read, to find rows that repeat one (an activity
 * export lists a lead once per activity; counted as they stand, every figure
 * would count rows, not leads). A million ids kept as strings would keep every
 * chunk of the file alive (an id is a slice of its chunk), so each id is kept
 * as a 64-bit hash (two 32-bit hashes) in an open-addressing table of typed
 * arrays: about 16 bytes a lead. Two different ids share both hashes with a
 * chance of about n² / 2⁶⁵ (3 in 100 million for a million leads).
 */
export class SeenIds {
  private high = new Int32Array(1 << 12);
  private low = new Int32Array(1 << 12);
  /** Whether a slot is taken (a hash pair can be 0, 0). */
  private taken = new Uint8Array(1 << 12);
  private size = 0;

  /** Notes an id; true when it was seen before. */
  add(id: string): boolean {
    // FNV-1a and a second multiplicative hash over the UTF-16 code units, in one pass.
    let first = 0x811c9dc5 | 0;
    let second = 0x9e3779b9 | 0;
    for (let index = 0; index < id.length; index += 1) {
      const code = id.charCodeAt(index);
      first = Math.imul(first ^ code, 0x01000193);
      second = Math.imul(second + code, 0x5bd1e995) ^ (second >>> 13);
    }
    // A final mix so nearby ids (L0000001, L0000002) spread over the table.
    second = Math.imul(second ^ (second >>> 15), 0x2c1b3c6d);
    if (this.has(first, second)) return true;
    if ((this.size + 1) * 2 > this.taken.length) this.grow();
    this.put(first, second);
    this.size += 1;
    return false;
  }

  private slotOf(first: number, second: number): number {
    const mask = this.taken.length - 1;
    let slot = (first ^ Math.imul(second, 0x27d4eb2d)) & mask;
    while (this.taken[slot] === 1 && (this.high[slot] !== first || this.low[slot] !== second)) slot = (slot + 1) & mask;
    return slot;
  }

  private has(first: number, second: number): boolean {
    return this.taken[this.slotOf(first, second)] === 1;
  }

  private put(first: number, second: number): void {
    const slot = this.slotOf(first, second);
    this.taken[slot] = 1;
    this.high[slot] = first;
    this.low[slot] = second;
  }

  private grow(): void {
    const { high, low, taken } = this;
    this.high = new Int32Array(taken.length * 2);
    this.low = new Int32Array(taken.length * 2);
    this.taken = new Uint8Array(taken.length * 2);
    for (let slot = 0; slot < taken.length; slot += 1) if (taken[slot] === 1) this.put(high[slot]!, low[slot]!);
  }
}
