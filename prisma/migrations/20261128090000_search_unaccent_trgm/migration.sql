-- Accent- and case-insensitive student search backed by a trigram index.
-- Prisma's schema language cannot express extensions, functions or expression indexes, so this
-- migration is hand-written; Prisma Migrate leaves expression indexes alone.

-- Both extensions ship with PostgreSQL (contrib) and are "trusted": a database owner without
-- superuser rights may create them.
CREATE EXTENSION IF NOT EXISTS "unaccent";
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- unaccent(text) is only STABLE (it looks its dictionary up through search_path), so it cannot
-- appear in an index. Naming the dictionary and the function by schema makes the result depend
-- on the argument alone, which is what IMMUTABLE promises. The SQL-standard body binds both
-- names when the function is created.
CREATE FUNCTION "immutable_unaccent"(text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN public.unaccent('public.unaccent'::regdictionary, $1);

-- The text the roster search matches each word against: full name and document number, folded
-- to lower case without accents. lib/students/queries.ts repeats this expression exactly, or the
-- planner cannot use the index. The document number is part of it so that a search is one
-- indexable condition per word (an OR with a separate document branch would scan the table).
CREATE INDEX "student_search_trgm_idx" ON "student" USING gin (
  lower("immutable_unaccent"("paternalSurname" || ' ' || "maternalSurname" || ' ' || "givenNames" || ' ' || coalesce("documentNumber", ''))) gin_trgm_ops
);
