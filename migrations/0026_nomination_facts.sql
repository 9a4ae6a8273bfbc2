-- Statistics (issue 14, bench/statistics.bench.ts): what the dashboards count of a nomination's form
-- (sector, 所属群体, a project's participations, a star's sex and age band) is read once per form version
-- by core's nominationFacts and kept here, so the figures are aggregates over short columns instead of
-- reading every form (and opening every sealed 身份证号) on each view. A row whose version is behind its
-- nomination's is read again before the figures are counted; a missing row likewise (so a restore or a
-- new rule only costs one slower view). Nothing here identifies a person: no number, no date, no name.
CREATE TABLE nomination_facts (
  nomination_id uuid PRIMARY KEY REFERENCES nominations (id) ON DELETE CASCADE,
  version integer NOT NULL,
  sector text NOT NULL,
  focus_groups text[] NOT NULL DEFAULT '{}',
  online bigint NOT NULL DEFAULT 0,
  offline bigint NOT NULL DEFAULT 0,
  sex text NOT NULL,
  age_band text NOT NULL
);
