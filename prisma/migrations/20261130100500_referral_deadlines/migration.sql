-- CreateTable
CREATE TABLE "referral_deadline" (
    "urgency" "ReferralUrgency" NOT NULL,
    "hours" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "referral_deadline_pkey" PRIMARY KEY ("urgency")
);

-- From one hour to thirty days: an answer window outside that is a typing mistake.
ALTER TABLE "referral_deadline" ADD CONSTRAINT "referral_deadline_hours_range_chk" CHECK ("hours" BETWEEN 1 AND 720);

-- The defaults (docs/decisions/014): urgent 24 h, priority 72 h, routine 7 days.
INSERT INTO "referral_deadline" ("urgency", "hours") VALUES ('URGENT', 24), ('PRIORITY', 72), ('ROUTINE', 168);
