/**
 * A small checker for the part of OpenAPI 3 schemas that Twilio's 2010-04-01 spec uses for
 * the answers the fake gives: $ref, type, nullable, properties, items, enum, pattern,
 * minLength/maxLength. It also reports properties the schema does not declare, so the fake
 * cannot drift into inventing fields. (No JSON-schema dependency for so little.)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Schema = {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
};

interface Spec {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
}

/** A subset of a twilio-oai spec kept beside this file (see its `x-source`): the 2010 API, IAM v1, or Accounts v1. */
export function loadApiSubset(which: 'api-v2010' | 'iam-v1' | 'accounts-v1' = 'api-v2010'): Spec {
  const path = fileURLToPath(new URL(`./twilio-oai/${which}-subset.json`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as Spec;
}

/** The schema of one documented answer, or null when the spec documents it without a body (204). */
export function responseSchema(spec: Spec, path: string, method: string, status: number): Schema | null {
  const response = spec.paths[path]?.[method]?.responses[String(status)];
  if (!response) throw new Error(`The spec documents no ${status} answer for ${method.toUpperCase()} ${path}`);
  return response.content?.['application/json']?.schema ?? null;
}

/** Every way `value` breaks `schema`, as readable paths ("$.status: not one of …"); empty when it fits. */
export function checkAgainstSchema(spec: Spec, schema: Schema, value: unknown, at = '$'): string[] {
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() ?? '';
    const target = spec.components.schemas[name];
    if (!target) return [`${at}: unknown $ref ${schema.$ref}`];
    return checkAgainstSchema(spec, { ...target, nullable: target.nullable ?? schema.nullable }, value, at);
  }
  if (value === null) return schema.nullable ? [] : [`${at}: null but not nullable`];
  const problems: string[] = [];
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${at}: ${JSON.stringify(value)} not one of ${JSON.stringify(schema.enum)}`);
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return [`${at}: expected a string`];
      if (schema.pattern && !new RegExp(schema.pattern).test(value)) problems.push(`${at}: does not match ${schema.pattern}`);
      if (schema.minLength !== undefined && value.length < schema.minLength) problems.push(`${at}: shorter than ${schema.minLength}`);
      if (schema.maxLength !== undefined && value.length > schema.maxLength) problems.push(`${at}: longer than ${schema.maxLength}`);
      break;
    case 'integer':
      if (!Number.isInteger(value)) problems.push(`${at}: expected an integer`);
      break;
    case 'number':
      if (typeof value !== 'number') problems.push(`${at}: expected a number`);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(`${at}: expected a boolean`);
      break;
    case 'array':
      if (!Array.isArray(value)) return [`${at}: expected an array`];
      value.forEach((item, i) => problems.push(...(schema.items ? checkAgainstSchema(spec, schema.items, item, `${at}[${i}]`) : [])));
      break;
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: expected an object`];
      if (!schema.properties) break; // a free-form map (e.g. subresource_uris)
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        const property = schema.properties[key];
        if (!property) problems.push(`${at}.${key}: not in the schema`);
        else problems.push(...checkAgainstSchema(spec, property, item, `${at}.${key}`));
      }
      break;
    }
  }
  return problems;
}
