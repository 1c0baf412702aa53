/** Filling `<prm-deal-registration-form>` as a person would, shared by its tests and the end-to-end story. */
import type { LitElement } from 'lit';
import { type } from './fixtures.js';

export { type };

export const DEAL_CUSTOMER = 'Umbrella Test Corp';

/** A complete registration worth 62,500.50 USD (above the demo's auto-approval threshold). */
export async function fillDealForm(
  element: LitElement,
  customer: { company?: string; domain?: string } = {},
): Promise<void> {
  await type(element, 'dealType', 'new_business');
  await type(element, 'company', customer.company ?? DEAL_CUSTOMER);
  await type(element, 'domain', customer.domain ?? 'umbrella-test.example.com');
  await type(element, 'country', 'us');
  await type(element, 'postalCode', '10001');
  await type(element, 'contactName', 'Alice Wesker');
  await type(element, 'contactEmail', 'alice.wesker@umbrella-test.example.com');
  await type(element, 'product-0', 'prod-fw-1000');
  await type(element, 'quantity-0', '4');
  element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="add-product-button"]')!.click();
  await element.updateComplete;
  await type(element, 'product-1', 'prod-mdr');
  await type(element, 'quantity-1', '12');
  await type(element, 'amount', '62,500.50');
  await type(element, 'currency', 'USD');
  await type(element, 'expectedCloseDate', '2030-06-30');
  await type(element, 'comments', 'Met their CISO at the roadshow.');
}
