import { describe, expect, it } from 'vitest';
import { attributeLabel, humanizeKey } from '../../../shared/model/attribute-labels';
import { parseAgreement } from '../../../shared/model/parse-agreement';
import { itemContentHash } from '../../../shared/model/sections';
import { builtInTemplates, findTemplate } from '../../../shared/templates/templates';
import { calibrationSamples } from '../../../shared/templates/samples';

const saas = () => findTemplate('b2b-saas-mid-market')!.build();

describe('attribute display names', () => {
  it('reads the name the agreement gives, else the template’s name, else the key as words', () => {
    const agreement = saas();
    expect(attributeLabel(agreement, 'annualRevenue')).toBe('Annual revenue');
    expect(attributeLabel(agreement, 'usesCrm')).toBe('Uses a CRM');
    agreement.icp.find((criterion) => criterion.attribute === 'usesCrm')!.attributeDisplayName = 'CRM in place';
    expect(attributeLabel(agreement, 'usesCrm')).toBe('CRM in place');
    // A criterion without a name (an agreement made before names existed) reads the template's name for its key.
    delete agreement.icp.find((criterion) => criterion.attribute === 'region')!.attributeDisplayName;
    expect(attributeLabel(agreement, 'region')).toBe('Region');
    expect(attributeLabel(agreement, 'jobFunction')).toBe('Job function');
    expect(attributeLabel(agreement, 'customerTier_2')).toBe('Customer tier 2');
    expect(attributeLabel(agreement, ' hasErpSystem ')).toBe('Has ERP system');
  });

  it('a blank name is no name', () => {
    const agreement = saas();
    agreement.icp.find((criterion) => criterion.attribute === 'industry')!.attributeDisplayName = '   ';
    expect(attributeLabel(agreement, 'industry')).toBe('Industry');
  });

  it('writes keys as words', () => {
    expect(humanizeKey('annual_revenue')).toBe('Annual revenue');
    expect(humanizeKey('annual-revenue')).toBe('Annual revenue');
    expect(humanizeKey('HQCountry')).toBe('HQ country');
    expect(humanizeKey('usesCrm')).toBe('Uses CRM');
  });

  it('every template and sample criterion has a readable name', () => {
    const criteria = [...builtInTemplates.map((template) => template.build()), ...calibrationSamples.map((sample) => sample.agreement())].flatMap((agreement) => agreement.icp);
    expect(criteria.length).toBeGreaterThan(20);
    for (const criterion of criteria) {
      expect(criterion.attributeDisplayName, criterion.id).toMatch(/^[A-Z]/);
      expect(criterion.attributeDisplayName).not.toBe(criterion.attribute);
    }
  });

  it('is agreed text: part of the criterion’s content hash; a criterion without one keeps its hash', () => {
    const agreement = saas();
    const item = { section: 'icp', id: 'icp-revenue' } as const;
    const named = itemContentHash(agreement, item);
    agreement.icp.find((criterion) => criterion.id === 'icp-revenue')!.attributeDisplayName = 'Revenue (EUR)';
    expect(itemContentHash(agreement, item)).not.toBe(named);
    // An old file's criterion (no display name) reads unchanged: the schema keeps it absent, so its hash is what it was.
    const old = saas();
    for (const criterion of old.icp) delete criterion.attributeDisplayName;
    const before = itemContentHash(old, item);
    const parsed = parseAgreement(JSON.parse(JSON.stringify(old)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.agreement.icp[0]).not.toHaveProperty('attributeDisplayName');
    expect(itemContentHash(parsed.agreement, item)).toBe(before);
  });
});

describe('the changes between two versions', () => {
  it('name a renamed attribute; a criterion from before names with its default name is no change', async () => {
    const { diffAgreements } = await import('../../../shared/document/diff');
    const before = saas();
    const after = saas();
    after.icp.find((criterion) => criterion.id === 'icp-region')!.attributeDisplayName = 'Sales region';
    expect(diffAgreements(before, after).map((change) => change.text)).toEqual(['Criterion “Region we sell in”: attribute shown as Region → Sales region']);
    for (const criterion of before.icp) delete criterion.attributeDisplayName;
    expect(diffAgreements(before, saas())).toEqual([]);
  });
});
