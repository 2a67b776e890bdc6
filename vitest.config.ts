import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // MTM_TEST_BACKEND=postgres runs the same files against a shared server (tests/helpers/backend.ts).
    globalSetup: ['tests/helpers/backend-setup.ts'],
    pool: 'forks',
    // Key derivation is deliberately slow (scrypt at OWASP strength): allow for it.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
