import { strict as assert } from 'node:assert';
import type { InputIssue } from '../../../../src/core/model/conversation';
import { compactTags, issueLensTitle, lensText, rowLensTitle } from '../../../../src/core/views/lensTitle';
import { failedRecord, record, scoreRecord, view } from './fixtures';

describe('core/views/lensTitle', () => {
  it('shows intent, difficulty and the first language / domain / task', () => {
    assert.equal(compactTags(record('a')), 'build · intermediate · python / web-backend / feature-implementation');
    assert.equal(rowLensTitle([view('labeled', record('a'))]), '$(tag) build · intermediate · python / web-backend / feature-implementation');
  });

  it('marks heuristic, outdated and partial labels', () => {
    assert.match(rowLensTitle([view('labeled', record('a', { labeler: 'heuristic' }))]), /\(heuristic\)$/);
    assert.match(rowLensTitle([view('outdated', record('a'))]), /\(outdated taxonomy or prompts\)$/);
    assert.match(rowLensTitle([view('partial', record('a', { status: 'partial' }))]), /\(partial\)$/);
  });

  it('says "not labeled", "stale" and "failed: reason"', () => {
    assert.equal(rowLensTitle([view('not-labeled', undefined)]), '$(circle-outline) not labeled');
    assert.equal(rowLensTitle([view('stale', record('old'))]), '$(warning) stale: edited since it was labeled');
    assert.equal(rowLensTitle([view('failed', failedRecord('f', 'HTTP 400: prompt too long'))]), '$(error) failed: HTTP 400: prompt too long');
  });

  it('counts the labeled replies of a multi-turn row and shows the last reply\'s tags', () => {
    const title = rowLensTitle([view('labeled', record('a'), 1, 3), view('not-labeled', undefined, 2, 3), view('labeled', record('c'), 3, 3)]);
    assert.equal(title, '$(tag) 2/3 replies · build · intermediate · python / web-backend / feature-implementation');
    assert.equal(rowLensTitle([]), '$(circle-slash) no assistant reply to label');
  });

  it('keeps text from outside to one short line without icon syntax', () => {
    assert.equal(lensText('a\n  b $(gear) c', 80), 'a b $ (gear) c');
    assert.equal(lensText('x'.repeat(100), 10), `${'x'.repeat(9)}…`);
    const title = rowLensTitle([view('failed', failedRecord('f', 'boom $(flame)\nsecond line'))]);
    assert.equal(title, '$(error) failed: boom $ (flame) second line');
  });

  it('titles a row that is not a conversation with its first error', () => {
    const issues: InputIssue[] = [
      { file: 'd.jsonl', line: 3, severity: 'warning', code: 'unknown-format', message: 'unknown format' },
      { file: 'd.jsonl', line: 3, severity: 'error', code: 'invalid-json', message: 'invalid JSON: Unexpected token $(x)' },
    ];
    assert.equal(issueLensTitle(issues), '$(error) invalid JSON: Unexpected token $ (x) (+1 more)');
    assert.equal(issueLensTitle([]), '$(warning) not a conversation');
  });

  it('adds the value score once the labels shown were scored', () => {
    const label = record('a');
    const scored = { ...view('labeled', label), score: scoreRecord(label), scoreCurrent: true };
    assert.equal(rowLensTitle([scored]), '$(tag) build · intermediate · python / web-backend / feature-implementation · value 7.4');
    assert.ok(!rowLensTitle([{ ...scored, scoreCurrent: false }]).includes('value'), 'a score of earlier labels was shown');
    assert.ok(!rowLensTitle([{ ...scored, score: scoreRecord(label, { status: 'failed' }) }]).includes('value'));
  });
});
