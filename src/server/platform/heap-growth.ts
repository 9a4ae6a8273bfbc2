/**
 * How far the server's heap may grow past what survived the last full garbage collection before the next
 * one starts (decision 0023). V8 picks that margin from how fast the old generation fills; a server whose
 * garbage all dies young (an upload's chunks, a request's objects) gets the smallest, 10%: about 7 MB over
 * the platform's ~70 MB. Under an upload the young generation grows to 64 MB per half, and V8 starts a full
 * collection whenever the margin left is smaller than that: one after another, every ~120 ms through a
 * 300 MB upload, which then spent more CPU marking the heap than receiving the file. A margin of the live
 * heap itself stays above the young generation for the heap this platform holds, at the cost of at most
 * that much memory before a collection.
 */
import v8 from 'node:v8';

const HEAP_GROWING_PERCENT = 100;

/** V8 reads the flag whenever a full collection ends and sets the next limit, so setting it at start is enough. */
export function growHeapForServing(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
