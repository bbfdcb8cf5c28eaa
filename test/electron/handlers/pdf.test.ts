import { describe, expect, it } from 'vitest';
import { checkConsultant } from '../../../electron/handlers/pdf';

const dataUrl = (type: string, text: string) => `data:${type};base64,${Buffer.from(text).toString('base64')}`;
const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${body}</svg>`;

describe('the PDF handlers re-check the consultant logo (the renderer is untrusted)', () => {
  it('lets a clean logo and no logo through', () => {
    expect(() => checkConsultant(undefined)).not.toThrow();
    expect(() => checkConsultant({ name: 'N' })).not.toThrow();
    expect(() => checkConsultant({ name: 'N', logoDataUrl: dataUrl('image/svg+xml', svg('<rect width="1" height="1"/>')) })).not.toThrow();
  });
  it.each([
    ['an SVG with a script', dataUrl('image/svg+xml', svg('<script>alert(1)</script>')), 'contains a script'],
    ['an SVG loading a remote image', dataUrl('image/svg+xml', svg('<image href="https://example.com/x.png"/>')), 'external'],
    ['text labelled PNG', dataUrl('image/png', 'not a picture'), 'not an image'],
    ['an SVG labelled PNG', dataUrl('image/png', svg('')), 'says it is PNG but its content is SVG'],
  ])('refuses %s with a message', (_label, logoDataUrl, message) => {
    expect(() => checkConsultant({ name: 'N', logoDataUrl })).toThrow(message);
  });
});
