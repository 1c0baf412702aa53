import { Lead } from '../../schemas/lead.js';
import { MdfAllocation, MdfClaim, MdfRequest } from '../../schemas/mdf.js';
import { check, checkEqual, checkRejects, checkSchema } from '../assert.js';
import { defineCases } from '../case.js';
import { dateFromToday } from '../world.js';

export const fundsAndLeadsCases = defineCases('leads and funds', {
  'the enterprise sends a lead; the partner accepts it into an opportunity': {
    needs: ['leads', 'opportunities'],
    async run(world) {
      const a = await world.partnerId('partnerAdmin');
      const enterprise = await world.as('channelManager');
      const lead = checkSchema(
        Lead,
        await enterprise.leads.create(
          {
            customer: { company: world.unique('Lead customer'), country: 'US' },
            interest: 'Firewall refresh',
            partnerId: a,
          },
          { idempotencyKey: world.key() },
        ),
        'a lead',
      );
      checkEqual(lead.status, 'assigned', 'a lead sent to a partner');
      await checkRejects(
        () => (async () => (await world.as('otherPartnerAdmin')).leads.get(lead.id))(),
        'not_found',
        "B reading A's lead",
      );
      const partner = await world.as('partnerAdmin');
      await checkRejects(
        () => partner.leads.transition(lead.id, 'declined', { version: lead.version }),
        'validation',
        'declining without a reason',
        'reason',
      );
      const accepted = await partner.leads.transition(lead.id, 'accepted', {
        version: lead.version,
      });
      check(accepted.opportunityId !== null, 'accepting made no opportunity');
      checkEqual(
        (await partner.opportunities.get(accepted.opportunityId)).leadId,
        lead.id,
        "the opportunity's lead",
      );
    },
  },
  'fund requests and claims never exceed what is allocated': {
    needs: ['mdfAllocations', 'mdfRequests', 'mdfClaims'],
    async run(world) {
      const partner = await world.as('partnerAdmin');
      const allocations = await partner.mdfAllocations.list({ limit: 50 });
      const allocation = allocations.items
        .map((item) => checkSchema(MdfAllocation, item, 'an allocation'))
        .find((item) => item.remaining.amount >= 200);
      check(allocation, 'partner A needs an MDF allocation with money left');
      const activity = {
        name: world.unique('Roadshow'),
        type: 'event' as const,
        description: 'Customer roadshow',
        period: { start: dateFromToday(10), end: dateFromToday(11) },
      };
      const money = (amount: number) => ({ amount, currency: allocation.remaining.currency });
      await checkRejects(
        () =>
          partner.mdfRequests.create(
            {
              allocationId: allocation.id,
              activity,
              amount: money(allocation.remaining.amount + 1),
            },
            { idempotencyKey: world.key() },
          ),
        'validation',
        'a request above what is left',
        'amount',
      );
      const request = checkSchema(
        MdfRequest,
        await partner.mdfRequests.create(
          { allocationId: allocation.id, activity, amount: money(200) },
          { idempotencyKey: world.key() },
        ),
        'a fund request',
      );
      const submittedRequest = await partner.mdfRequests.transition(request.id, 'submitted', {
        version: request.version,
      });
      await checkRejects(
        () =>
          partner.mdfRequests.transition(request.id, 'approved', {
            version: submittedRequest.version,
          }),
        'forbidden',
        'a partner approving its own fund request',
      );
      const manager = await world.as('channelManager');
      await manager.mdfRequests.transition(request.id, 'approved', {
        version: submittedRequest.version,
      });
      const proof = [{ name: 'Invoice', url: 'https://files.example.com/invoice.pdf' }];
      await checkRejects(
        () =>
          partner.mdfClaims.create(
            { requestId: request.id, amount: money(201), proof },
            { idempotencyKey: world.key() },
          ),
        'validation',
        'a claim above the approved request',
        'amount',
      );
      const claim = checkSchema(
        MdfClaim,
        await partner.mdfClaims.create(
          { requestId: request.id, amount: money(150), proof },
          { idempotencyKey: world.key() },
        ),
        'a claim',
      );
      const approvedClaim = await manager.mdfClaims.transition(claim.id, 'approved', {
        version: claim.version,
      });
      await checkRejects(
        () =>
          manager.mdfClaims.transition(claim.id, 'submitted', { version: approvedClaim.version }),
        'invalid_transition',
        'approved claim → submitted',
      );
      const after = await partner.mdfAllocations.get(allocation.id);
      checkEqual(
        after.remaining.amount,
        allocation.remaining.amount - 200,
        'what is left after the approval',
      );
    },
  },
});
