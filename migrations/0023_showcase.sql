-- The public showcase of published winners (issue #14 item 1): each winner's public text, edited by the
-- organiser from the form's 事迹 / project summary and approved before the public sees it, and the web
-- derivatives of their photos and videos (the originals are never served on the public site).
CREATE TABLE showcase_stories (
  nomination_id uuid PRIMARY KEY REFERENCES nominations (id),
  text text NOT NULL,
  -- draft: saved, not shown; approved: shown on the winner's public page.
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'approved')),
  version integer NOT NULL DEFAULT 1,
  edited_by uuid REFERENCES accounts (id),
  edited_at timestamptz NOT NULL,
  approved_by uuid REFERENCES accounts (id),
  approved_at timestamptz,
  CHECK ((state = 'approved') = (approved_at IS NOT NULL))
);

CREATE TABLE showcase_media (
  material_id uuid PRIMARY KEY REFERENCES materials (id) ON DELETE CASCADE,
  nomination_id uuid NOT NULL REFERENCES nominations (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('photo', 'video')),
  -- { "<name>": { "key": storage key, "bytes": n, "sha256": hex } } for w1280.jpg, w480.jpg, w1280.webp,
  -- w480.webp (photos), poster.jpg and web.mp4 (videos).
  files jsonb NOT NULL,
  width integer NOT NULL,
  height integer NOT NULL,
  made_at timestamptz NOT NULL
);
CREATE INDEX showcase_media_nomination ON showcase_media (nomination_id);
