import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Key derivation is deliberately slow (scrypt at OWASP strength): allow for it.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
