/**
 * The only globals src/core uses beyond ECMAScript, all present alike in Node 24 and in browsers (the
 * WHATWG/W3C APIs both implement). tsconfig.core.json compiles core with these and nothing else: no DOM, no
 * Node types, so core cannot come to need either.
 */
declare function structuredClone<T>(value: T): T;

declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}

declare const crypto: {
  readonly subtle: {
    digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
  };
};
