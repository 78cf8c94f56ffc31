-- Foundation: areas, departments, accounts, sessions, audit log.

CREATE TABLE area (
  code        varchar(12) PRIMARY KEY,
  name        text NOT NULL,
  level       text NOT NULL CHECK (level IN ('province', 'city', 'county', 'township', 'village')),
  parent_code varchar(12) REFERENCES area(code),
  county_code varchar(6) NOT NULL
);
CREATE INDEX area_parent_idx ON area (parent_code);
CREATE INDEX area_county_idx ON area (county_code, code);

CREATE TABLE department (
  code       text PRIMARY KEY,
  name       text NOT NULL UNIQUE,
  class      text NOT NULL CHECK (class IN ('close', 'related', 'emergency')),
  sort_order integer NOT NULL DEFAULT 0
);

CREATE TABLE user_account (
  id              bigserial PRIMARY KEY,
  username        varchar(64) NOT NULL UNIQUE,
  display_name    text NOT NULL,
  password_hash   text NOT NULL,
  role            text NOT NULL CHECK (role IN ('admin', 'county_office', 'county_leader', 'township_cadre',
                                               'village_cadre', 'department_user', 'helper', 'inspector')),
  area_code       varchar(12) NOT NULL REFERENCES area(code),
  department_code text REFERENCES department(code),
  phone           varchar(20),
  active          boolean NOT NULL DEFAULT true,
  failed_logins   integer NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (role <> 'department_user' OR department_code IS NOT NULL)
);

CREATE TABLE user_session (
  id           varchar(64) PRIMARY KEY,           -- sha256 of the cookie token, never the token itself
  user_id      bigint NOT NULL REFERENCES user_account(id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  client_ip    text
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  user_id     bigint,
  username    text,
  role        text,
  action      text NOT NULL,
  entity_type text NOT NULL,
  entity_id   text,
  before      jsonb,
  after       jsonb,
  client_ip   text
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_user_idx ON audit_log (username, at DESC);

-- Append-only: the audit log refuses UPDATE and DELETE on both engines.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
