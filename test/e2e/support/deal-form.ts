/** Registering a deal through `<prm-deal-registration-form>` from Playwright, as a person would. */
import type { Locator } from 'playwright-core';

export interface DealCustomer {
  company: string;
  domain: string;
}

/**
 * Fills in a complete registration in the XYZ Reseller Program (a partner of the demo data
 * may register there) for `customer`, and submits it.
 */
export async function registerDeal(form: Locator, customer: DealCustomer): Promise<void> {
  // A label's text ends in " *" (hidden from the accessible name) when the field is required.
  const field = (label: string) => form.getByLabel(new RegExp(`^${label}( \\*)?$`));
  await field('Program').selectOption({ label: 'XYZ Reseller Program' });
  await field('Deal type').selectOption({ label: 'New business' });
  await field('Company').fill(customer.company);
  await field('Website domain').fill(customer.domain);
  await field('Country').fill('US');
  await field('Postal code').fill('10001');
  await field('Contact name').fill('Alice Wesker');
  await field('Contact email').fill(`alice.wesker@${customer.domain}`);
  await field('Product 1').selectOption({ label: 'XYZ Firewall 1000 (XYZ-FW-1000)' });
  await field('Quantity of product 1').fill('12');
  await field('Estimated value').fill('62,500.50');
  await field('Currency').selectOption('USD');
  await field('Expected close date').fill('2030-06-30');
  await form.getByRole('button', { name: 'Submit registration' }).click();
}
