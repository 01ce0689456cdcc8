import { badRequest } from './http/apiError';

/**
 * Request bodies are checked by small hand-written validators that also say what they accept as JSON Schema:
 * the OpenAPI document is made from the same objects, so what is documented is what is checked.
 */
export type JsonSchema = Record<string, unknown>;

export interface Schema<T> {
  readonly json: JsonSchema;
  readonly optional: boolean;
  /** The value as the handler may use it; throws a 400 ApiError naming the field (`at`) otherwise. */
  check(value: unknown, at: string): T;
}

type Infer<S> = S extends Schema<infer T> ? T : never;
export type ObjectOf<P extends Record<string, Schema<unknown>>> = { [K in keyof P]: Infer<P[K]> };

export function str(options: { max: number; min?: number; oneLine?: boolean; description?: string }): Schema<string> {
  const min = options.min ?? 1;
  return {
    json: { type: 'string', minLength: min, maxLength: options.max, ...(options.oneLine ? { pattern: '^[^\\r\\n]*$' } : {}), ...described(options.description) },
    optional: false,
    check(value, at) {
      if (typeof value !== 'string') throw badRequest(`${at} must be a string.`);
      if (value.length < min || value.length > options.max) throw badRequest(`${at} must be ${min} to ${options.max} characters long (it is ${value.length}).`);
      if (options.oneLine && /[\r\n]/.test(value)) throw badRequest(`${at} must be one line.`);
      return value;
    },
  };
}

export function int(options: { min: number; max: number; description?: string }): Schema<number> {
  return {
    json: { type: 'integer', minimum: options.min, maximum: options.max, ...described(options.description) },
    optional: false,
    check(value, at) {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < options.min || value > options.max) throw badRequest(`${at} must be a whole number from ${options.min} to ${options.max}.`);
      return value;
    },
  };
}

export function oneOf<T extends string>(values: readonly T[], description?: string): Schema<T> {
  return {
    json: { type: 'string', enum: [...values], ...described(description) },
    optional: false,
    check(value, at) {
      if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) throw badRequest(`${at} must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}.`);
      return value as T;
    },
  };
}

export function optional<T>(schema: Schema<T>): Schema<T | undefined> {
  return {
    json: schema.json,
    optional: true,
    check: (value, at) => (value === undefined ? undefined : schema.check(value, at)),
  };
}

/** An object with exactly these fields: a field it does not know is refused, not ignored (a typo would be). */
export function obj<P extends Record<string, Schema<unknown>>>(props: P, description?: string): Schema<ObjectOf<P>> {
  const required = Object.entries(props).filter(([, s]) => !s.optional).map(([k]) => k);
  return {
    json: { type: 'object', properties: Object.fromEntries(Object.entries(props).map(([k, s]) => [k, s.json])), ...(required.length ? { required } : {}), additionalProperties: false, ...described(description) },
    optional: false,
    check(value, at) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest(`${at} must be a JSON object.`);
      const record = value as Record<string, unknown>;
      const unknown = Object.keys(record).filter((k) => !Object.hasOwn(props, k));
      if (unknown.length > 0) throw badRequest(`${at} has ${unknown.length === 1 ? 'a field' : 'fields'} this route does not take: ${unknown.slice(0, 5).map((k) => JSON.stringify(k.slice(0, 40))).join(', ')}.`);
      const out: Record<string, unknown> = {};
      for (const [key, schema] of Object.entries(props)) {
        const v = Object.hasOwn(record, key) ? record[key] : undefined;
        if (v === undefined && !schema.optional) throw badRequest(`${at}.${key} is required.`);
        out[key] = schema.check(v, `${at}.${key}`);
      }
      return out as ObjectOf<P>;
    },
  };
}

function described(description: string | undefined): JsonSchema {
  return description ? { description } : {};
}
