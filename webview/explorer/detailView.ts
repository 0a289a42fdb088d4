/**
 * The detail of one sample: labels with confidences, scores and sub-scores, how it was made, and the
 * conversation. Every dataset string is inserted as text (`h()` never parses markup).
 */
import { SCORE_KEYS, type SampleDetail } from '../../src/core/dashboard/model';
import { ARBITRATION_THRESHOLD } from '../../src/core/model/labels';
import { button, h } from '../dom';
import { fmtScore } from '../format';
import { SCORE_LABELS } from '../sections/scoring';

export interface DetailActions {
  /** Opens the sample in the editor (absent in a standalone report). */
  open?: () => void;
  /** Filters the explorer by a tag of the sample. */
  filterTag(token: string): void;
  fileName: string;
}

function section(title: string, ...children: (Node | null)[]): HTMLElement {
  return h('section', { class: 'detail-section' }, h('h3', {}, title), ...children);
}

function kv(entries: { name: string; value: string }[]): HTMLElement {
  return h('dl', { class: 'kv' }, ...entries.flatMap((e) => [h('dt', {}, e.name), h('dd', {}, e.value)]));
}

export function renderDetail(d: SampleDetail, actions: DetailActions): HTMLElement {
  const location = `${actions.fileName}:${d.line}`;
  const header = h(
    'header',
    { class: 'detail-header' },
    h('h3', { class: 'detail-title' }, d.displayId),
    h('p', { class: 'detail-meta' }, `reply ${d.turn} of ${d.turns} · ${d.thinking} · ${d.status}${d.labeler ? ` (${d.labeler})` : ''}`),
    h('p', { class: 'detail-meta mono' }, d.id),
    actions.open
      ? button(`Open ${location}`, actions.open, { class: 'primary-button', attrs: { 'data-action': 'open-detail' } })
      : h('p', { class: 'detail-meta mono' }, location),
  );

  const labels = h(
    'table',
    { class: 'data-table compact', attrs: { 'aria-label': 'Labels' } },
    h('tbody', {}, ...d.labels.map((l) =>
      h(
        'tr',
        {},
        h('th', { attrs: { scope: 'row' } }, l.dim),
        h('td', {}, l.tags.length
          ? h('span', { class: 'chips' }, ...l.tags.map((t) => button(t, () => actions.filterTag(`${l.dim}:${t}`), { class: 'chip clickable', attrs: { title: `List samples with ${l.dim}:${t}` } })))
          : h('span', { class: 'muted' }, '—')),
        h('td', { class: `num${l.confidence !== null && l.confidence < ARBITRATION_THRESHOLD ? ' warn-text' : ''}` }, l.confidence === null ? '' : fmtScore(l.confidence)),
      ),
    )),
  );

  const scores = d.scores
    ? section(
        'Scores',
        kv(SCORE_KEYS.filter((k) => d.scores![k] !== null).map((k) => ({ name: SCORE_LABELS[k], value: fmtScore(d.scores![k]) }))),
        d.subScores.length ? kv(d.subScores.map((s) => ({ name: s.name, value: s.value === null ? '–' : typeof s.value === 'boolean' ? (s.value ? 'yes' : 'no') : String(s.value) }))) : null,
        d.flags.length ? h('p', {}, 'Flags: ', h('span', { class: 'chips' }, ...d.flags.map((f) => h('span', { class: 'chip warn' }, f)))) : null,
      )
    : null;

  const conversation = d.conversation
    ? section(
        'Conversation',
        ...d.conversation.map((t, i) =>
          h(
            'div',
            { class: `turn role-${/^[a-z]+$/.test(t.role) ? t.role : 'other'}${i === d.conversation!.length - 1 ? ' reply' : ''}` },
            h('div', { class: 'turn-role' }, t.toolName ? `${t.role} · ${t.toolName}` : t.role, t.clipped ? ' (clipped)' : ''),
            t.reasoning ? h('details', { class: 'turn-reasoning' }, h('summary', {}, 'Reasoning'), h('pre', {}, t.reasoning)) : null,
            h('pre', { class: 'turn-text' }, t.text),
          ),
        ),
      )
    : null;

  return h(
    'article',
    { class: 'detail', attrs: { 'data-sample': d.id } },
    header,
    d.note ? h('p', { class: 'note' }, d.note) : null,
    section('Labels', labels, d.unmapped.length ? h('p', {}, 'Unmapped: ', h('span', { class: 'chips' }, ...d.unmapped.map((u) => h('span', { class: 'chip warn' }, u)))) : null),
    scores,
    d.facts.length ? section('How it was made', kv(d.facts)) : null,
    conversation,
  );
}
