import assert from 'node:assert/strict';
import { emptyQuery } from '../../../src/core/dashboard/query';
import { summarize } from '../../../src/core/dashboard/summarize';
import { dashboardCsp, dashboardHtml } from '../../../src/shared/dashboardHtml';
import { MAX_PAGE_ROWS, parseToHost, parseToWebview, type ToHost, type ToWebview } from '../../../src/shared/dashboardProtocol';
import { defaultViewState, restoreViewState } from '../../../src/shared/dashboardState';
import { row, scores } from '../core/dashboard/rowFixtures';

const rows = [row({ tags: ['intent:build'], scores: scores({ value: 6 }), scoreState: 'scored' }), row({ turns: 2, conv: { value: 5, selection: 4, peakComplexity: 6 } })];
const summary = summarize({ scope: { kind: 'file', label: 'a.jsonl' }, files: [{ path: 'a.jsonl', sizeBytes: 3 }], rows, pool: { intent: ['build'] } });

const validToHost: ToHost[] = [
  { type: 'ready' },
  { type: 'query', requestId: 1, query: { ...emptyQuery(), tags: ['intent:build'], ranges: { value: { min: 5, max: 6 } }, conversation: { peakComplexity: { min: 7 } } }, offset: 0, limit: 100 },
  { type: 'detail', requestId: 2, file: 0, id: 's1:abc' },
  { type: 'open', file: 0, line: 12, id: 's1:abc' },
  { type: 'refresh' },
  { type: 'export' },
];

const validToWebview: ToWebview[] = [
  { type: 'loading', label: 'data/', filesDone: 1, filesTotal: 3, samples: 10 },
  { type: 'summary', summary, version: 3, scopeRef: { kind: 'file', paths: ['/x/a.jsonl'] }, capabilities: { open: true, export: true, refresh: true } },
  { type: 'page', requestId: 1, version: 3, total: 2, offset: 0, rows },
  { type: 'detail', requestId: 2, detail: null, error: 'gone' },
  { type: 'notice', level: 'warning', message: 'too big' },
];

describe('shared/dashboardProtocol', () => {
  it('accepts every valid message to the host, unchanged', () => {
    for (const m of validToHost) {
      const r = parseToHost(JSON.parse(JSON.stringify(m)));
      assert.ok(r.ok, `${m.type}: ${r.ok ? '' : r.error}`);
      assert.deepEqual(r.message, m);
    }
  });

  it('accepts every valid message to the webview, unchanged', () => {
    for (const m of validToWebview) {
      const r = parseToWebview(JSON.parse(JSON.stringify(m)));
      assert.ok(r.ok, `${m.type}: ${r.ok ? '' : r.error}`);
      assert.deepEqual(r.message, m);
    }
  });

  it('rejects malformed messages to the host, saying where', () => {
    const query = validToHost[1] as Extract<ToHost, { type: 'query' }>;
    const bad: [unknown, RegExp][] = [
      [null, /message/],
      [{ type: 'delete-everything' }, /type/],
      [{ ...query, limit: MAX_PAGE_ROWS + 1 }, /limit/],
      [{ ...query, offset: -1 }, /offset/],
      [{ ...query, query: { ...query.query, sort: { key: 'nonsense', dir: 'asc' } } }, /query\.sort\.key/],
      [{ ...query, query: { ...query.query, ranges: { value: { min: '5' } } } }, /query\.ranges\.value\.min/],
      [{ ...query, query: { ...query.query, lowConfidence: 'vibes' } }, /query\.lowConfidence/],
      [{ type: 'open', file: 0, line: 0, id: 'x' }, /line/],
      [{ type: 'open', file: 1.5, line: 3, id: 'x' }, /file/],
      [{ type: 'detail', requestId: 1, file: 0, id: 'x'.repeat(201) }, /id/],
    ];
    for (const [message, where] of bad) {
      const r = parseToHost(message);
      assert.equal(r.ok, false, JSON.stringify(message).slice(0, 80));
      if (!r.ok) assert.match(r.error, where);
    }
  });

  it('rejects malformed messages to the webview', () => {
    const page = validToWebview[2] as Extract<ToWebview, { type: 'page' }>;
    const bad: unknown[] = [
      { type: 'summary', summary: { ...summary, overview: { ...summary.overview, samples: -1 } }, version: 0, scopeRef: null, capabilities: { open: true, export: true, refresh: true } },
      { type: 'summary', summary, version: 0, scopeRef: null },
      { ...page, rows: [{ ...rows[0], status: 'maybe' }] },
      { ...page, rows: [{ ...rows[0], tags: 'intent:build' }] },
      { type: 'detail', requestId: 1, detail: { nope: true }, error: null },
      { type: 'notice', level: 'panic', message: 'x' },
    ];
    for (const message of bad) assert.equal(parseToWebview(message).ok, false, JSON.stringify(message).slice(0, 120));
  });
});

describe('shared/dashboardState', () => {
  it('restores saved state and keeps defaults for what is missing or invalid', () => {
    const saved = { ...defaultViewState(), scrollTop: 4200, keepRate: 7, query: { ...emptyQuery(), text: 'flask' }, scopeRef: { kind: 'folder', paths: ['/d'] } };
    assert.deepEqual(restoreViewState(JSON.parse(JSON.stringify(saved))), saved);
    const mixed = restoreViewState({ scrollTop: -5, barScale: 'log', query: { tags: 'oops' }, collapsed: ['tags'] });
    assert.equal(mixed.scrollTop, 0);
    assert.equal(mixed.barScale, 'log');
    assert.deepEqual(mixed.query, emptyQuery());
    assert.deepEqual(mixed.collapsed, ['tags']);
    assert.deepEqual(restoreViewState(undefined), defaultViewState());
    assert.deepEqual(restoreViewState('garbage'), defaultViewState());
  });
});

describe('shared/dashboardHtml', () => {
  const input = {
    cspSource: 'https://*.vscode-cdn.net',
    nonce: 'QUJDREVGR0hJSktMTU5PUFFS',
    scriptUri: 'https://x.vscode-cdn.net/dist/webview/dashboard.js',
    styleUri: 'https://x.vscode-cdn.net/dist/webview/dashboard.css',
    elementsUri: 'https://x.vscode-cdn.net/dist/webview/vscode-elements.js',
    title: 'SFT Dashboard: "a" <b>',
  };

  it('allows only nonce scripts and bundle styles, nothing inline or remote', () => {
    assert.equal(
      dashboardCsp(input.cspSource, input.nonce),
      `default-src 'none'; script-src 'nonce-${input.nonce}'; style-src ${input.cspSource}; img-src ${input.cspSource} data:; font-src ${input.cspSource}`,
    );
    const html = dashboardHtml(input);
    assert.doesNotMatch(html, /unsafe-(inline|eval)/);
    assert.doesNotMatch(html, /<style|style=|onerror=|onclick=/i);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.equal(scripts.length, 2);
    for (const s of scripts) assert.ok(s.includes(`nonce="${input.nonce}"`) && s.includes(' src='), s);
    assert.ok(html.includes('<script type="module"'), 'the element library is an ES module');
    assert.ok(html.includes('<title>SFT Dashboard: &#34;a&#34; &#60;b&#62;</title>'));
  });

  it('refuses a weak nonce', () => {
    assert.throws(() => dashboardHtml({ ...input, nonce: '123' }), /nonce/);
  });
});
