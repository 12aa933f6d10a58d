-- CreateEnum
CREATE TYPE "RiskEvaluationStatus" AS ENUM ('DRAFT', 'SIGNED');

-- CreateEnum
CREATE TYPE "CaseTaskKind" AS ENUM ('URGENT_REFERRAL');

-- CreateEnum
CREATE TYPE "UrgentReferralChannel" AS ENUM ('PHONE', 'IN_PERSON', 'ACCOMPANIED', 'WRITTEN', 'OTHER');

-- DropIndex
DROP INDEX "risk_evaluation_schoolId_idx";

-- AlterTable
ALTER TABLE "risk_evaluation" ADD COLUMN     "correctsId" UUID,
ADD COLUMN     "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "draftKey" TEXT,
ADD COLUMN     "notes" TEXT,
ADD COLUMN     "shareSensitiveWithSocialWorker" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "signedAt" TIMESTAMPTZ(3),
ADD COLUMN     "signedById" UUID,
ADD COLUMN     "status" "RiskEvaluationStatus" NOT NULL DEFAULT 'SIGNED',
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ALTER COLUMN "overallLevel" DROP NOT NULL,
ALTER COLUMN "rationale" DROP NOT NULL;

-- Evaluations recorded before drafts existed were complete records: they become SIGNED by
-- their evaluator at their date. New rows start as drafts.
UPDATE "risk_evaluation" SET "signedAt" = "evaluatedAt", "signedById" = "evaluatorId", "createdAt" = "evaluatedAt", "updatedAt" = "evaluatedAt";
ALTER TABLE "risk_evaluation" ALTER COLUMN "status" SET DEFAULT 'DRAFT';

-- CreateTable
CREATE TABLE "case_task" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "caseId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "kind" "CaseTaskKind" NOT NULL,
    "agencyType" "AgencyType" NOT NULL,
    "agencyId" UUID,
    "evaluationId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "doneAt" TIMESTAMPTZ(3),
    "doneById" UUID,
    "referredAt" TIMESTAMPTZ(3),
    "doneChannel" "UrgentReferralChannel",
    "doneContact" TEXT,
    "doneNote" TEXT,
    "referralId" UUID,

    CONSTRAINT "case_task_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "case_task_schoolId_doneAt_idx" ON "case_task"("schoolId", "doneAt");

-- CreateIndex
CREATE INDEX "case_task_caseId_idx" ON "case_task"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "case_task_evaluationId_kind_key" ON "case_task"("evaluationId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "risk_evaluation_draftKey_key" ON "risk_evaluation"("draftKey");

-- CreateIndex
CREATE INDEX "risk_evaluation_schoolId_status_evaluatedAt_idx" ON "risk_evaluation"("schoolId", "status", "evaluatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "risk_evaluation_id_caseId_key" ON "risk_evaluation"("id", "caseId");

-- CreateIndex
CREATE UNIQUE INDEX "risk_evaluation_correctsId_caseId_key" ON "risk_evaluation"("correctsId", "caseId");

-- AddForeignKey
ALTER TABLE "risk_evaluation" ADD CONSTRAINT "risk_evaluation_signedById_fkey" FOREIGN KEY ("signedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_evaluation" ADD CONSTRAINT "risk_evaluation_correctsId_caseId_fkey" FOREIGN KEY ("correctsId", "caseId") REFERENCES "risk_evaluation"("id", "caseId") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_task" ADD CONSTRAINT "case_task_caseId_schoolId_studentId_fkey" FOREIGN KEY ("caseId", "schoolId", "studentId") REFERENCES "case_file"("id", "schoolId", "studentId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_task" ADD CONSTRAINT "case_task_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_task" ADD CONSTRAINT "case_task_evaluationId_caseId_fkey" FOREIGN KEY ("evaluationId", "caseId") REFERENCES "risk_evaluation"("id", "caseId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_task" ADD CONSTRAINT "case_task_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_task" ADD CONSTRAINT "case_task_doneById_fkey" FOREIGN KEY ("doneById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_task" ADD CONSTRAINT "case_task_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "referral"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- ───────────── the instrument as reference data (docs/decisions/011-risk-evaluations.md) ─────────────
-- Version 1 is the "No Arrugues" pilot form exactly (17 risk items in three domains + 6
-- protective factors); version 2 adds self-harm / suicidal ideation, whose PRESENT answer
-- needs a same-day urgent referral to CSMC. lib/risk/instrument.ts holds the same
-- definitions (a test compares them); the ids are the ones the demo seed has always used.
INSERT INTO "risk_instrument" ("id", "version", "name", "publishedAt") VALUES
  ('a7ef104a-898f-5821-8d58-a3bc10df9266', 1, 'Ficha de evaluación de factores de riesgo (piloto No Arrugues)', '2026-03-02T13:00:00.000Z'),
  ('0f382308-30d2-5027-8e5e-cdb54339ed5b', 2, 'Ficha de evaluación de factores de riesgo, versión 2 (incluye autolesiones)', '2026-11-16T13:00:00.000Z')
ON CONFLICT ("version") DO NOTHING;

INSERT INTO "risk_item" ("id", "instrumentId", "code", "domain", "position", "labelEs", "labelEn", "sensitiveCategory", "urgentReferralTo")
SELECT v.id::uuid, i.id, v.code, v.domain::"RiskDomain", v.position, v."labelEs", v."labelEn", v.sensitive::"SensitiveCategory", v.urgent::"AgencyType"
FROM (VALUES
  ('2ef45044-0161-57d9-b4b4-3b8ff2af7821', 1, 'low_academic_performance', 'HISTORICAL', 1, 'Bajo rendimiento académico', 'Low academic performance', NULL, NULL),
  ('db62889d-0de0-5241-b9c4-8b5729f817dc', 1, 'nonviolent_antisocial_behavior', 'HISTORICAL', 2, 'Comportamiento antisocial no violento', 'Non-violent antisocial behaviour', NULL, NULL),
  ('f1ed6fb1-ff09-5c5f-b95e-ff3a4f1a601b', 1, 'family_violence_victim', 'HISTORICAL', 3, 'Víctima de violencia familiar', 'Victim of family violence', 'VIOLENCE', NULL),
  ('7bcf990c-a2b6-5449-af95-8a4fcffdc10c', 1, 'child_abuse_victim', 'HISTORICAL', 4, 'Víctima de maltrato infantil', 'Victim of child abuse', 'ABUSE', NULL),
  ('2615c7b9-cf5a-5090-945e-2f35af406c70', 1, 'lacks_adult_support', 'SOCIAL', 5, 'Carece de apoyo de una persona adulta', 'Lacks the support of an adult', NULL, NULL),
  ('4d5d065a-bc73-5bb5-af7a-4f31dd8309b9', 1, 'limited_parenting_skills', 'SOCIAL', 6, 'Habilidades parentales limitadas', 'Limited parenting skills', NULL, NULL),
  ('194e4c7b-430b-5487-bf82-84900f584648', 1, 'peer_rejection', 'SOCIAL', 7, 'Rechazo de sus pares', 'Peer rejection', NULL, NULL),
  ('feaf55d2-c03a-59f0-b59a-e77328b456bd', 1, 'friends_linked_to_crime', 'SOCIAL', 8, 'Amistades vinculadas a la delincuencia', 'Friends linked to crime', NULL, NULL),
  ('75e85e6c-a21d-59ad-a706-d4f806c69df8', 1, 'narcissism_inflated_self_esteem', 'INDIVIDUAL', 9, 'Tendencias narcisistas / autoestima inflada', 'Narcissism / inflated self-esteem', NULL, NULL),
  ('85f24fc8-0ca3-5dec-8765-c71f2d888ef9', 1, 'anger_management_difficulty', 'INDIVIDUAL', 10, 'Dificultad para manejar la ira', 'Difficulty managing anger', NULL, NULL),
  ('9ae53db5-cef1-5bef-a374-f5585a43eda5', 1, 'impulsivity_thrill_seeking', 'INDIVIDUAL', 11, 'Impulsividad y afán de aventura', 'Impulsivity / thrill seeking', NULL, NULL),
  ('9668172b-a6e3-5f5f-9beb-fe433fdddf34', 1, 'difficulty_facing_challenges', 'INDIVIDUAL', 12, 'Dificultad para afrontar desafíos', 'Difficulty facing challenges', NULL, NULL),
  ('1b69ea6d-aaef-5e3d-a7af-07091b32a1cd', 1, 'violence_favoring_activities', 'INDIVIDUAL', 13, 'Participa en actividades que favorecen la violencia', 'Takes part in activities that favour violence', 'VIOLENCE', NULL),
  ('16bdb2ca-7db4-5832-beee-5a10a5b297b7', 1, 'little_constructive_free_time', 'INDIVIDUAL', 14, 'Poco tiempo libre en actividades constructivas', 'Little free time in constructive activities', NULL, NULL),
  ('2578bcbf-8014-5494-a047-cf43a27bb716', 1, 'low_academic_motivation', 'INDIVIDUAL', 15, 'Baja motivación académica', 'Low academic motivation', NULL, NULL),
  ('803e8cfc-3433-5fe4-bad7-15830201decc', 1, 'low_empathy', 'INDIVIDUAL', 16, 'Baja empatía', 'Low empathy', NULL, NULL),
  ('98d2020c-bb4e-5fb6-9029-8b2129918423', 1, 'illegal_substance_use', 'INDIVIDUAL', 17, 'Ha consumido sustancias ilegales', 'Has used illegal substances', 'SUBSTANCE', NULL),
  ('06533a46-de76-5b0e-8af1-c23a023d039a', 1, 'prosocial_involvement', 'PROTECTIVE', 18, 'Participación prosocial', 'Prosocial involvement', NULL, NULL),
  ('f1bfcf84-49d8-52b9-a4d0-7956977e8ac6', 1, 'strong_social_support', 'PROTECTIVE', 19, 'Fuerte apoyo social', 'Strong social support', NULL, NULL),
  ('44c92579-0bfa-57ca-95c8-a80b1785e137', 1, 'strong_attachment_bonds', 'PROTECTIVE', 20, 'Fuerte apego y vínculos', 'Strong attachment and bonds', NULL, NULL),
  ('13d5335f-bce2-5607-9584-ec7b688b6247', 1, 'positive_attitude_to_intervention', 'PROTECTIVE', 21, 'Actitud positiva hacia la intervención y la autoridad', 'Positive attitude towards intervention and authority', NULL, NULL),
  ('c74fa308-1225-5835-b7f4-feb2b21281f8', 1, 'strong_school_commitment', 'PROTECTIVE', 22, 'Fuerte compromiso con la escuela', 'Strong commitment to school', NULL, NULL),
  ('c9765408-81a8-55ea-9cf1-fd9119ea6683', 1, 'resilient_personality', 'PROTECTIVE', 23, 'Rasgos de personalidad resiliente', 'Resilient personality traits', NULL, NULL),
  ('5ccadce1-96a6-5a6e-b4a2-583f90ce35f7', 2, 'low_academic_performance', 'HISTORICAL', 1, 'Bajo rendimiento académico', 'Low academic performance', NULL, NULL),
  ('2ac497af-90f8-5da3-8f45-13644e64ac71', 2, 'nonviolent_antisocial_behavior', 'HISTORICAL', 2, 'Comportamiento antisocial no violento', 'Non-violent antisocial behaviour', NULL, NULL),
  ('37a66b90-2efc-5143-87d3-768109be3787', 2, 'family_violence_victim', 'HISTORICAL', 3, 'Víctima de violencia familiar', 'Victim of family violence', 'VIOLENCE', NULL),
  ('d1437ea4-f87e-5b2a-b195-ff03db246896', 2, 'child_abuse_victim', 'HISTORICAL', 4, 'Víctima de maltrato infantil', 'Victim of child abuse', 'ABUSE', NULL),
  ('dae3f55a-f8ce-5e96-af98-5c584f932708', 2, 'lacks_adult_support', 'SOCIAL', 5, 'Carece de apoyo de una persona adulta', 'Lacks the support of an adult', NULL, NULL),
  ('69ed4d2f-fdf5-5125-96d5-fea585cdc2ad', 2, 'limited_parenting_skills', 'SOCIAL', 6, 'Habilidades parentales limitadas', 'Limited parenting skills', NULL, NULL),
  ('a1a24f22-0662-5be9-b65c-6c3937f1035e', 2, 'peer_rejection', 'SOCIAL', 7, 'Rechazo de sus pares', 'Peer rejection', NULL, NULL),
  ('b12d5874-d44b-5605-870e-177863a43fc8', 2, 'friends_linked_to_crime', 'SOCIAL', 8, 'Amistades vinculadas a la delincuencia', 'Friends linked to crime', NULL, NULL),
  ('fa9d778f-0339-5940-a132-94fe286aa558', 2, 'narcissism_inflated_self_esteem', 'INDIVIDUAL', 9, 'Tendencias narcisistas / autoestima inflada', 'Narcissism / inflated self-esteem', NULL, NULL),
  ('2f1c1f38-c442-540b-b064-cefe9ba58ff6', 2, 'anger_management_difficulty', 'INDIVIDUAL', 10, 'Dificultad para manejar la ira', 'Difficulty managing anger', NULL, NULL),
  ('3026e0c6-3ee8-5559-9964-84de058dcd9a', 2, 'impulsivity_thrill_seeking', 'INDIVIDUAL', 11, 'Impulsividad y afán de aventura', 'Impulsivity / thrill seeking', NULL, NULL),
  ('b579b2b4-b6e9-5abc-9bc3-d9f190d36549', 2, 'difficulty_facing_challenges', 'INDIVIDUAL', 12, 'Dificultad para afrontar desafíos', 'Difficulty facing challenges', NULL, NULL),
  ('81e9712b-cbc8-525b-8d5d-4eff4bb9f0cd', 2, 'violence_favoring_activities', 'INDIVIDUAL', 13, 'Participa en actividades que favorecen la violencia', 'Takes part in activities that favour violence', 'VIOLENCE', NULL),
  ('67df1824-4d6e-586a-979e-b9408756ff7d', 2, 'little_constructive_free_time', 'INDIVIDUAL', 14, 'Poco tiempo libre en actividades constructivas', 'Little free time in constructive activities', NULL, NULL),
  ('0ab216ae-f014-5876-96a7-eac6de0b5d51', 2, 'low_academic_motivation', 'INDIVIDUAL', 15, 'Baja motivación académica', 'Low academic motivation', NULL, NULL),
  ('27295b89-e79c-5f42-b6df-118583a992f6', 2, 'low_empathy', 'INDIVIDUAL', 16, 'Baja empatía', 'Low empathy', NULL, NULL),
  ('7cfbaf9b-42dd-5f8a-8a00-35f08b578a6b', 2, 'illegal_substance_use', 'INDIVIDUAL', 17, 'Ha consumido sustancias ilegales', 'Has used illegal substances', 'SUBSTANCE', NULL),
  ('77441e41-d515-5061-aab3-d1b927fc4702', 2, 'self_harm_suicidal_ideation', 'INDIVIDUAL', 18, 'Autolesiones o ideación suicida', 'Self-harm or suicidal ideation', 'MENTAL_HEALTH', 'CSMC'),
  ('36b21cba-1a42-586e-baff-7d3f987f0ca9', 2, 'prosocial_involvement', 'PROTECTIVE', 19, 'Participación prosocial', 'Prosocial involvement', NULL, NULL),
  ('b6c1a041-002a-592d-804a-8e40ecfc5f71', 2, 'strong_social_support', 'PROTECTIVE', 20, 'Fuerte apoyo social', 'Strong social support', NULL, NULL),
  ('391db8be-71e8-536e-a6bf-b74567af255e', 2, 'strong_attachment_bonds', 'PROTECTIVE', 21, 'Fuerte apego y vínculos', 'Strong attachment and bonds', NULL, NULL),
  ('42025305-eb27-527b-a705-b85bd5c9aa18', 2, 'positive_attitude_to_intervention', 'PROTECTIVE', 22, 'Actitud positiva hacia la intervención y la autoridad', 'Positive attitude towards intervention and authority', NULL, NULL),
  ('d4a298a9-d6b8-5d32-8fbd-2d3dfd882aae', 2, 'strong_school_commitment', 'PROTECTIVE', 23, 'Fuerte compromiso con la escuela', 'Strong commitment to school', NULL, NULL),
  ('e6fa611d-7e63-58de-81d3-ce42ef9f8bdc', 2, 'resilient_personality', 'PROTECTIVE', 24, 'Rasgos de personalidad resiliente', 'Resilient personality traits', NULL, NULL)
) AS v(id, version, code, domain, position, "labelEs", "labelEn", sensitive, urgent)
-- Only under the instruments inserted above: a database that already had a version of its own keeps it as it is.
JOIN "risk_instrument" i ON i."version" = v.version
 AND i."id" = CASE v.version WHEN 1 THEN 'a7ef104a-898f-5821-8d58-a3bc10df9266'::uuid ELSE '0f382308-30d2-5027-8e5e-cdb54339ed5b'::uuid END
ON CONFLICT ("instrumentId", "code") DO NOTHING;

-- ───────────── invariants Prisma's schema language cannot express (by hand) ─────────────
-- The drift test lists them by name; tests/integration/evaluations.integration.test.ts shows
-- each one refusing a bad row.

-- A signed evaluation names who signed it and when, and carries a level and a written rationale.
ALTER TABLE "risk_evaluation" ADD CONSTRAINT "risk_evaluation_signed_is_complete_chk"
  CHECK (
    "status" <> 'SIGNED'
    OR ("signedAt" IS NOT NULL AND "signedById" IS NOT NULL AND "overallLevel" IS NOT NULL
        AND "rationale" IS NOT NULL AND btrim("rationale") <> '')
  );

-- A draft belongs to its evaluator and holds "<caseId>:<evaluatorId>" in draftKey (unique):
-- one draft per evaluator and case. A signed evaluation holds none.
ALTER TABLE "risk_evaluation" ADD CONSTRAINT "risk_evaluation_draft_key_matches_status_chk"
  CHECK (
    ("status" = 'DRAFT' AND "evaluatorId" IS NOT NULL AND "draftKey" IS NOT NULL
      AND "draftKey" = "caseId"::text || ':' || "evaluatorId"::text)
    OR ("status" = 'SIGNED' AND "draftKey" IS NULL)
  );

-- An evaluation cannot correct itself.
ALTER TABLE "risk_evaluation" ADD CONSTRAINT "risk_evaluation_not_own_correction_chk"
  CHECK ("correctsId" IS NULL OR "correctsId" <> "id");

-- A task is done by someone at some moment, through a referral or a recorded channel and contact.
ALTER TABLE "case_task" ADD CONSTRAINT "case_task_done_is_recorded_chk"
  CHECK (
    ("doneAt" IS NULL AND "doneById" IS NULL AND "referralId" IS NULL AND "doneChannel" IS NULL)
    OR ("doneAt" IS NOT NULL AND "doneById" IS NOT NULL
        AND ("referralId" IS NOT NULL
             OR ("doneChannel" IS NOT NULL AND "doneContact" IS NOT NULL AND btrim("doneContact") <> '')))
  );

-- A signed evaluation is final, even for SQL that bypasses the app. Only the psychologist's
-- decision to share sensitive answers with the social worker may change afterwards (it is an
-- access decision, not part of the record; each change is audited). It goes away only with
-- its whole case (ON DELETE CASCADE from case_file).
CREATE FUNCTION "risk_evaluation_signed_is_final"() RETURNS trigger AS $$
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
    RAISE EXCEPTION 'risk_evaluation % is signed and cannot change', OLD."id"
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'risk_evaluation_signed_is_final';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER "risk_evaluation_signed_is_final"
  BEFORE UPDATE OR DELETE ON "risk_evaluation"
  FOR EACH ROW EXECUTE FUNCTION "risk_evaluation_signed_is_final"();

-- The answers of a signed evaluation are final too (a deleted evaluation takes its answers along).
CREATE FUNCTION "risk_answer_signed_is_final"() RETURNS trigger AS $$
DECLARE
  evaluation_id uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD."evaluationId" ELSE NEW."evaluationId" END;
BEGIN
  IF EXISTS (SELECT 1 FROM "risk_evaluation" e WHERE e."id" = evaluation_id AND e."status" = 'SIGNED')
     OR (TG_OP = 'UPDATE' AND EXISTS (
           SELECT 1 FROM "risk_evaluation" e WHERE e."id" = OLD."evaluationId" AND e."status" = 'SIGNED')) THEN
    RAISE EXCEPTION 'the answers of signed risk_evaluation % cannot change', evaluation_id
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'risk_answer_signed_is_final';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER "risk_answer_signed_is_final"
  BEFORE INSERT OR UPDATE OR DELETE ON "risk_answer"
  FOR EACH ROW EXECUTE FUNCTION "risk_answer_signed_is_final"();

-- Checked at commit, when a signature and everything it needs are in place: a signed
-- evaluation answers every item of its form, corrects only a signed evaluation, and has an
-- urgent-referral task for each urgent item marked PRESENT (self-harm → CSMC, the same day).
CREATE FUNCTION "risk_evaluation_signature_is_complete"() RETURNS trigger AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM "risk_item" i
     WHERE i."instrumentId" = NEW."instrumentId"
       AND NOT EXISTS (SELECT 1 FROM "risk_answer" a WHERE a."evaluationId" = NEW."id" AND a."itemId" = i."id")) THEN
    RAISE EXCEPTION 'signed risk_evaluation % leaves items unanswered', NEW."id"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'risk_evaluation_signed_answers_every_item';
  END IF;
  IF NEW."correctsId" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "risk_evaluation" c WHERE c."id" = NEW."correctsId" AND c."status" = 'SIGNED') THEN
    RAISE EXCEPTION 'risk_evaluation % corrects an evaluation that is not signed', NEW."id"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'risk_evaluation_corrects_signed';
  END IF;
  IF EXISTS (
    SELECT 1 FROM "risk_answer" a JOIN "risk_item" i ON i."id" = a."itemId"
     WHERE a."evaluationId" = NEW."id" AND a."value" = 'PRESENT' AND i."urgentReferralTo" IS NOT NULL
       AND NOT EXISTS (
         SELECT 1 FROM "case_task" t
          WHERE t."evaluationId" = NEW."id" AND t."kind" = 'URGENT_REFERRAL'
            AND t."agencyType" = i."urgentReferralTo")) THEN
    RAISE EXCEPTION 'signed risk_evaluation % has an urgent item present and no urgent referral task', NEW."id"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'risk_evaluation_urgent_item_has_task';
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER "risk_evaluation_signature_is_complete"
  AFTER INSERT OR UPDATE ON "risk_evaluation"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW."status" = 'SIGNED')
  EXECUTE FUNCTION "risk_evaluation_signature_is_complete"();
