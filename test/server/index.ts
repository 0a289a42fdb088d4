/** Public surface of the loopback OpenAI-compatible test server (see server.ts). */
export { startTestServer, DEFAULT_TEST_SERVER_OPTIONS } from './server';
export { sampleKey } from './requestInfo';
export { LOW_CONFIDENCE_MARKER, UNMAPPED_TAG_MARKER, UNMAPPED_VALUE } from './schemaAnswer';
export type { FaultKind, FaultRule, RequestLogEntry, TestServerHandle, TestServerOptions, TestServerStats } from './types';
