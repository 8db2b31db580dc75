// The ordered list of migrations; add new ones here (name = timestamp + purpose) so built and source runs agree.
import type { Migration } from 'kysely';
import * as foundation from './20261123_0001_foundation.js';

export const migrations: Record<string, Migration> = {
  '20261123_0001_foundation': foundation,
};
