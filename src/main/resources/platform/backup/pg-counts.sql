-- Rows per table of the connected database, one "<schema>.<table> <rows>" line each, sorted by name:
-- exact counts (count(*)), for comparing two copies of a database. Used by the pg-restore job and by
-- scripts/count-rows.sh; psql reads it from a file or stdin (meta-commands included).
\set QUIET on
\set ON_ERROR_STOP on
\pset format unaligned
\pset tuples_only on
\pset fieldsep ' '
\pset pager off
SELECT format('SELECT %L, count(*) FROM %I.%I', n.nspname || '.' || c.relname, n.nspname, c.relname)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
   AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
 ORDER BY n.nspname, c.relname
\gexec
