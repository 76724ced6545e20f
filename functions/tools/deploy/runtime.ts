/**
 * How the functions run once deployed. The heap limit is set explicitly
 * (NODE_OPTIONS) rather than left to V8's guess from the instance size, so
 * that the benchmarks measure memory under the same limit.
 */
export const NODE_RUNTIME = "nodejs22";

/** Memory of each function's instance: the default size, which a full resync of 10,000 deposits fits. */
export const FUNCTION_MEMORY = "256Mi";

/** V8 old-space limit within that memory: the rest holds code, buffers and the runtime. */
export const FUNCTION_HEAP_MB = 160;
