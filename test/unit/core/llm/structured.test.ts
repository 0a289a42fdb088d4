import { strict as assert } from 'node:assert';
import { z } from 'zod';
import {
  ANSWER_SCHEMA_CLOSE,
  ANSWER_SCHEMA_OPEN,
  buildStructuredRequest,
  isResponseFormatRejection,
  nextRung,
  parseJsonAnswer,
  rememberRung,
  rememberedRung,
  resetResponseFormatCache,
} from '../../../../src/core/llm/structured';
import type { ChatRequest } from '../../../../src/core/llm/types';

const Answer = z.object({ intent: z.enum(['learn', 'build']), score: z.number().min(0).max(1) }).strict();

describe('core/llm/structured', () => {
  describe('parseJsonAnswer', () => {
    it('accepts a bare JSON object', () => {
      assert.deepEqual(parseJsonAnswer('{"intent":"learn","score":0.5}', Answer), { ok: true, value: { intent: 'learn', score: 0.5 } });
    });

    it('strips code fences and prose around the object', () => {
      const text = 'Sure! Here you go:\n```json\n{"intent": "build", "score": 1}\n```\nHope that helps {smile}.';
      assert.deepEqual(parseJsonAnswer(text, Answer), { ok: true, value: { intent: 'build', score: 1 } });
    });

    it('skips a brace in leading prose and braces inside strings', () => {
      const text = 'I used {curly} notes. {"intent":"learn","score":0.2,"x":"}{"}';
      const loose = z.object({ intent: z.string(), score: z.number(), x: z.string() });
      assert.deepEqual(parseJsonAnswer(text, loose), { ok: true, value: { intent: 'learn', score: 0.2, x: '}{' } });
    });

    it('says so when there is no JSON at all', () => {
      const result = parseJsonAnswer('I think the user wants to learn.', Answer);
      assert.equal(result.ok, false);
      assert.match(!result.ok ? result.error : '', /^No JSON object found in the answer \(it starts with "I think/);
      assert.deepEqual(parseJsonAnswer('   ', Answer), { ok: false, error: 'The answer is empty.' });
    });

    it('reports invalid JSON briefly', () => {
      const result = parseJsonAnswer('{"intent": "learn", score: 1}', Answer);
      assert.equal(result.ok, false);
      assert.match(!result.ok ? result.error : '', /^The answer's JSON is invalid: /);
      assert.ok(!result.ok && result.error.length < 220);
    });

    it('names at most three zod issues with their paths', () => {
      const Wide = z.object({ a: z.number(), b: z.number(), c: z.number(), d: z.number(), e: z.object({ f: z.string() }) });
      const result = parseJsonAnswer('{"e":{"f":1}}', Wide);
      assert.equal(result.ok, false);
      const error = !result.ok ? result.error : '';
      assert.match(error, /^The JSON does not match the schema: a: .*; b: .*; c: .* \(\+2 more\)$/);
      const bad = parseJsonAnswer('{"intent":"sing","score":3}', Answer);
      assert.match(!bad.ok ? bad.error : '', /intent: .*; score: .*<=1/i);
    });
  });

  describe('response-format ladder', () => {
    const req: ChatRequest = {
      messages: [
        { role: 'system', content: 'Label it.' },
        { role: 'user', content: 'hi' },
      ],
      temperature: 0,
      maxTokens: 10,
      schema: { name: 'call 1!', jsonSchema: { type: 'object', properties: { a: { type: 'string' } } } },
    };

    afterEach(() => resetResponseFormatCache());

    it('sends a strict json_schema with a sanitised name on the top rung', () => {
      const parts = buildStructuredRequest(req, 'json_schema');
      assert.deepEqual(parts.response_format, {
        type: 'json_schema',
        json_schema: { name: 'call_1_', strict: true, schema: req.schema.jsonSchema },
      });
      assert.equal(parts.messages, req.messages);
    });

    it('puts the schema between markers in the system message on lower rungs', () => {
      for (const rung of ['json_object', 'prompt'] as const) {
        const parts = buildStructuredRequest(req, rung);
        assert.deepEqual(parts.response_format, rung === 'json_object' ? { type: 'json_object' } : undefined);
        const system = parts.messages[0]!.content;
        assert.ok(system.startsWith('Label it.\n\n'));
        const embedded = system.slice(system.indexOf(ANSWER_SCHEMA_OPEN) + ANSWER_SCHEMA_OPEN.length, system.indexOf(ANSWER_SCHEMA_CLOSE));
        assert.deepEqual(JSON.parse(embedded), { title: 'call_1_', ...req.schema.jsonSchema });
        assert.match(system, /JSON/);
        assert.equal(req.messages[0]!.content, 'Label it.', 'the caller\'s messages are not mutated');
      }
    });

    it('adds a system message when there is none', () => {
      const parts = buildStructuredRequest({ ...req, messages: [{ role: 'user', content: 'hi' }] }, 'prompt');
      assert.equal(parts.messages[0]!.role, 'system');
      assert.equal(parts.messages.length, 2);
    });

    it('steps down and remembers per endpoint and model, never back up', () => {
      assert.equal(nextRung('json_schema'), 'json_object');
      assert.equal(nextRung('json_object'), 'prompt');
      assert.equal(nextRung('prompt'), undefined);
      assert.equal(rememberedRung('http://a/v1', 'm'), 'json_schema');
      rememberRung('http://a/v1/', 'm', 'prompt');
      rememberRung('http://a/v1', 'm', 'json_object');
      assert.equal(rememberedRung('http://a/v1', 'm'), 'prompt');
      assert.equal(rememberedRung('http://a/v1', 'other'), 'json_schema');
      resetResponseFormatCache();
      assert.equal(rememberedRung('http://a/v1', 'm'), 'json_schema');
    });

    it('recognises servers rejecting the response_format', () => {
      assert.ok(isResponseFormatRejection('response_format json_schema is not supported by this server.'));
      assert.ok(isResponseFormatRejection("Invalid schema for response_format 'x': ..."));
      assert.ok(!isResponseFormatRejection('max_tokens must be at least 1'));
    });
  });
});
