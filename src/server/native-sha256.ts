// Node's native SHA-256 for the engine's fingerprints (same digest as the engine's own, several times faster).
import { createHash } from 'node:crypto';
import type { Sha256Factory } from '../engine/fingerprint.js';

export const nativeSha256: Sha256Factory = () => createHash('sha256');
