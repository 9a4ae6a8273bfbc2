/** Expert review: rubrics, review totals, aggregation and ranking, recusal, assignment of reviews. */
export * from './assignment.ts';
export * from './assignment-input.ts';
export * from './conflict-facts.ts';
export * from './conflict-requests.ts';
export * from './conflicts.ts';
export * from './default-rubrics.ts';
export * from './manual-assignment.ts';
export * from './ranking.ts';
export * from './review-rules.ts';
export * from './review-states.ts';
export * from './review-total.ts';
export * from './round-states.ts';
export * from './rubric.ts';
export * from './score-sheet.ts';
export * from './sensitivity.ts';
