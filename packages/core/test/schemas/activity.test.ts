import { Activity } from '../../src/schemas/activity.js';
import { ACTIVITY_ACTIONS, RESOURCES } from '../../src/schemas/values.js';
import { activity } from './fixtures.js';
import { MISSING, m, row, schemaTable } from './table.js';

schemaTable('Activity', Activity, activity, [
  row('a missing actor', { actorId: MISSING }, 'actorId', m.required()),
  row('an unknown resource', { resource: 'invoices' }, 'resource', m.oneOf({ options: RESOURCES })),
  row('an unknown action', { action: 'viewed' }, 'action', m.oneOf({ options: ACTIVITY_ACTIONS })),
  row('a bad timestamp', { at: '2026-02-02 14:00' }, 'at', m.dateTime()),
  row('a missing partnerId (null is required)', { partnerId: MISSING }, 'partnerId', m.required()),
]);

const { from: _from, to: _to, ...created } = activity;
schemaTable(
  'Activity (enterprise-wide, no transition)',
  Activity,
  { ...created, partnerId: null, action: 'created' },
  [],
);
