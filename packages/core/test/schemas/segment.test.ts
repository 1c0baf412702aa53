import {
  Segment,
  SegmentCriterion,
  SegmentInput,
  SegmentPatch,
} from '../../src/schemas/segment.js';
import { SEGMENT_FIELDS, SEGMENT_KINDS, SEGMENT_OPERATORS } from '../../src/schemas/values.js';
import { segment, segmentInput } from './fixtures.js';
import { MISSING, m, row, schemaTable } from './table.js';

schemaTable('Segment', Segment, segment, [
  row('a missing name', { name: MISSING }, 'name', m.required()),
  row('an unknown kind', { kind: 'vertical' }, 'kind', m.oneOf({ options: SEGMENT_KINDS })),
  row('a short colour', { colour: '#0bc' }, 'colour', m.colour()),
  row('a missing rule (null is required)', { rule: MISSING }, 'rule', m.required()),
  row(
    'an unknown match',
    { 'rule.match': 'none' },
    'rule.match',
    m.oneOf({ options: ['all', 'any'] }),
  ),
  row(
    'a rule without criteria',
    { 'rule.criteria': [] },
    'rule.criteria',
    m.tooFewItems({ minimum: 1 }),
  ),
  row(
    'an unknown criterion field',
    { 'rule.criteria.0.field': 'revenue' },
    'rule.criteria.0.field',
    m.oneOf({ options: SEGMENT_FIELDS }),
  ),
  row(
    'an unknown operator',
    { 'rule.criteria.0.op': 'like' },
    'rule.criteria.0.op',
    m.oneOf({ options: SEGMENT_OPERATORS }),
  ),
  row(
    '"in" with a string value',
    { 'rule.criteria.1.value': 'gold' },
    'rule.criteria.1.value',
    m.criterionValue(),
  ),
  row(
    'a missing criterion value',
    { 'rule.criteria.0.value': MISSING },
    'rule.criteria.0.value',
    m.required(),
  ),
  row(
    'a program link discount of 10001',
    { 'programLinks.0.benefitOverrides.discountBps': 10_001 },
    'programLinks.0.benefitOverrides.discountBps',
    m.basisPoints(),
  ),
  row(
    'a program link without programId',
    { 'programLinks.0.programId': MISSING },
    'programLinks.0.programId',
    m.required(),
  ),
  row('an empty manual member id', { manualMemberIds: [''] }, 'manualMemberIds.0', m.required()),
]);

schemaTable('SegmentInput', SegmentInput, segmentInput, [
  row('a missing kind', { kind: MISSING }, 'kind', m.required()),
  row('a named colour', { colour: 'blue' }, 'colour', m.colour()),
  row(
    '"in" with a string value',
    { 'rule.criteria.1.value': 'gold' },
    'rule.criteria.1.value',
    m.criterionValue(),
  ),
]);

schemaTable('SegmentPatch', SegmentPatch, { name: 'NA resellers', rule: null }, [
  row('a blank name', { name: ' ' }, 'name', m.required()),
]);

const criterion = { field: 'tier', op: 'in', value: ['gold', 'platinum'] } as const;
schemaTable('SegmentCriterion', SegmentCriterion, criterion, [
  row('"in" with a string value', { value: 'gold' }, 'value', m.criterionValue()),
  row('"not_in" with a number', { op: 'not_in', value: 3 }, 'value', m.criterionValue()),
  row(
    '"gte" on tier with an unknown tier',
    { op: 'gte', value: 'diamond' },
    'value',
    m.criterionValue(),
  ),
  row(
    '"gte" on employees with a tier key',
    { field: 'employees', op: 'gte', value: 'gold' },
    'value',
    m.criterionValue(),
  ),
  row('"lte" with a list', { op: 'lte' }, 'value', m.criterionValue()),
  row('"eq" with a list', { op: 'eq' }, 'value', m.criterionValue()),
  row('"contains" with a number', { op: 'contains', value: 1 }, 'value', m.criterionValue()),
  row('a boolean value', { value: true }, 'value', m.criterionValue()),
]);
schemaTable(
  'SegmentCriterion (tier rank by key)',
  SegmentCriterion,
  { field: 'tier', op: 'gte', value: 'gold' },
  [],
);
schemaTable(
  'SegmentCriterion (numeric)',
  SegmentCriterion,
  { field: 'employees', op: 'gte', value: 50 },
  [],
);
schemaTable(
  'SegmentCriterion (text)',
  SegmentCriterion,
  { field: 'specializations', op: 'contains', value: 'cloud' },
  [],
);
