/**
 * Schemas for overrides: the same fields as a full schema, every one optional and none
 * defaulted. Settings layer over one another (config file, then flags, then the door's
 * base); a default filled in at a layer that did not name the field would silently undo
 * the layer below it.
 */
import { z } from "zod";

/** `schema`'s fields, each optional with its default (if any) removed; strict like the original. */
export function overrideOf<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
): z.ZodObject<{ [K in keyof Shape]: z.ZodOptional<Shape[K]> }, z.core.$strict> {
  const fields: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    const bare = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field;
    const described = field.description !== undefined ? bare.describe(field.description) : bare;
    fields[key] = described.optional();
  }
  // The output type is the original's with every field optional: a default removed only
  // removes a value the caller did not give.
  return z.strictObject(fields) as unknown as z.ZodObject<
    { [K in keyof Shape]: z.ZodOptional<Shape[K]> },
    z.core.$strict
  >;
}
