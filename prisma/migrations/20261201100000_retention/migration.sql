-- Retention (docs/decisions/022-retention.md): ADMIN anonymises closed cases older than a
-- configured number of years (instance_setting "retentionYears"). These columns say when a
-- case, and a student no longer enrolled, were anonymised; the counts behind the reports stay.
ALTER TABLE "case_file" ADD COLUMN "anonymisedAt" TIMESTAMPTZ(3);
ALTER TABLE "student" ADD COLUMN "anonymisedAt" TIMESTAMPTZ(3);

-- An anonymised case stays closed: reopening it would start work on a file without its story.
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_anonymised_is_closed_chk"
  CHECK ("anonymisedAt" IS NULL OR "state" = 'CLOSED');

-- A signed evaluation stays final (20261129300000_risk_evaluations), with one more exception:
-- once its case is anonymised, its free text may be blanked (rationale to the placeholder the
-- signature CHECK accepts, protective notes and notes to NULL), and nothing else may change.
-- Level, dates, signer and answers stay: the prevalence report counts them.
CREATE OR REPLACE FUNCTION "risk_evaluation_signed_is_final"() RETURNS trigger AS $$
DECLARE
  free_text text[] := ARRAY['shareSensitiveWithSocialWorker', 'updatedAt', 'rationale', 'protectiveNotes', 'notes'];
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."status" = 'SIGNED' AND EXISTS (SELECT 1 FROM "case_file" c WHERE c."id" = OLD."caseId") THEN
      RAISE EXCEPTION 'risk_evaluation % is signed and cannot be deleted', OLD."id"
        USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'risk_evaluation_signed_is_final';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD."status" = 'SIGNED'
     AND (to_jsonb(NEW) - 'shareSensitiveWithSocialWorker' - 'updatedAt')
         IS DISTINCT FROM (to_jsonb(OLD) - 'shareSensitiveWithSocialWorker' - 'updatedAt') THEN
    IF (to_jsonb(NEW) - free_text) IS NOT DISTINCT FROM (to_jsonb(OLD) - free_text)
       AND NEW."rationale" = '[anonimizado]' AND NEW."protectiveNotes" IS NULL AND NEW."notes" IS NULL
       AND EXISTS (SELECT 1 FROM "case_file" c WHERE c."id" = NEW."caseId" AND c."anonymisedAt" IS NOT NULL) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'risk_evaluation % is signed and cannot change', OLD."id"
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'risk_evaluation_signed_is_final';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
