/** A problem with an input file as a whole (empty, binary, unreadable, no usable outcome): nothing is stored. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
