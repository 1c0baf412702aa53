import { expect } from '@open-wc/testing';
import { Money, validate } from '../src/index.js';

describe('core in the browser', () => {
  it('accepts money in integer minor units with an ISO currency', () => {
    const result = validate(Money, { amount: 1250, currency: 'USD' });
    expect(result.ok).to.equal(true);
    if (result.ok) expect(result.value).to.deep.equal({ amount: 1250, currency: 'USD' });
  });

  it('rejects a float amount and a lowercase currency with one message per field', () => {
    const result = validate(Money, { amount: 12.5, currency: 'usd' });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.error.code).to.equal('validation');
    expect(result.error.fields.map((field) => field.path)).to.have.members(['amount', 'currency']);
    for (const field of result.error.fields)
      expect(field.message).to.be.a('string').with.length.above(0);
  });
});
