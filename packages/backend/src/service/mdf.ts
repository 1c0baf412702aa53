import {
  MdfClaimInput,
  MdfRequestInput,
  checkClaim,
  checkFundRequest,
  mdfRemaining,
  parse,
  type MdfAllocation,
  type MdfBudget,
  type MdfClaim,
  type MdfClaimsApi,
  type MdfRequest,
  type MdfRequestsApi,
  type ReadApi,
  type ListQueries,
} from '@prm-kit/core';
import { readable, type Run } from './run.js';
import type { Session } from './session.js';

/** An allocation with what is committed and left computed now, from its requests. */
function withBalance(s: Session, allocation: MdfAllocation): MdfAllocation {
  const requests = s.all<MdfRequest>('mdfRequests', [
    { field: 'allocationId', op: 'eq', value: allocation.id },
  ]);
  const remaining = mdfRemaining(allocation, requests);
  return {
    ...allocation,
    remaining,
    committed: {
      amount: allocation.amount.amount - remaining.amount,
      currency: remaining.currency,
    },
  };
}

const requestsOf = (s: Session, allocationId: string) =>
  s.all<MdfRequest>('mdfRequests', [{ field: 'allocationId', op: 'eq', value: allocationId }]);

export const mdfBudgetsApi = (run: Run): ReadApi<MdfBudget, ListQueries['mdfBudgets']> =>
  readable<MdfBudget>(run, 'mdfBudgets');

export const mdfAllocationsApi = (
  run: Run,
): ReadApi<MdfAllocation, ListQueries['mdfAllocations']> => ({
  list: (query) =>
    run((s) => {
      const page = s.list<MdfAllocation>('mdfAllocations', query);
      return { ...page, items: page.items.map((a) => withBalance(s, a)) };
    }),
  get: (id) => run((s) => withBalance(s, s.view('mdfAllocations', s.find('mdfAllocations', id)))),
});

export const mdfRequestsApi = (run: Run): MdfRequestsApi => ({
  ...readable<MdfRequest>(run, 'mdfRequests'),
  create: (raw, { idempotencyKey }) =>
    run((s) => {
      const input = parse(MdfRequestInput, raw);
      const allocation = s.find<MdfAllocation>('mdfAllocations', input.allocationId);
      return s.create<MdfRequest>('mdfRequests', idempotencyKey, 'mdfRequests.create', (base) => {
        checkFundRequest(allocation, requestsOf(s, allocation.id), input.amount);
        return {
          ...base,
          ...input,
          number: s.nextNumber('mdfRequests'),
          partnerId: allocation.partnerId,
          status: 'draft',
          history: [
            { from: null, to: 'draft', by: s.viewer.userId, byName: s.viewer.name, at: s.now },
          ],
        };
      });
    }),
  transition: (id, to, options) =>
    run((s) =>
      s.transition<MdfRequest>('mdfRequests', id, to, options, (record) => {
        const request = record as unknown as MdfRequest;
        if (to !== 'submitted' && to !== 'approved') return;
        // Funds are checked again when they become committed: others may have been approved since.
        const allocation = s.tx.get(
          'mdfAllocations',
          request.allocationId,
        ) as unknown as MdfAllocation;
        checkFundRequest(allocation, requestsOf(s, allocation.id), request.amount, {
          excludeId: request.id,
        });
      }),
    ),
});

export const mdfClaimsApi = (run: Run): MdfClaimsApi => ({
  ...readable<MdfClaim>(run, 'mdfClaims'),
  create: (raw, { idempotencyKey }) =>
    run((s) => {
      const input = parse(MdfClaimInput, raw);
      const request = s.find<MdfRequest>('mdfRequests', input.requestId);
      return s.create<MdfClaim>('mdfClaims', idempotencyKey, 'mdfClaims.create', (base) => {
        const claims = s.all<MdfClaim>('mdfClaims', [
          { field: 'requestId', op: 'eq', value: request.id },
        ]);
        checkClaim(request, claims, input.amount);
        return {
          ...base,
          ...input,
          number: s.nextNumber('mdfClaims'),
          partnerId: request.partnerId,
          status: 'submitted',
          history: [
            { from: null, to: 'submitted', by: s.viewer.userId, byName: s.viewer.name, at: s.now },
          ],
        };
      });
    }),
  transition: (id, to, options) => run((s) => s.transition<MdfClaim>('mdfClaims', id, to, options)),
});
