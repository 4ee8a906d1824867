/**
 * A promise that is resolved once, by its owner: what `connect to` waits for (the connection
 * has opened, failed or closed). Resolving it again is harmless; it never rejects.
 */
export class Settlement {
  readonly promise: Promise<void>;
  private resolve!: () => void;

  constructor() {
    this.promise = new Promise<void>((resolve) => {
      this.resolve = resolve;
    });
  }

  /** Resolves the promise (the first call counts). */
  settle(): void {
    this.resolve();
  }
}
