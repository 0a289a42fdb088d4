/**
 * Per-file figures for folder and workspace scopes: the sortable file ranking with keep rates.
 * Pure (bundled into the browser).
 */
import { groupConversations } from './conversationSummary';
import { KEEP_RATE_THRESHOLDS, SCORE_KEYS, type FileSummary, type SampleRow, type ScoreKey } from './model';
import { mean, round } from './numbers';
import { valuesOf } from './scoringSummary';

/** One entry per file of the scope (files without samples included), in scope order. */
export function fileRankingOf(rows: readonly SampleRow[], fileCount: number): FileSummary[] {
  const byFile: SampleRow[][] = Array.from({ length: fileCount }, () => []);
  for (const r of rows) byFile[r.file]?.push(r);
  return byFile.map((fileRows, file) => {
    const scored = fileRows.filter((r) => r.scores !== null);
    const meanScores: Partial<Record<ScoreKey, number>> = {};
    for (const key of SCORE_KEYS) {
      const m = mean(valuesOf(scored, key));
      if (m !== null) meanScores[key] = m;
    }
    const rankKey = scored.some((r) => r.scores!.selection !== null) ? 'selection' : 'value';
    const ranked = valuesOf(scored, rankKey);
    const keepRates: Record<string, number> = {};
    if (ranked.length > 0) {
      for (const t of KEEP_RATE_THRESHOLDS) keepRates[String(t)] = round(ranked.filter((v) => v >= t).length / ranked.length);
    }
    const conversations = groupConversations(fileRows);
    const turnSum = conversations.reduce((a, c) => a + c[0]!.turns, 0);
    return {
      file,
      samples: fileRows.length,
      labeled: fileRows.filter((r) => r.status === 'success').length,
      failed: fileRows.filter((r) => r.status === 'failed' || r.status === 'partial').length,
      scored: scored.length,
      mean: meanScores,
      keepRates,
      meanTurns: conversations.length ? round(turnSum / conversations.length, 2) : 0,
    };
  });
}
