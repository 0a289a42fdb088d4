import { strict as assert } from 'node:assert';
import { startTestServer, type TestServerHandle } from '../../../server';
import { adaptToRejection, resetModelQuirks } from '../../../../src/core/llm/modelQuirks';
import { parseJsonAnswer, resetResponseFormatCache } from '../../../../src/core/llm/structured';
import { chatRequest, LanguageAnswer, testClient } from './fixtures';

describe('core/llm/modelQuirks', () => {
  let server: TestServerHandle | undefined;
  beforeEach(() => {
    resetResponseFormatCache();
    resetModelQuirks();
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('reads OpenAI reasoning-model rejections, one change at a time', () => {
    const none = { maxCompletionTokens: false, omitTemperature: false };
    const tokens = "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.";
    const temp = "Unsupported value: 'temperature' does not support 0.1 with this model. Only the default (1) value is supported.";
    assert.deepEqual(adaptToRejection(tokens, none), { maxCompletionTokens: true, omitTemperature: false });
    assert.deepEqual(adaptToRejection(temp, none), { maxCompletionTokens: false, omitTemperature: true });
    assert.equal(adaptToRejection(tokens, { maxCompletionTokens: true, omitTemperature: false }), undefined, 'never loops');
    assert.equal(adaptToRejection('The prompt mentions temperature readings', none), undefined);
  });

  it('labels against a reasoning model by dropping max_tokens and temperature, and remembers it', async () => {
    server = await startTestServer({ reasoningModel: true });
    const { client, events } = testClient(server.url);
    const first = await client.complete(chatRequest('Fix this python crash'));
    assert.ok(parseJsonAnswer(first.text, LanguageAnswer).ok);
    assert.deepEqual(server.stats().byStatus, { '200': 1, '400': 2 });
    assert.equal(events.filter((e) => e.type === 'adapt').length, 2);
    await client.complete(chatRequest('Another python question'));
    assert.equal(server.stats().byStatus['200'], 2);
    assert.equal(server.stats().byStatus['400'], 2, 'the second call goes straight through');
  });
});
