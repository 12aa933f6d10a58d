import type { AgencyType, RiskDomain, SensitiveCategory } from "../generated/prisma/enums";

// The risk-factor instrument as data. Version 1 is the "No Arrugues" pilot form exactly
// (17 risk items in three domains + 6 protective factors); version 2 adds a self-harm /
// suicidal-ideation item, which the pilot lacked, whose PRESENT answer prompts a same-day
// urgent referral to community mental health (CSMC).
// Codes are stable across versions so re-evaluations can be compared item by item.
// Sensitive items (violence, abuse, substances, self-harm) are hidden from roles and agencies
// that may not read them (see lib/auth/scope.ts `riskItemWhere`).

export type RiskItemDef = {
  code: string;
  domain: RiskDomain;
  position: number;
  labelEs: string;
  labelEn: string;
  sensitiveCategory: SensitiveCategory | null;
  urgentReferralTo: AgencyType | null;
};

export type RiskInstrumentDef = { version: number; name: string; items: readonly RiskItemDef[] };

type ItemInput = Omit<RiskItemDef, "position" | "sensitiveCategory" | "urgentReferralTo"> &
  Partial<Pick<RiskItemDef, "sensitiveCategory" | "urgentReferralTo">>;

const RISK_ITEMS_V1: readonly ItemInput[] = [
  {
    code: "low_academic_performance",
    domain: "HISTORICAL",
    labelEs: "Bajo rendimiento académico",
    labelEn: "Low academic performance",
  },
  {
    code: "nonviolent_antisocial_behavior",
    domain: "HISTORICAL",
    labelEs: "Comportamiento antisocial no violento",
    labelEn: "Non-violent antisocial behaviour",
  },
  {
    code: "family_violence_victim",
    domain: "HISTORICAL",
    labelEs: "Víctima de violencia familiar",
    labelEn: "Victim of family violence",
    sensitiveCategory: "VIOLENCE",
  },
  {
    code: "child_abuse_victim",
    domain: "HISTORICAL",
    labelEs: "Víctima de maltrato infantil",
    labelEn: "Victim of child abuse",
    sensitiveCategory: "ABUSE",
  },
  {
    code: "lacks_adult_support",
    domain: "SOCIAL",
    labelEs: "Carece de apoyo de una persona adulta",
    labelEn: "Lacks the support of an adult",
  },
  {
    code: "limited_parenting_skills",
    domain: "SOCIAL",
    labelEs: "Habilidades parentales limitadas",
    labelEn: "Limited parenting skills",
  },
  { code: "peer_rejection", domain: "SOCIAL", labelEs: "Rechazo de sus pares", labelEn: "Peer rejection" },
  {
    code: "friends_linked_to_crime",
    domain: "SOCIAL",
    labelEs: "Amistades vinculadas a la delincuencia",
    labelEn: "Friends linked to crime",
  },
  {
    code: "narcissism_inflated_self_esteem",
    domain: "INDIVIDUAL",
    labelEs: "Tendencias narcisistas / autoestima inflada",
    labelEn: "Narcissism / inflated self-esteem",
  },
  {
    code: "anger_management_difficulty",
    domain: "INDIVIDUAL",
    labelEs: "Dificultad para manejar la ira",
    labelEn: "Difficulty managing anger",
  },
  {
    code: "impulsivity_thrill_seeking",
    domain: "INDIVIDUAL",
    labelEs: "Impulsividad y afán de aventura",
    labelEn: "Impulsivity / thrill seeking",
  },
  {
    code: "difficulty_facing_challenges",
    domain: "INDIVIDUAL",
    labelEs: "Dificultad para afrontar desafíos",
    labelEn: "Difficulty facing challenges",
  },
  {
    code: "violence_favoring_activities",
    domain: "INDIVIDUAL",
    labelEs: "Participa en actividades que favorecen la violencia",
    labelEn: "Takes part in activities that favour violence",
    sensitiveCategory: "VIOLENCE",
  },
  {
    code: "little_constructive_free_time",
    domain: "INDIVIDUAL",
    labelEs: "Poco tiempo libre en actividades constructivas",
    labelEn: "Little free time in constructive activities",
  },
  {
    code: "low_academic_motivation",
    domain: "INDIVIDUAL",
    labelEs: "Baja motivación académica",
    labelEn: "Low academic motivation",
  },
  { code: "low_empathy", domain: "INDIVIDUAL", labelEs: "Baja empatía", labelEn: "Low empathy" },
  {
    code: "illegal_substance_use",
    domain: "INDIVIDUAL",
    labelEs: "Ha consumido sustancias ilegales",
    labelEn: "Has used illegal substances",
    sensitiveCategory: "SUBSTANCE",
  },
];

const SELF_HARM: ItemInput = {
  code: "self_harm_suicidal_ideation",
  domain: "INDIVIDUAL",
  labelEs: "Autolesiones o ideación suicida",
  labelEn: "Self-harm or suicidal ideation",
  sensitiveCategory: "MENTAL_HEALTH",
  urgentReferralTo: "CSMC",
};

const PROTECTIVE_FACTORS: readonly ItemInput[] = [
  {
    code: "prosocial_involvement",
    domain: "PROTECTIVE",
    labelEs: "Participación prosocial",
    labelEn: "Prosocial involvement",
  },
  {
    code: "strong_social_support",
    domain: "PROTECTIVE",
    labelEs: "Fuerte apoyo social",
    labelEn: "Strong social support",
  },
  {
    code: "strong_attachment_bonds",
    domain: "PROTECTIVE",
    labelEs: "Fuerte apego y vínculos",
    labelEn: "Strong attachment and bonds",
  },
  {
    code: "positive_attitude_to_intervention",
    domain: "PROTECTIVE",
    labelEs: "Actitud positiva hacia la intervención y la autoridad",
    labelEn: "Positive attitude towards intervention and authority",
  },
  {
    code: "strong_school_commitment",
    domain: "PROTECTIVE",
    labelEs: "Fuerte compromiso con la escuela",
    labelEn: "Strong commitment to school",
  },
  {
    code: "resilient_personality",
    domain: "PROTECTIVE",
    labelEs: "Rasgos de personalidad resiliente",
    labelEn: "Resilient personality traits",
  },
];

function numbered(items: readonly ItemInput[]): RiskItemDef[] {
  return items.map((item, i) => ({
    sensitiveCategory: null,
    urgentReferralTo: null,
    ...item,
    position: i + 1,
  }));
}

export const RISK_INSTRUMENT_V1: RiskInstrumentDef = {
  version: 1,
  name: "Ficha de evaluación de factores de riesgo (piloto No Arrugues)",
  items: numbered([...RISK_ITEMS_V1, ...PROTECTIVE_FACTORS]),
};

export const RISK_INSTRUMENT_V2: RiskInstrumentDef = {
  version: 2,
  name: "Ficha de evaluación de factores de riesgo, versión 2 (incluye autolesiones)",
  items: numbered([...RISK_ITEMS_V1, SELF_HARM, ...PROTECTIVE_FACTORS]),
};

export const RISK_INSTRUMENTS: readonly RiskInstrumentDef[] = [RISK_INSTRUMENT_V1, RISK_INSTRUMENT_V2];

/** The version new evaluations use. */
export const CURRENT_RISK_INSTRUMENT_VERSION = 2;
