-- The registry of previous winners as organisers keep it (issue 10, item 7): one record per person or
-- programme, round and year, so that importing a list again updates it instead of adding it twice.
-- The natural key is computed here and in core (winner-import.ts, winnerNaturalKey); they must agree:
-- a person by 身份证号, a programme by 统一社会信用代码 and name, otherwise by name, province and unit.
ALTER TABLE previous_winners
  ADD COLUMN natural_key text GENERATED ALWAYS AS (
    coalesce(
      id_number,
      credit_code || '|' || name,
      name || '|' || coalesce(province_or_unit, '') || '|' || coalesce(work_unit, '')
    )
  ) STORED,
  ADD COLUMN version integer NOT NULL DEFAULT 1,
  ADD COLUMN updated_by uuid REFERENCES accounts (id),
  ADD COLUMN updated_at timestamptz;

-- Lists imported more than once before this migration: the first import of each record stays.
DELETE FROM previous_winners later
USING previous_winners earlier
WHERE later.organisation_id = earlier.organisation_id
  AND later.year = earlier.year
  AND later.level = earlier.level
  AND later.category = earlier.category
  AND later.natural_key = earlier.natural_key
  AND (later.imported_at, later.id) > (earlier.imported_at, earlier.id);

CREATE UNIQUE INDEX previous_winners_natural_key
  ON previous_winners (organisation_id, year, level, category, natural_key);
CREATE INDEX previous_winners_category ON previous_winners (category, organisation_id);
