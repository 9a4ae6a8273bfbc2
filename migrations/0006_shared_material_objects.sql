-- Forwarding (issue #10, item 3): a forwarded nomination's files are rows of their own that share the
-- stored bytes (and previews) of the rows they were copied from. Bytes are removed only when no row
-- refers to them any more; these indexes make that question cheap.
-- The row this one was copied from when its nomination was forwarded: a record, not a reference (the
-- source row may since be gone).
ALTER TABLE materials ADD COLUMN copied_from uuid;
CREATE INDEX materials_storage_key ON materials (storage_key);
CREATE INDEX materials_preview_key ON materials (preview_key) WHERE preview_key IS NOT NULL;
