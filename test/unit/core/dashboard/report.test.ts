import assert from 'node:assert/strict';
import { encodeRows } from '../../../../src/core/dashboard/compactRows';
import { embedJson, REPORT_DATA_ELEMENT_ID, reportHtml, type ReportPayload } from '../../../../src/core/dashboard/report';
import { summarize } from '../../../../src/core/dashboard/summarize';
import { ReportPayloadSchema } from '../../../../src/shared/reportSchema';
import { row } from './rowFixtures';

const NONCE = 'abcdefghijklmnopqrstuvwx';
const hostile = '</script><script>alert(1)</script><!-- & \u2028';

function payload(): ReportPayload {
  const rows = [row({ query: hostile, tags: ['intent:build'] })];
  return {
    v: 1,
    summary: summarize({ scope: { kind: 'file', label: '<b>x</b>.jsonl' }, files: [{ path: 'x.jsonl', sizeBytes: 1 }], rows }),
    rows: encodeRows(rows),
    conversations: [[{ role: 'user', text: hostile, clipped: false }]],
    conversationsNote: null,
  };
}

/** The JSON text between the data element's tags. */
function embedded(html: string): string {
  const start = html.indexOf(`<script type="application/json" id="${REPORT_DATA_ELEMENT_ID}">`);
  const open = html.indexOf('>', start) + 1;
  return html.slice(open, html.indexOf('</script>', open));
}

describe('core/dashboard/report', () => {
  it('embeds JSON that no string can break out of, and that parses back unchanged', () => {
    const value = { text: hostile };
    const json = embedJson(value);
    assert.doesNotMatch(json, /[<>&\u2028]/);
    assert.deepEqual(JSON.parse(json), value);
  });

  it('writes one page: CSP with a nonce, nonce on every script and style, data intact', () => {
    const p = payload();
    const html = reportHtml(p, { css: 'body{}', elementsJs: 'export const x = "</script>";', dashboardJs: 'var a = 1;' }, NONCE);
    assert.match(html, new RegExp(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${NONCE}'; style-src 'nonce-${NONCE}'`));
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.equal(scripts.length, 3, 'the data script, the element module and the page bundle; nothing injected');
    for (const tag of scripts.filter((s) => !s.includes('application/json'))) assert.ok(tag.includes(`nonce="${NONCE}"`), tag);
    assert.ok(html.includes(`<style nonce="${NONCE}">`));
    assert.ok(html.includes('<\\/script>'), 'a closing tag inside inline code is neutralised');
    assert.ok(html.includes('<title>SFT dashboard: &#60;b&#62;x&#60;/b&#62;.jsonl</title>'));
    const data: unknown = JSON.parse(embedded(html));
    assert.deepEqual(data, JSON.parse(JSON.stringify(p)));
    assert.ok(ReportPayloadSchema.safeParse(data).success);
    assert.ok(!/https?:\/\//.test(html.replace(/<script type="module"[\s\S]*?<\/script>/, '')), 'no remote URL');
  });

  it('refuses a weak nonce', () => {
    assert.throws(() => reportHtml(payload(), { css: '', elementsJs: '', dashboardJs: '' }, 'short'), /nonce/);
    assert.throws(() => reportHtml(payload(), { css: '', elementsJs: '', dashboardJs: '' }, '"><script>aaaaaaaaaaaaa'), /nonce/);
  });
});
