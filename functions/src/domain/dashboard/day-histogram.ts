/**
 * Durations in whole days kept as counts per day, so the mean and exact
 * percentiles of 100,000 cycle times need a few hundred numbers, not 100,000.
 */
export class DayHistogram {
  private readonly counts = new Map<number, number>();
  private n = 0;
  private total = 0;

  add(days: number): void {
    this.counts.set(days, (this.counts.get(days) ?? 0) + 1);
    this.n++;
    this.total += days;
  }

  get count(): number {
    return this.n;
  }

  mean(): number | null {
    return this.n === 0 ? null : this.total / this.n;
  }

  /** Nearest-rank percentile: the smallest value with at least p % of the values at or below it. */
  percentile(p: number): number | null {
    if (this.n === 0) return null;
    const rank = Math.ceil((p / 100) * this.n);
    let seen = 0;
    for (const days of [...this.counts.keys()].sort((a, b) => a - b)) {
      seen += this.counts.get(days)!;
      if (seen >= rank) return days;
    }
    return null;
  }
}
