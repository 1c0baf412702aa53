import {
  PartnerApplication,
  PartnerPatch,
  assertCanPatchPartner,
  parse,
  type Partner,
  type PartnersApi,
  type User,
  type UsersApi,
} from '@prm-kit/core';
import { newId } from './ids.js';
import { readable, type Run } from './run.js';

export const partnersApi = (run: Run): PartnersApi => ({
  ...readable<Partner>(run, 'partners'),
  create: (raw, { idempotencyKey }) =>
    run((s) => {
      const input = parse(PartnerApplication, raw);
      return s.create<Partner>('partners', idempotencyKey, 'partners.create', (base) => ({
        ...base,
        name: input.name,
        ...(input.website ? { website: input.website } : {}),
        country: input.country,
        region: input.region,
        status: 'prospect',
        tier: 'registered',
        specializations: input.specializations ?? [],
        segmentIds: [],
        contacts: [
          {
            id: newId('contact'),
            userId: null,
            role: 'partner_admin',
            primary: true,
            ...input.contact,
          },
        ],
        channelManagerId: null,
        onboarding: [],
        ...(input.employees === undefined ? {} : { employees: input.employees }),
        certifications: 0,
      }));
    }),
  update: (id, raw, { version }) =>
    run((s) => {
      const patch = parse(PartnerPatch, raw);
      assertCanPatchPartner(s.viewer, patch, s.scopeOf('partners', s.find('partners', id)));
      return s.update<Partner>('partners', id, version, 'partners.update', (record) => {
        for (const [field, value] of Object.entries(patch)) {
          // `website: null` removes the website.
          if (value === null && field === 'website') delete record.website;
          else record[field] = value;
        }
      });
    }),
  transition: (id, to, options) => run((s) => s.transition<Partner>('partners', id, to, options)),
});

export const usersApi = (run: Run): UsersApi => readable<User>(run, 'users');
