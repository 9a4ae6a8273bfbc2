-- The one-time password an account was given (creation, reset) stays known as a hash after it is changed,
-- so it can never be chosen as the account's own password later: it was seen by whoever handed it over.
ALTER TABLE accounts ADD COLUMN one_time_password_hash text;
