-- Evidence files (photos, scans) attached to records; kept in the database so that one backup holds everything.
CREATE TABLE attachment (
  id           bigserial PRIMARY KEY,
  owner_type   text NOT NULL CHECK (owner_type IN ('rectification')),
  owner_id     bigint NOT NULL,
  file_name    text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size_bytes   integer NOT NULL CHECK (size_bytes > 0),
  sha256       varchar(64) NOT NULL,
  data         bytea NOT NULL,
  uploaded_by  bigint REFERENCES user_account(id),
  uploaded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attachment_owner_idx ON attachment (owner_type, owner_id, id);
