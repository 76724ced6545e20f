/**
 * How the functions run once deployed. The heap limits are set explicitly
 * (NODE_OPTIONS) rather than left to V8's guess from the instance size, so
 * that the benchmarks measure memory under the same limits.
 */
export const NODE_RUNTIME = "nodejs22";

/** Memory of each function's instance: the default size, which a full resync of 10,000 deposits fits. */
export const FUNCTION_MEMORY = "256Mi";

/** V8 old-space limit within that memory: the rest holds code, buffers and the runtime. */
export const FUNCTION_HEAP_MB = 160;

/**
 * V8 young-generation semi-space limit. V8's default (16 MiB per semi-space
 * on 64-bit hosts) lets short-lived garbage pile up to some 30 MiB more RSS
 * before a scavenge: too much in 256 MiB beside the old space. At 8 MiB the
 * documents bench (1,000 credit notes) peaks about 16 MiB lower for a few
 * more, shorter, scavenges (docs/deploy.md).
 */
export const FUNCTION_SEMI_SPACE_MB = 8;

/** The V8 flags every deployed function runs with (NODE_OPTIONS), and every bench's measured child. */
export const FUNCTION_NODE_FLAGS: readonly string[] = [
  `--max-old-space-size=${FUNCTION_HEAP_MB}`,
  `--max-semi-space-size=${FUNCTION_SEMI_SPACE_MB}`,
];
