// Guard: every package pinned in package-lock.json must accept the Node 20 line we run on (README, stack notes 0.1).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// semver ships no types and @types/semver is not worth a dependency for two calls.
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string, options?: { includePrerelease?: boolean }): boolean;
  minVersion(range: string): { version: string } | null;
};

interface LockPackage {
  version?: string;
  engines?: Record<string, string> | string[];
}
interface Lockfile {
  packages: Record<string, LockPackage>;
}

/** Old packages give `engines` as an array like ["node >= 0.8"]; read either shape. */
function nodeRange(engines: LockPackage['engines']): string | null {
  if (!engines) return null;
  if (Array.isArray(engines)) {
    const entry = engines.find((e) => /^\s*node\b/.test(e));
    return entry ? entry.replace(/^\s*node\s*/, '') : null;
  }
  return typeof engines.node === 'string' ? engines.node : null;
}

/** Installed packages (lockfile paths under node_modules) whose engines.node rejects `nodeVersion`. */
function packagesRejecting(lock: Lockfile, nodeVersion: string): string[] {
  const bad: string[] = [];
  for (const [path, pkg] of Object.entries(lock.packages)) {
    if (!path.includes('node_modules/')) continue; // '' is the project itself
    const range = nodeRange(pkg.engines);
    if (range === null || range.trim() === '' || range.trim() === '*') continue;
    if (!semver.satisfies(nodeVersion, range, { includePrerelease: true })) {
      bad.push(`${path.replace(/^.*node_modules\//, '')}@${pkg.version ?? '?'} (engines.node ${range}, at ${path})`);
    }
  }
  return bad.sort();
}

const root = new URL('../../', import.meta.url);
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as Lockfile;
const project = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { engines: { node: string } };

// The oldest Node 20 the project says it supports (">=20.19 <21 || >=22" → 20.19.0): packages must accept it.
const oldestNode20 = semver.minVersion(project.engines.node)?.version ?? '';

describe('Node 20 compatibility of the installed dependency tree', () => {
  it('the project still declares Node 20 as its oldest supported runtime', () => {
    expect(oldestNode20).toMatch(/^20\./);
  });

  it('no package in package-lock.json declares an engines.node range that excludes the oldest supported Node 20', () => {
    expect(packagesRejecting(lock, oldestNode20)).toEqual([]);
  });

  it('nor the Node 20 this machine runs, when it is a Node 20', () => {
    const running = process.versions.node;
    if (!running.startsWith('20.')) return;
    expect(packagesRejecting(lock, running)).toEqual([]);
  });

  it('flags a package that needs Node 22 (the case that slipped in with cookie 2 and content-disposition 3)', () => {
    const sample: Lockfile = {
      packages: {
        '': { version: '0.1.0', engines: { node: '>=22' } },
        'node_modules/ok': { version: '1.0.0', engines: { node: '>=18' } },
        'node_modules/legacy': { version: '0.2.0', engines: ['node >= 0.8'] },
        'node_modules/any': { version: '1.0.0', engines: { node: '*' } },
        'node_modules/a/node_modules/cookie': { version: '2.0.2', engines: { node: '>=22' } },
        'node_modules/old-only': { version: '1.0.0', engines: ['node < 18'] },
        'node_modules/split': { version: '11.0.0', engines: { node: '20 || >=22' } },
      },
    };
    expect(packagesRejecting(sample, '20.19.0')).toEqual([
      'cookie@2.0.2 (engines.node >=22, at node_modules/a/node_modules/cookie)',
      'old-only@1.0.0 (engines.node < 18, at node_modules/old-only)',
    ]);
  });
});
