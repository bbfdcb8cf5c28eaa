import { describe, expect, it } from 'vitest';
import { formatFindings, isAboveLow, judgeFindings, parseCsv, parseElectronegativityCsv } from '../../build/scripts/electronegativity-report';

// As Electronegativity 1.10 writes it: a spaced header, quoted severity, N/A unquoted.
const report = [
  'issue, severity, confidence, filename, location, sample, description, url',
  'CSP_GLOBAL_CHECK,"LOW","FIRM","renderer/index.html","5:0","default-src \'self\'; style-src \'self\' \'unsafe-inline\'","One or more CSP directives detected are vulnerable",https://github.com/doyensec/electronegativity/wiki/CSP_GLOBAL_CHECK',
  'PRELOAD_JS_CHECK,"MEDIUM","FIRM","electron/main/main.ts","194:6","preload: preloadPath,","Ensure that preload scripts are not exposing sensitive APIs",https://github.com/doyensec/electronegativity/wiki/PRELOAD_JS_CHECK',
  'CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","electron/main/main.ts","129:17","const window = new BrowserWindow({ a: ""quoted"", b: 1 });","Review the use of the contextIsolation option",https://github.com/doyensec/electronegativity/wiki/CONTEXT_ISOLATION_JS_CHECK',
  'LIMIT_NAVIGATION_GLOBAL_CHECK,"HIGH","CERTAIN","N/A","0:0",N/A,"Missing navigation limits",https://github.com/doyensec/electronegativity/wiki/LIMIT_NAVIGATION_GLOBAL_CHECK',
  '',
].join('\r\n');

describe('Electronegativity report', () => {
  it('parses quoted fields with commas, doubled quotes and CRLF', () => {
    expect(parseCsv('a,"b, c","say ""hi"""\r\n1,2,3\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['1', '2', '3'],
    ]);
  });

  it('reads every finding with its severity unquoted', () => {
    const findings = parseElectronegativityCsv(report);
    expect(findings.map((finding) => [finding.issue, finding.severity, finding.file, finding.location])).toEqual([
      ['CSP_GLOBAL_CHECK', 'LOW', 'renderer/index.html', '5:0'],
      ['PRELOAD_JS_CHECK', 'MEDIUM', 'electron/main/main.ts', '194:6'],
      ['CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'electron/main/main.ts', '129:17'],
      ['LIMIT_NAVIGATION_GLOBAL_CHECK', 'HIGH', 'N/A', '0:0'],
    ]);
    expect(findings[2]?.sample).toBe('const window = new BrowserWindow({ a: "quoted", b: 1 });');
  });

  it('refuses a report without the expected columns', () => {
    expect(() => parseElectronegativityCsv('id,level\nX,"HIGH"\n')).toThrow(/no issue, severity/);
  });

  it('fails on anything above LOW except the reviewed preload note; unknown severities fail too', () => {
    const { failing, accepted } = judgeFindings(parseElectronegativityCsv(report));
    expect(failing.map((finding) => finding.issue)).toEqual(['CONTEXT_ISOLATION_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']);
    expect(accepted.map((finding) => finding.issue)).toEqual(['CSP_GLOBAL_CHECK', 'PRELOAD_JS_CHECK']);
    expect(isAboveLow('INFORMATIONAL')).toBe(false);
    expect(isAboveLow('LOW')).toBe(false);
    expect(isAboveLow('SEVERE')).toBe(true);
  });

  it('prints one line per finding with its verdict', () => {
    const table = formatFindings(parseElectronegativityCsv(report)).split('\n');
    expect(table).toHaveLength(6);
    expect(table[2]).toMatch(/^ok\s+LOW\s+FIRM\s+CSP_GLOBAL_CHECK\s+renderer\/index.html:5:0/);
    expect(table[3]).toMatch(/^reviewed\s+MEDIUM/);
    expect(table[5]).toMatch(/^FAIL\s+HIGH\s+CERTAIN\s+LIMIT_NAVIGATION_GLOBAL_CHECK\s+\(global\)/);
    expect(formatFindings([])).toBe('No findings.');
  });
});
