import { Viewer } from '../../schemas/viewer.js';
import { isPartnerRole } from '../../schemas/values.js';
import { check, checkEqual, checkSchema } from '../assert.js';
import { defineCases } from '../case.js';
import { CONFORMANCE_ACTORS } from '../world.js';

const roles = {
  partnerAdmin: 'partner_admin',
  partnerManager: 'partner_manager',
  partnerAssociate: 'partner_associate',
  otherPartnerAdmin: 'partner_admin',
  channelManager: 'channel_manager',
  supportAgent: 'support_agent',
  programAdmin: 'program_admin',
  enterpriseAdmin: 'enterprise_admin',
} as const;

export const sessionCases = defineCases('session', {
  'each actor signs in with its role, and partner users carry their partner': {
    needs: [],
    async run(world) {
      for (const actor of CONFORMANCE_ACTORS) {
        const viewer = checkSchema(Viewer, await world.viewer(actor), `${actor}'s session`);
        checkEqual(viewer.role, roles[actor], `${actor}'s role`);
        checkEqual(
          viewer.partnerId !== null,
          isPartnerRole(viewer.role),
          `${actor} has a partnerId`,
        );
      }
      const a = await world.partnerId('partnerAdmin');
      checkEqual((await world.viewer('partnerManager')).partnerId, a, "the manager's partner");
      checkEqual((await world.viewer('partnerAssociate')).partnerId, a, "the associate's partner");
      check(a !== (await world.partnerId('otherPartnerAdmin')), 'the two partners must differ');
    },
  },
  'capabilities list known resources': {
    needs: [],
    async run(world) {
      const { capabilities } = await world.as('enterpriseAdmin');
      check(Array.isArray(capabilities.resources), 'capabilities.resources is not an array');
      check(typeof capabilities.live === 'boolean', 'capabilities.live is not a boolean');
      check(typeof capabilities.metrics === 'boolean', 'capabilities.metrics is not a boolean');
    },
  },
});
