-- Every state, status, category, level, type, role and set key column holds only the codes core defines
-- (issue #11, item 4). Columns checked since their table was made (nominations.category, materials.state,
-- export_packages.state, paper_dispatches.state and scan_format, calendar_overrides.kind,
-- previous_winners.category) keep their checks. test/server/migration-column-checks.test.ts compares
-- every list here with core, so a code added in core without a migration fails there.
-- No code was ever renamed, so rows written by earlier versions already satisfy these checks.

ALTER TABLE organisations
  ADD CONSTRAINT organisations_type_check CHECK (type IN (
    'platform', 'national_organiser', 'provincial_edu', 'planned_city_edu', 'corps_edu', 'trade_union',
    'senior_university', 'association_branch', 'enterprise', 'city_edu', 'direct_admin_edu', 'university',
    'other_unit'
  ));

-- Every role of an account is a known role (cardinality > 0 is checked since 0001).
ALTER TABLE accounts
  ADD CONSTRAINT accounts_roles_known_check CHECK (roles <@ ARRAY[
    'platform_admin', 'organiser_admin', 'unit_submitter', 'expert', 'approver'
  ]::text[]);

ALTER TABLE campaigns
  ADD CONSTRAINT campaigns_level_check CHECK (level IN ('national', 'provincial', 'city')),
  ADD CONSTRAINT campaigns_status_check CHECK (status IN (
    'draft', 'open', 'reviewing', 'announcing', 'approved', 'published'
  ));

ALTER TABLE nominations
  ADD CONSTRAINT nominations_state_check CHECK (state IN (
    'draft', 'submitted', 'returned', 'accepted', 'withdrawn', 'shortlisted', 'not_selected', 'selected',
    'forwarded'
  ));

ALTER TABLE previous_winners
  ADD CONSTRAINT previous_winners_level_check CHECK (level IN ('national', 'provincial', 'city'));

ALTER TABLE materials
  ADD CONSTRAINT materials_set_key_check CHECK (set_key IN ('star', 'project', 'specialStar', 'specialProject'));
