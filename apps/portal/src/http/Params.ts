import { Effect } from "effect";
import { NotFound } from "./Errors.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

export const isUuid = (value: string): boolean => UUID.test(value);

/** A path id that must be a UUID; anything else cannot exist, so it is a 404, not a database error. */
export const idParam = (
  params: Readonly<Record<string, string>>,
  name: string,
  resource: string,
) => {
  const value = params[name];
  return value !== undefined && UUID.test(value)
    ? Effect.succeed(value.toLowerCase())
    : Effect.fail(new NotFound({ resource }));
};
