import { strict as assert } from 'node:assert';
import type { ZodType } from 'zod';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  CategorySchema,
  fieldsOf,
  RootFileSchema,
  SELECT_MODES,
  SubcategorySchema,
  TagFileSchema,
  TagSchema,
} from '../../../../src/core/taxonomy/schema';
import { DIMENSIONS } from '../../../../src/core/model/labels';

interface JsonSchemaObject {
  required?: string[];
  properties: Record<string, { enum?: unknown[]; anyOf?: { enum?: unknown[] }[] }>;
}

const schemaPath = join(resolve(__dirname, '../../../..'), 'taxonomy', 'taxonomy.schema.json');
const jsonSchema = JSON.parse(readFileSync(schemaPath, 'utf8')) as {
  $schema: string;
  definitions: Record<string, JsonSchemaObject>;
};

/** The JSON Schema drives editor completion; the zod schemas drive validation. They must agree. */
describe('core/taxonomy/schema (JSON Schema for the YAML language server)', () => {
  it('is draft-07', () => {
    assert.equal(jsonSchema.$schema, 'http://json-schema.org/draft-07/schema#');
  });

  it('declares the same fields and required fields as the zod schemas', () => {
    const pairs = [
      ['rootFile', RootFileSchema],
      ['tagFile', TagFileSchema],
      ['category', CategorySchema],
      ['subcategory', SubcategorySchema],
      ['tag', TagSchema],
    ] as const;
    for (const [name, zodSchema] of pairs) {
      const def = jsonSchema.definitions[name];
      assert.deepEqual(Object.keys(def.properties).sort(), [...fieldsOf(zodSchema)].sort(), name);
      const shape = zodSchema.shape as Record<string, ZodType>;
      const required = fieldsOf(zodSchema).filter((f) => !shape[f].safeParse(undefined).success);
      assert.deepEqual([...(def.required ?? [])].sort(), required.sort(), name);
    }
  });

  it('offers the select modes, calls and the nine category ids', () => {
    const category = jsonSchema.definitions.category.properties;
    assert.deepEqual(category.select.enum, [...SELECT_MODES]);
    assert.deepEqual(category.call.enum, [1, 2]);
    const dimension = jsonSchema.definitions.dimension as unknown as { anyOf: { enum?: string[] }[] };
    assert.deepEqual(dimension.anyOf[0].enum, [...DIMENSIONS]);
  });
});
