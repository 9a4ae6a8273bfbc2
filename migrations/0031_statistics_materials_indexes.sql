-- Statistics (issue 14, bench/statistics.bench.ts): the material-quality chart counts a scope's files and
-- failed files, then reads the findings of the failed ones. The first is an index-only count over
-- (nomination, state); the second starts from the failed files alone (about one in eight).
CREATE INDEX materials_statistics ON materials (nomination_id) INCLUDE (state);
CREATE INDEX materials_failed ON materials (nomination_id) WHERE state = 'failed';
