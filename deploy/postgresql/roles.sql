-- Mukhbir's database and its two roles (ADR 0014), as a PostgreSQL superuser:
--   psql -v owner_pw="'…'" -v app_pw="'…'" -f deploy/postgresql/roles.sql
-- The owner migrates (MIGRATION_DATABASE_URL); the app runs as mukhbir_app (DATABASE_URL), which
-- the app itself grants exactly what it needs at every start (lib/db/grant-runtime-role.ts).
CREATE ROLE mukhbir_owner LOGIN PASSWORD :owner_pw;
CREATE ROLE mukhbir_app LOGIN PASSWORD :app_pw;
CREATE DATABASE mukhbir OWNER mukhbir_owner ENCODING 'UTF8' TEMPLATE template0;
\c mukhbir
ALTER SCHEMA public OWNER TO mukhbir_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON DATABASE mukhbir FROM PUBLIC;
GRANT CONNECT ON DATABASE mukhbir TO mukhbir_app;
-- Each app instance holds a pool (about 10) plus one LISTEN connection; the worker's jobs share it.
ALTER ROLE mukhbir_app CONNECTION LIMIT 200;
-- A statement or idle transaction that outlives the app's own bounds is ended by the server too.
ALTER ROLE mukhbir_app SET idle_in_transaction_session_timeout = '60s';
