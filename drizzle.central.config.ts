import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src-main/db/central/schema.ts',
  out: './migrations/central',
});
