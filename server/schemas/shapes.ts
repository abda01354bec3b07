// Helpers for the API's TypeBox schemas. They serve two readers: Fastify (ajv validates requests, and
// fast-json-stringify writes 200 answers from the response schemas: a property missing from a schema is not
// sent, so every property the API answers must be listed) and the compiler (each schema's Static type is
// checked against the contract's type, so the two cannot drift apart).
import { Type, type Static, type TNull, type TSchema, type TUnion } from 'typebox';

/**
 * T or null. The static type is TypeBox's union; the JSON Schema is one type list (`"type": ["string", "null"]`),
 * which means the same and which fast-json-stringify writes directly, where an anyOf would make it validate
 * every value to pick a branch.
 */
export function Nullable<T extends TSchema>(schema: T): TUnion<[T, TNull]> {
  const { type } = schema as { type?: unknown };
  if (typeof type !== 'string') throw new Error('Nullable takes a schema of one "type"');
  return Type.Unsafe({ ...schema, type: [type, 'null'] }) as unknown as TUnion<[T, TNull]>;
}

/** One of the given strings, as `{"type": "string", "enum": [...]}` (written as a plain string). */
export function StringEnum<const T extends readonly string[]>(values: T) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
}

/** True when A and B are the same type (not merely assignable to each other: an optional property counts). */
type Same<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;

/** Compiles only when the schema's static type is the contract's type: `Agrees<StaticSame<typeof S, T>>`. */
export type Agrees<Result extends true> = Result;

export type StaticSame<S extends TSchema, T> = Same<Static<S>, T>;
