-- Statistics (issue 14, item 3): the dashboards aggregate a year's nominations by campaign. Each query
-- starts from the campaigns of the year and reads their nominations that were submitted and not
-- withdrawn; the index below serves them with the unit, category and state in it, and the submission
-- time for the timeline, so the counts need few heap reads. Forwarded copies are found through their
-- source for a province's view of the national round; materials through their nomination use 0005's index.
CREATE INDEX nominations_statistics ON nominations (campaign_id, state, category, unit_id, submitted_at)
  WHERE state NOT IN ('draft', 'withdrawn');
CREATE INDEX nominations_forwarded_from ON nominations (forwarded_from) WHERE forwarded_from IS NOT NULL;
