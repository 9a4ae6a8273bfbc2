-- Issue 16, item 1: every instance of one platform must see the same stored files. With the disk store,
-- the first start writes a random token into the files folder (`.tuijie-files-folder`) and here; a later
-- start whose folder holds another token, or none, is another machine's folder, and is refused before it
-- serves a file that is not there. Left out of backups: a restore takes the files folder it is given.
CREATE TABLE files_folder (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  token text NOT NULL,
  marked_at timestamptz NOT NULL DEFAULT now()
);
