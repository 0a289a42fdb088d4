import { strict as assert } from 'node:assert';
import type { LabelRecord } from '../../../../src/core/model/records';
import type { SamplePlace } from '../../../../src/core/store/locatorIndex';
import { lookupKeyOf } from '../../../../src/core/store/locatorIndex';
import { isScoreCurrent, placeOf, rowSampleViews, type LabelLookup, type SampleRef } from '../../../../src/core/views/rowViews';
import { record, scoreRecord } from './fixtures';

/** A lookup over in-memory records that counts place lookups. */
function lookupOf(byId: Record<string, LabelRecord>, byPlace: Record<string, LabelRecord> = {}): LabelLookup & { placeLookups: number } {
  const lookup = {
    placeLookups: 0,
    get: async (id: string) => byId[id],
    previousAt: async (place: SamplePlace) => {
      lookup.placeLookups++;
      return byPlace[lookupKeyOf(place)];
    },
  };
  return lookup;
}

function sample(id: string, turnIndex: number, totalTurns: number, rowIndex = 4, rowId?: string): SampleRef {
  return { id, turnIndex, totalTurns, source: { rowIndex }, ...(rowId !== undefined ? { rowId } : {}) };
}

const current = { taxonomyHash: 'tax-1', promptVersion: 'pass1-v1' };

describe('core/views/rowViews', () => {
  it('gives each reply its own state, looking places up only for replies without a record', async () => {
    const lookup = lookupOf({ a: record('a') }, { 'row:4#2': record('old-b') });
    const views = await rowSampleViews([sample('a', 1, 2), sample('b', 2, 2)], lookup, current);
    assert.deepEqual(views.map((v) => [v.sampleId, v.state, v.record?.sampleId]), [['a', 'labeled', 'a'], ['b', 'stale', 'old-b']]);
    assert.equal(lookup.placeLookups, 1);
  });

  it('finds the earlier labels of a row with an id by that id, wherever the row moved', async () => {
    const lookup = lookupOf({}, { 'id:c7#1': record('old'), 'row:9#1': record('someone-else') });
    const [moved] = await rowSampleViews([sample('new', 1, 1, 9, 'c7')], lookup, current);
    assert.equal(moved?.state, 'stale');
    assert.equal(moved?.record?.sampleId, 'old');
    const [fresh] = await rowSampleViews([sample('new', 1, 1, 9, 'c8')], lookup, current);
    assert.equal(fresh?.state, 'not-labeled', 'a new row inherited the labels of the row that used to sit there');
  });

  it('builds places from samples', () => {
    assert.deepEqual(placeOf(sample('x', 2, 3, 5)), { rowIndex: 5, turnIndex: 2 });
    assert.deepEqual(placeOf(sample('x', 2, 3, 5, 'r1')), { rowIndex: 5, turnIndex: 2, rowId: 'r1' });
  });

  it('attaches a sample\'s score, current only while it matches the labels shown', async () => {
    const label = record('a');
    const lookup = { ...lookupOf({ a: label }), getScore: async (id: string) => (id === 'a' ? scoreRecord(label) : undefined) };
    const [scored] = await rowSampleViews([sample('a', 1, 1)], lookup, current);
    assert.equal(scored?.score?.value_score, 7.4);
    assert.equal(scored?.scoreCurrent, true);
    const relabeled = record('a', { labels: { ...label.labels!, intent: 'debug' } });
    assert.equal(isScoreCurrent(scoreRecord(label), relabeled.labels), false);
    assert.equal(isScoreCurrent(scoreRecord(label, { promptVersion: 'pass2-v0' }), label.labels), false);
  });
});
