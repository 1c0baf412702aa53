import { Case, CaseInput, CasePatch } from '../../src/schemas/case.js';
import { CASE_CATEGORIES, CASE_PRIORITIES, CASE_STATUSES } from '../../src/schemas/values.js';
import { caseInput, supportCase } from './fixtures.js';
import { MISSING, m, row, schemaTable } from './table.js';

schemaTable('Case', Case, supportCase, [
  row('a missing number', { number: MISSING }, 'number', m.required()),
  row('an unknown status', { status: 'open' }, 'status', m.oneOf({ options: CASE_STATUSES })),
  row(
    'an unknown priority',
    { priority: 'urgent' },
    'priority',
    m.oneOf({ options: CASE_PRIORITIES }),
  ),
  row(
    'an unknown category',
    { category: 'hardware' },
    'category',
    m.oneOf({ options: CASE_CATEGORIES }),
  ),
  row(
    'a related record of an unknown type',
    { 'related.type': 'quote' },
    'related.type',
    m.oneOf({ options: ['deal', 'program', 'order'] }),
  ),
  row(
    'a bad first-response due time',
    { firstResponseDueAt: '2026-03-12' },
    'firstResponseDueAt',
    m.dateTime(),
  ),
  row(
    'a missing resolvedAt (null is required)',
    { resolvedAt: MISSING },
    'resolvedAt',
    m.required(),
  ),
  row('a blank subject', { subject: '' }, 'subject', m.required()),
]);

schemaTable('CaseInput', CaseInput, caseInput, [
  row('a missing subject', { subject: MISSING }, 'subject', m.required()),
  row(
    'a subject over 200 characters',
    { subject: 's'.repeat(201) },
    'subject',
    m.tooLong({ maximum: 200 }),
  ),
  row('a blank description', { description: '  \n ' }, 'description', m.required()),
  row(
    'a description over 10000 characters',
    { description: 'd'.repeat(10_001) },
    'description',
    m.tooLong({ maximum: 10_000 }),
  ),
  row(
    'an unknown priority',
    { priority: 'urgent' },
    'priority',
    m.oneOf({ options: CASE_PRIORITIES }),
  ),
  row('a missing category', { category: MISSING }, 'category', m.required()),
  row('a related record without id', { 'related.id': MISSING }, 'related.id', m.required()),
]);

schemaTable('CasePatch', CasePatch, { priority: 'critical' }, [
  row('an unknown priority', { priority: 'p1' }, 'priority', m.oneOf({ options: CASE_PRIORITIES })),
]);
