/**
 * The V8 settings of the API process, read by `npm start` (and so the image) and by the
 * benchmarks, which measure what production runs (docs/operations/sizing.md).
 *
 * - API_HEAP_MB (default 256), `--max-old-space-size`: a capped old generation makes V8 collect
 *   sooner. An Excel import allocates far more than it keeps, and with the defaults the process
 *   grows to ~500 MB of mostly garbage.
 * - API_SEMI_SPACE_MB (default 32), `--max-semi-space-size`: every request allocates its rows, DTOs
 *   and JSON and drops them at once; V8's default 16 MB semi-spaces fill every few dozen list
 *   requests under load, and each scavenge copies what is still in flight. 32 MB cut the API's CPU
 *   per list request by 5–20 %; 64 MB a little more, but took a 50,000-row Excel import over 400 MB.
 */
export function apiNodeFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  return [`--max-old-space-size=${env['API_HEAP_MB'] || '256'}`, `--max-semi-space-size=${env['API_SEMI_SPACE_MB'] || '32'}`];
}
