/**
 * `accord schema`: the JSON Schema of a mapping file, generated from the very
 * zod schema that checks it (so the documented format cannot drift from the
 * one enforced), for editors and RevOps scripts that write mappings.
 */
import { parseArgs } from 'node:util';
import { z } from '../../shared/model/zod';
import { CalibrationMappingSchema } from '../../shared/engines/calibration/mapping';
import { ReviewMappingSchema } from '../../shared/engines/review/mapping';
import type { ExportIo } from './export-verify';

export const schemaUsage = `  schema mapping|review-mapping         print the JSON Schema of a calibration mapping
                                         (accord score --mapping) or of a review mapping
                                         (accord review --mapping)
`;

/** The file formats whose schema can be printed, and the title it is given. */
const schemas = {
  mapping: { schema: CalibrationMappingSchema, title: 'Accord calibration mapping (accord score --mapping)' },
  'review-mapping': { schema: ReviewMappingSchema, title: 'Accord SLA review mapping (accord review --mapping)' },
} as const;

/** The JSON Schema (draft 2020-12) of one mapping format. */
export function mappingJsonSchema(kind: keyof typeof schemas): Record<string, unknown> {
  const { schema, title } = schemas[kind];
  return { ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), title };
}

/** Runs `accord schema`; resolves with the exit code. */
export function schemaCommand(args: string[], io: ExportIo): number {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const kind = positionals[0];
  if (positionals.length !== 1 || !(kind === 'mapping' || kind === 'review-mapping')) {
    io.err(`accord schema: say which schema: mapping or review-mapping.\n\nUsage:\n${schemaUsage}`);
    return 2;
  }
  io.out(`${JSON.stringify(mappingJsonSchema(kind), null, 2)}\n`);
  return 0;
}
