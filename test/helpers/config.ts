// A valid configuration for tests, overridable per test.
import { loadConfig, type Config } from '../../src/server/config.js';

export function testConfig(overrides: Partial<Record<keyof Config, string>> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'false', ADMIN_PASSWORD: 'admin-password-123', ...overrides });
}
