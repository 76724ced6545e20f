/**
 * One idempotency key per submission: created on the first attempt, reused by
 * every retry of the same content, replaced once the content changes or the
 * submission succeeded. A double click or a retry after a lost answer
 * therefore reaches the functions with the same key and creates one request.
 */
function randomKey(): string {
  const cryptoApi = globalThis.crypto;
  if (cryptoApi && typeof cryptoApi.randomUUID === "function") return cryptoApi.randomUUID().replace(/-/g, "");
  const bytes = new Uint8Array(16);
  cryptoApi.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export class SubmissionKey {
  private key: string | null = null;
  private content: string | null = null;

  /** The key for this content: the same one as long as the content has not changed. */
  for(content: unknown): string {
    const fingerprint = JSON.stringify(content);
    if (this.key === null || this.content !== fingerprint) {
      this.key = randomKey();
      this.content = fingerprint;
    }
    return this.key;
  }

  /** After a definitive answer (success or refusal), the next submission is a new one. */
  done(): void {
    this.key = null;
    this.content = null;
  }
}
