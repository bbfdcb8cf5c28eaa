// The lead tester reads the person as the rules need them: the job title feeds the
// title rules (and the function × seniority grid by keywords), the e-mail address
// feeds the domain rules by its domain, unknown while it is not an address yet.
// Expected outcomes come from the template's own words (students are disqualified;
// personal e-mail domains are gmail.com, …), not from the scoring engine.
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LeadTester } from '../../../../renderer/features/scoring/LeadTester';
import { findTemplate } from '../../../../shared/templates/templates';

function renderTester(templateId = 'b2b-saas-mid-market') {
  const agreement = findTemplate(templateId)!.build();
  render(
    <MantineProvider>
      <LeadTester opened onClose={() => {}} agreement={agreement} />
    </MantineProvider>,
  );
  return agreement;
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label, { exact: false, selector: 'input' }), { target: { value } });

/** The badge shown beside the reason whose text contains `text`. */
function outcomeOf(text: string): string {
  const reasons = within(screen.getByRole('list', { name: 'Reasons' })).getAllByRole('listitem');
  const line = reasons.find((item) => item.textContent?.includes(text));
  expect(line, `no reason mentions “${text}”: ${reasons.map((item) => item.textContent).join(' | ')}`).toBeDefined();
  return line!.querySelector('.mantine-Badge-label')?.textContent ?? line!.textContent ?? '';
}

describe('the lead tester reads the person', () => {
  it('the job title fills the decision-maker grid by its keywords; a student’s title disqualifies the lead', async () => {
    const agreement = renderTester();
    expect(agreement.icp.some((criterion) => criterion.effect === 'disqualifier' && criterion.attribute === 'jobTitle')).toBe(true);
    expect(outcomeOf('Decision-maker grid')).toBe('Unknown');
    type('Job title', 'VP Marketing');
    expect(outcomeOf('Decision-maker grid')).not.toBe('Unknown');
    // Function and seniority each say which keyword of the title gave them.
    expect(screen.getAllByText(/^From the job title: keyword “/).length).toBe(2);
    expect(screen.getByTestId('tester-stage')).not.toHaveTextContent('Disqualified');
    type('Job title', 'Student of economics');
    expect(screen.getByTestId('tester-stage')).toHaveTextContent('Disqualified');
  });

  it('the e-mail address feeds the domain rule by its domain: nothing until it is an address, a company domain passes, gmail.com is a disqualifier', async () => {
    // The enterprise template keeps personal e-mail domains (gmail.com, …) out: "Enterprise buyers use corporate addresses."
    renderTester('enterprise-field-sales');
    const stage = () => screen.getByTestId('tester-stage');
    // Not an address yet: the text is not a domain, even when it reads like one.
    type('E-mail address', 'gmail.com');
    expect(stage()).not.toHaveTextContent('Disqualified');
    type('E-mail address', 'jane@acme-gmbh.de');
    expect(stage()).not.toHaveTextContent('Disqualified');
    type('E-mail address', 'Jane.Doe@GMAIL.com');
    expect(outcomeOf('Personal e-mail domains')).toBe('Disqualified');
    expect(stage()).toHaveTextContent('Disqualified');
  });
});
