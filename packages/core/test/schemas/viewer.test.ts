import { User, Viewer } from '../../src/schemas/viewer.js';
import { ROLES } from '../../src/schemas/values.js';
import { enterpriseViewer, partnerViewer, user } from './fixtures.js';
import { MISSING, m, row, schemaTable } from './table.js';

schemaTable('User', User, user, [
  row('a missing name', { name: MISSING }, 'name', m.required()),
  row('a bad email', { email: 'sam.carter@' }, 'email', m.email()),
  row('an unknown role', { role: 'owner' }, 'role', m.oneOf({ options: ROLES })),
  row('a missing partnerId (null is required)', { partnerId: MISSING }, 'partnerId', m.required()),
  row('active as a string', { active: 'true' }, 'active', m.wrongType({ expected: 'boolean' })),
]);

schemaTable('Viewer (partner side)', Viewer, partnerViewer, [
  row('a partner role with partnerId null', { partnerId: null }, 'partnerId', m.viewerPartner()),
  row('a bad email', { email: 'jane' }, 'email', m.email()),
  row('a missing userId', { userId: MISSING }, 'userId', m.required()),
]);

schemaTable('Viewer (enterprise side)', Viewer, enterpriseViewer, [
  row(
    'an enterprise role with a partnerId',
    { partnerId: 'ptn_abc' },
    'partnerId',
    m.viewerPartner(),
  ),
  row('an unknown role', { role: 'admin' }, 'role', m.oneOf({ options: ROLES })),
  row('a numeric name', { name: 42 }, 'name', m.wrongType({ expected: 'string' })),
]);
