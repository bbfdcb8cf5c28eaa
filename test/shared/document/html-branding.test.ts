import { describe, expect, it } from 'vitest';
import { buildAgreementDocument, type DocumentContext } from '../../../shared/document/document';
import { DEFAULT_DOCUMENT_ACCENT, headerFooterTemplates, renderHtml } from '../../../shared/document/html';
import { ipcContract } from '../../../shared/ipc/contract';
import { bytesToBase64 } from '../../../shared/model/branding';
import { blankAgreement } from '../../../shared/model/blank-agreement';

const svgUrl = (body = '<circle cx="5" cy="5" r="5" fill="#862e9c"/>') => `data:image/svg+xml;base64,${bytesToBase64(new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${body}</svg>`))}`;
const context = (consultant?: DocumentContext['consultant']): DocumentContext => ({ versionNumber: 1, status: 'draft', signatures: [], history: [], generatedAt: '2026-11-23T10:00:00.000Z', ...(consultant ? { consultant } : {}) });
const documentWith = (consultant?: DocumentContext['consultant']) => buildAgreementDocument(blankAgreement('Lead agreement', 'Acme GmbH'), context(consultant));

describe('branding in the print HTML', () => {
  it('uses the accent for the cover band, rules and headings, and in the running header', () => {
    const document = documentWith({ name: 'Northwind Advisory', logoDataUrl: svgUrl(), accent: '#862e9c' });
    const html = renderHtml(document);
    expect(html).toContain(':root { --accent: #862e9c; }');
    expect(html).toContain('border-top: 5mm solid var(--accent)');
    expect(html).toContain(`<img src="${svgUrl()}" alt="">Northwind Advisory`);
    expect(headerFooterTemplates(document).headerTemplate).toContain('border-bottom: 0.8pt solid #862e9c');
  });

  it('falls back to Accord’s accent and name without branding', () => {
    const html = renderHtml(documentWith());
    expect(html).toContain(`:root { --accent: ${DEFAULT_DOCUMENT_ACCENT}; }`);
    expect(html).toContain('<div class="brand">Accord</div>');
  });

  it('prints nothing of a branding that breaks the rules, whoever built the document', () => {
    const html = renderHtml(documentWith({ name: 'N', logoDataUrl: svgUrl('<script>alert(1)</script>'), accent: 'red; } body { display: none' }));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('display: none');
    expect(html).not.toContain('data:image/svg+xml');
    expect(html).toContain(`:root { --accent: ${DEFAULT_DOCUMENT_ACCENT}; }`);
    expect(renderHtml(documentWith({ name: 'N', accent: '#ffff00' }))).toContain(`--accent: ${DEFAULT_DOCUMENT_ACCENT};`);
    expect(headerFooterTemplates(documentWith({ name: 'N', accent: '#fff" onload="x' })).headerTemplate).not.toContain('onload');
  });
});

describe('branding in the IPC contract', () => {
  const request = (consultant: unknown) => ({ suggestedName: 'a', paper: 'A4', agreement: {}, context: { ...context(), consultant } });
  const schema = ipcContract['pdf:export-agreement'].request;
  it('accepts a name, an SVG logo and an accent', () => {
    expect(schema.safeParse(request({ name: 'N', logoDataUrl: svgUrl(), accent: '#862e9c' })).success).toBe(true);
    expect(ipcContract['pdf:export-review'].request.shape.consultant.safeParse({ name: 'N', accent: '#0b7285' }).success).toBe(true);
  });
  it.each([
    ['a GIF logo', { name: 'N', logoDataUrl: 'data:image/gif;base64,R0lGODlh' }],
    ['a remote logo', { name: 'N', logoDataUrl: 'https://example.com/logo.png' }],
    ['an accent not #rrggbb', { name: 'N', accent: 'purple' }],
    ['an accent too light', { name: 'N', accent: '#ffff00' }],
    ['an unknown field', { name: 'N', font: 'Comic Sans' }],
  ])('refuses %s', (_label, consultant) => {
    expect(schema.safeParse(request(consultant)).success).toBe(false);
    expect(ipcContract['pdf:export-review'].request.shape.consultant.safeParse(consultant).success).toBe(false);
  });
});
