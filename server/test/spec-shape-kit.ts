// The building blocks of the hand-written spec shapes (server/sandbox/*/spec-shapes.ts): an object that takes exactly
// the properties the spec lists (none required, nothing else), nullable values, enums and the spec's scalar types.
import { Type, type TSchema } from 'typebox';

export const closed = (properties: Record<string, TSchema>): TSchema =>
  Type.Object(Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, Type.Optional(v)])), {
    additionalProperties: false,
  });
export const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const oneOf = (...values: string[]) => Type.Union(values.map((v) => Type.Literal(v)));
export const str = Type.String();
export const bool = Type.Boolean();
export const int = Type.Integer();
export const dateTime = Type.String({ format: 'date-time' });
