-- Referral workflow (docs/decisions/015-referrals.md): the legal basis with its details, the
-- full counter-referral, and the agency's maximum data packet kept by the database.

-- AlterEnum
-- The adolescent's own consent (from 14). Not used by name in this migration: PostgreSQL
-- refuses a value added in the same transaction, so the CHECKs below compare text.
ALTER TYPE "LegalBasis" ADD VALUE 'ADOLESCENT_CONSENT' AFTER 'GUARDIAN_CONSENT';

-- CreateEnum
CREATE TYPE "ConsentMethod" AS ENUM ('IN_PERSON', 'WRITTEN', 'PHONE', 'VIDEO_CALL', 'OTHER');

-- AlterTable
ALTER TABLE "referral" ADD COLUMN     "caseReturnsToSchool" BOOLEAN,
ADD COLUMN     "consentDate" DATE,
ADD COLUMN     "consentGivenBy" TEXT,
ADD COLUMN     "consentMethod" "ConsentMethod",
ADD COLUMN     "consentRelationship" TEXT,
ADD COLUMN     "counterReferralNextSteps" TEXT,
ADD COLUMN     "legalNorm" TEXT;

-- Referrals written before this migration kept their basis as free text (legalBasisNote).
-- Their details are filled from what is on file, marked as such, so the rules below hold for
-- every row: the consent from the student's guardian on the day the referral was sent (method
-- OTHER: not recorded), the norm from the note, and an empty next step on closed ones.
UPDATE "referral" r
   SET "consentGivenBy" = COALESCE(NULLIF(btrim(s."guardianName"), ''), 'No registrado'),
       "consentRelationship" = COALESCE(NULLIF(btrim(s."guardianRelationship"), ''), 'No registrado'),
       "consentDate" = (r."sentAt" AT TIME ZONE 'America/Lima')::date,
       "consentMethod" = 'OTHER'
  FROM "student" s
 WHERE s."id" = r."studentId" AND r."legalBasis"::text = 'GUARDIAN_CONSENT';
UPDATE "referral"
   SET "legalNorm" = COALESCE(NULLIF(btrim("legalBasisNote"), ''), 'No registrada')
 WHERE "legalBasis"::text = 'CHILD_PROTECTION_DUTY';
UPDATE "referral"
   SET "counterReferralNextSteps" = 'No registrados', "caseReturnsToSchool" = true
 WHERE "status" = 'CLOSED';

-- A referral cannot exist without the details of its legal basis.
ALTER TABLE "referral" ADD CONSTRAINT "referral_guardian_consent_has_details_chk"
  CHECK ("legalBasis"::text <> 'GUARDIAN_CONSENT'
         OR ("consentGivenBy" IS NOT NULL AND btrim("consentGivenBy") <> ''
             AND "consentRelationship" IS NOT NULL AND btrim("consentRelationship") <> ''
             AND "consentDate" IS NOT NULL AND "consentMethod" IS NOT NULL));

ALTER TABLE "referral" ADD CONSTRAINT "referral_adolescent_consent_has_details_chk"
  CHECK ("legalBasis"::text <> 'ADOLESCENT_CONSENT' OR ("consentDate" IS NOT NULL AND "consentMethod" IS NOT NULL));

ALTER TABLE "referral" ADD CONSTRAINT "referral_protection_duty_cites_norm_chk"
  CHECK ("legalBasis"::text <> 'CHILD_PROTECTION_DUTY' OR ("legalNorm" IS NOT NULL AND btrim("legalNorm") <> ''));

-- A closed referral says what comes next and whether the school team takes the case back.
ALTER TABLE "referral" ADD CONSTRAINT "referral_closed_has_next_steps_chk"
  CHECK ("status" <> 'CLOSED'
         OR ("counterReferralNextSteps" IS NOT NULL AND btrim("counterReferralNextSteps") <> ''
             AND "caseReturnsToSchool" IS NOT NULL));

-- The agency's maximum packet (MAX_SHARED_SECTIONS in lib/auth/policy.ts) and the age of an
-- adolescent's own consent, for every writer (the app, the seed, a hand-made fix). Both need
-- another table (agency, student), which a CHECK cannot read: a trigger on the columns they
-- depend on. The lists must match policy.ts; tests/integration/referrals-database.integration.test.ts
-- compares them for every agency type and section.
CREATE FUNCTION "referral_packet_within_agency_maximum"() RETURNS trigger AS $$
DECLARE
  agency_type text;
  allowed text[];
  birth date;
BEGIN
  SELECT a."type"::text INTO agency_type FROM "agency" a WHERE a."id" = NEW."agencyId";
  allowed := CASE agency_type
    WHEN 'BAPES' THEN ARRAY['IDENTIFICATION', 'CONTACT', 'ATTENDANCE', 'HOME_VISITS']
    WHEN 'UGEL' THEN ARRAY['IDENTIFICATION', 'CONTACT', 'ATTENDANCE', 'HOME_VISITS', 'RISK_SUMMARY', 'NOTES']
    WHEN 'DEMUNA' THEN NULL
    WHEN 'CEM' THEN NULL
    WHEN 'CSMC' THEN NULL
    ELSE ARRAY[]::text[]
  END;
  IF allowed IS NOT NULL AND NOT (NEW."sharedSections"::text[] <@ allowed) THEN
    RAISE EXCEPTION 'referral % shares sections beyond the packet of a % agency', NEW."id", agency_type
      USING ERRCODE = 'check_violation', CONSTRAINT = 'referral_packet_within_agency_maximum';
  END IF;
  IF NEW."legalBasis"::text = 'ADOLESCENT_CONSENT' THEN
    SELECT s."birthDate" INTO birth FROM "student" s WHERE s."id" = NEW."studentId";
    IF birth IS NULL OR NEW."consentDate" IS NULL OR (birth + interval '14 years')::date > NEW."consentDate" THEN
      RAISE EXCEPTION 'referral % rests on the consent of a student under 14', NEW."id"
        USING ERRCODE = 'check_violation', CONSTRAINT = 'referral_adolescent_consent_from_14';
    END IF;
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER "referral_packet_within_agency_maximum"
  BEFORE INSERT OR UPDATE OF "sharedSections", "agencyId", "legalBasis", "consentDate", "studentId" ON "referral"
  FOR EACH ROW EXECUTE FUNCTION "referral_packet_within_agency_maximum"();
