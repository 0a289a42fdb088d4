import { strict as assert } from 'node:assert';
import { stateOf } from '../../../../src/core/views/sampleState';
import { failedRecord, record } from './fixtures';

const current = { taxonomyHash: 'tax-1', promptVersion: 'pass1-v1' };

describe('core/views/sampleState', () => {
  it('calls a label of the same taxonomy and prompts "labeled", another one "outdated"', () => {
    assert.equal(stateOf(record('a'), current).state, 'labeled');
    assert.equal(stateOf(record('a', { taxonomyHash: 'tax-0' }), current).state, 'outdated');
    assert.equal(stateOf(record('a', { promptVersion: 'pass1-v0' }), current).state, 'outdated');
  });

  it('never calls a label outdated when the taxonomy in use is unknown', () => {
    assert.equal(stateOf(record('a', { taxonomyHash: 'tax-0' }), undefined).state, 'labeled');
  });

  it('reports failures and partial labels as they are', () => {
    assert.equal(stateOf(failedRecord('a', 'x'), current).state, 'failed');
    assert.equal(stateOf(record('a', { status: 'partial' }), current).state, 'partial');
  });

  it('is stale with a record at the same place only, and not labeled with neither', () => {
    const previous = record('old');
    assert.deepEqual(stateOf(undefined, current, previous), { state: 'stale', record: previous });
    assert.deepEqual(stateOf(undefined, current), { state: 'not-labeled' });
  });
});
