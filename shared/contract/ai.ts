import { z } from 'zod';
import { LocalDateSchema } from './reports.js';

/** A table an answer stands on: the columns in order, and rows of plain values. */
export const TableSchema = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
});

/** A chart drawn from the table's own columns, chosen from its shape. */
export const ChartSpecSchema = z.object({
  kind: z.enum(['bar', 'line', 'pie']),
  /** The category or date column. */
  x: z.string(),
  /** The numeric column. */
  y: z.string(),
  title: z.string(),
});

export const EngineSchema = z.enum(['model', 'offline']);

export const AskInputSchema = z.object({ question: z.string().trim().min(2, 'ask a question').max(500) }).strict();

export const AskResultSchema = z.object({
  engine: EngineSchema,
  /** Why the offline interpreter answered (no key configured, or the endpoint failed). */
  engineNote: z.string().nullable(),
  answered: z.boolean(),
  answer: z.string(),
  /** What was answered, in words: the measure, who, the dates and the zone ("Hours worked by …"). */
  interpretation: z.string().nullable(),
  /** The period the answer is about: explicit local dates, "now", or null (nothing answered, or free SQL). */
  period: z.union([z.object({ from: z.string(), to: z.string() }), z.literal('now')]).nullable(),
  table: TableSchema.nullable(),
  chart: ChartSpecSchema.nullable(),
  /** How I got this: each tool called with its input, and any SQL run. */
  steps: z.array(
    z.object({
      tool: z.string(),
      input: z.record(z.string(), z.unknown()),
      rows: z.number().int(),
      sql: z.string().optional(),
      error: z.string().optional(),
    }),
  ),
});

export const SqlInputSchema = z.object({ sql: z.string().min(1).max(20_000) }).strict();

export const SqlResultSchema = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), z.unknown())),
  truncated: z.boolean(),
  /** Why the rows were cut: past the row limit, or past the byte limit. */
  truncatedBy: z.enum(['rows', 'bytes']).nullable(),
});

export const AiStatusSchema = z.object({
  configured: z.boolean(),
  baseUrl: z.string().nullable(),
  model: z.string().nullable(),
  /** Where the key comes from; the key itself never leaves the main process. */
  keySource: z.enum(['environment', 'secrets-file']).nullable(),
});

/** Sets the AI endpoint from the manager screens; the key goes in and never comes back out. */
export const AiConfigureInputSchema = z
  .object({
    apiKey: z.string().trim().min(8, 'an API key is at least 8 characters').max(400).optional(),
    baseUrl: z.url().max(400).optional(),
    model: z.string().trim().min(1).max(120).optional(),
    /** Forget the stored settings: the offline interpreter answers again. */
    clear: z.boolean().optional(),
  })
  .strict();

export const SummaryInputSchema = z.object({ period: z.enum(['day', 'week']).default('day'), date: LocalDateSchema.optional() }).strict();

export const SummarySchema = z.object({
  engine: EngineSchema,
  engineNote: z.string().nullable(),
  period: z.enum(['day', 'week']),
  range: z.object({ from: z.string(), to: z.string() }),
  text: z.string(),
  /** The numbers the text may use, from the reports; a fact about one person names them (the text may name no one else). */
  facts: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      value: z.number(),
      employee: z.object({ code: z.string(), name: z.string() }).optional(),
      /** The local dates it is about (a session to review, a missing OUT). */
      dates: z.array(z.string()).optional(),
      /** A local time (HH:MM) it is about, such as a late first IN; the text may write it. */
      time: z.string().optional(),
    }),
  ),
});

export type Table = z.infer<typeof TableSchema>;
export type Summary = z.infer<typeof SummarySchema>;
export type ChartSpec = z.infer<typeof ChartSpecSchema>;
export type AskResult = z.infer<typeof AskResultSchema>;
export type SqlResult = z.infer<typeof SqlResultSchema>;
export type AiStatus = z.infer<typeof AiStatusSchema>;
