/** Stamped paper copies: the record's states, what to post, the facts recorded, the scan, where a unit stands. */
export * from './records.ts';
export * from './requirement.ts';
export * from './scan.ts';
export * from './states.ts';
export * from './status.ts';
