-- Prefix search on ID numbers: the unique index uses the database collation, which LIKE 'prefix%' cannot use on
-- non-C collations (e.g. Debian's C.UTF-8 server); a pattern-ops index serves it on both engines.
CREATE INDEX person_identity_pattern_idx ON person (identity_key varchar_pattern_ops);
