/** Reads docs/loopback-api.yaml and checks real answers against it (the JSON Schema subset the document uses). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

type Schema = Record<string, any>;
export type OpenApi = Record<string, any>;

/** The API document as written in docs/. */
export function loadLoopbackApi(): OpenApi {
  return parse(readFileSync(fileURLToPath(new URL('../../../../docs/loopback-api.yaml', import.meta.url)), 'utf8'));
}

/** Follows a local `$ref` (`#/components/…`). */
export function resolve(doc: OpenApi, node: Schema): Schema {
  if (typeof node?.$ref !== 'string') return node;
  const target = (node.$ref as string).replace(/^#\//, '').split('/').reduce((at: any, key) => at?.[key], doc);
  if (!target) throw new Error(`unresolved $ref ${node.$ref}`);
  return resolve(doc, target);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Problems of `value` against `schema`, each naming where; empty when it conforms. */
export function schemaProblems(doc: OpenApi, schemaNode: Schema, value: unknown, at = '$'): string[] {
  const schema = resolve(doc, schemaNode);
  const problems: string[] = [];
  if (schema.type !== undefined) {
    const types = ([] as string[]).concat(schema.type);
    const actual = typeOf(value);
    if (!types.includes(actual) && !(actual === 'integer' && types.includes('number'))) return [`${at}: ${actual} is not ${types.join('|')}`];
  }
  if ('const' in schema && value !== schema.const) problems.push(`${at}: ${JSON.stringify(value)} is not ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${at}: ${JSON.stringify(value)} not in enum`);
  if (typeof value === 'string' && schema.pattern && !new RegExp(schema.pattern).test(value)) problems.push(`${at}: does not match ${schema.pattern}`);
  if (schema.oneOf) {
    const matching = schema.oneOf.filter((option: Schema) => schemaProblems(doc, option, value, at).length === 0);
    if (matching.length !== 1) problems.push(`${at}: matches ${matching.length} of oneOf`);
  }
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => problems.push(...schemaProblems(doc, schema.items, item, `${at}[${i}]`)));
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in object)) problems.push(`${at}: missing ${key}`);
    for (const [key, child] of Object.entries(object)) {
      const property = schema.properties?.[key];
      if (property) problems.push(...schemaProblems(doc, property, child, `${at}.${key}`));
      else if (schema.additionalProperties === false) problems.push(`${at}: unexpected property ${key}`);
      else if (typeof schema.additionalProperties === 'object') problems.push(...schemaProblems(doc, schema.additionalProperties, child, `${at}.${key}`));
    }
  }
  return problems;
}

/** Problems of one real answer against the documented operation: status documented, body schema, headers. */
export function answerProblems(doc: OpenApi, path: string, method: string, answer: { status: number; headers: Record<string, unknown>; json: unknown }): string[] {
  const operation = doc.paths?.[path]?.[method.toLowerCase()];
  // Another method on a documented path: the document's MethodNotAllowed answer.
  const wrongMethod = !operation && doc.paths?.[path] && answer.status === 405;
  if (!operation && !wrongMethod) return [`${method} ${path} is not documented`];
  const responseNode = wrongMethod ? doc.components.responses.MethodNotAllowed : operation.responses?.[String(answer.status)];
  if (!responseNode) return [`${method} ${path} answered ${answer.status}, which is not documented`];
  const response = resolve(doc, responseNode);
  const problems: string[] = [];
  const schema = response.content?.['application/json']?.schema;
  if (!schema) problems.push(`${method} ${path} ${answer.status}: no JSON schema documented`);
  else problems.push(...schemaProblems(doc, schema, answer.json).map((p) => `${method} ${path} ${answer.status} ${p}`));
  for (const [name, headerNode] of Object.entries(response.headers ?? {})) {
    const header = resolve(doc, headerNode as Schema);
    const actual = answer.headers[name.toLowerCase()];
    // Headers are required unless the document says `required: false` (Smsit-Signature: only on proof requests).
    if (actual === undefined) {
      if (header.required !== false) problems.push(`${method} ${path} ${answer.status}: header ${name} missing`);
    }
    else if (header.schema) problems.push(...schemaProblems(doc, header.schema, actual, `header ${name}`).map((p) => `${method} ${path} ${answer.status} ${p}`));
  }
  return problems;
}
