/**
 * Peak memory of a measured child (measured-child.ts). Its own module, with
 * nothing else in it: the child imports only this, so what the bench
 * measures holds the code under test and not the bench's build tooling
 * (measured-child.ts loads esbuild, which no deployed function does).
 */
export interface Peaks {
  peakRss: number;
  peakHeap: number;
}

/** Samples RSS and heap every 10 ms until stopped; the peaks include the last sample. */
export function sampleMemory(): { stop(): Peaks } {
  const peaks: Peaks = { peakRss: 0, peakHeap: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peaks.peakRss = Math.max(peaks.peakRss, m.rss);
    peaks.peakHeap = Math.max(peaks.peakHeap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 10);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}
