// Request schema pieces shared by route modules.
import { Type } from 'typebox';

/**
 * `T` or null, with Null listed first: under ajv's coerceTypes the union's branches are tried in order and a null
 * tried against a string or number branch first is coerced to "" or 0 (so "clear this field" would store "" or 0, or
 * fail a minimum) instead of staying null.
 */
export const Nullable = <T extends Parameters<typeof Type.Optional>[0]>(t: T) => Type.Union([Type.Null(), t]);
