import type { AgencyType, VisitOutcome } from "../../lib/generated/prisma/enums";
import type { FiredAlert } from "./rules";

// Spanish texts of the demo's case files (notes, visit reports, referral reasons).

const ddmm = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;
const pctEs = (n: unknown) => String(n).replace(".", ",");

export function describeAlert(a: FiredAlert): string {
  const f = a.figures;
  switch (a.kind) {
    case "CONSECUTIVE_UNJUSTIFIED":
      return `${f.consecutive} inasistencias injustificadas consecutivas (${ddmm(a.firstDate)} – ${ddmm(a.lastDate)})`;
    case "UNJUSTIFIED_RATE":
      return `${f.unjustified} inasistencias injustificadas en los últimos ${f.days} días lectivos (${pctEs(f.pct)} %)`;
    case "CHRONIC_TIER2":
      return `Ausentismo crónico nivel 2: ${f.absences} inasistencias (${pctEs(f.pct)} % de ${f.days} días)`;
    case "CHRONIC_TIER3":
      return `Ausentismo crónico nivel 3: ${f.absences} inasistencias (${pctEs(f.pct)} % de ${f.days} días)`;
  }
}

export const VISIT_NOTES: Record<VisitOutcome, readonly string[]> = {
  CONTACTED: [
    "Se conversó con la madre. El estudiante ayuda en el negocio familiar en horario escolar; se acordó su retorno.",
    "Atendió la abuela, apoderada. Refiere conflictos en casa y que el adolescente pasa las tardes fuera. Acepta citación al colegio.",
    "Se conversó con el estudiante y su padre. Refiere desmotivación y problemas con compañeros. Se compromete a asistir.",
    "La familia refiere problemas económicos; la estudiante cuida a hermanos menores. Se informa sobre programas de apoyo.",
    "Se ubicó el domicilio con ayuda de vecinos. La madre desconocía las faltas; firma compromiso de asistencia.",
  ],
  NOBODY_HOME: [
    "Nadie en casa. Se dejó citación con una vecina.",
    "Domicilio cerrado en horario de la tarde. Vecinos indican que los padres trabajan todo el día.",
    "Nadie atendió. Se dejó nota bajo la puerta con el teléfono del colegio.",
  ],
  ADDRESS_NOT_FOUND: [
    "La numeración registrada no existe en la cuadra.",
    "Dirección incompleta: la manzana y el lote no figuran en el asentamiento humano.",
    "Nadie en la zona reconoce a la familia; la referencia registrada no permite ubicar el domicilio.",
    "El pasaje indicado no existe; el plano municipal no coincide con la dirección de la matrícula.",
  ],
  MOVED: [
    "Vecinos informan que la familia se mudó hace unos meses, sin dejar dirección.",
    "La vivienda está ocupada por otros inquilinos; la familia se trasladó a otro distrito.",
  ],
  REFUSED: [
    "El padre no permitió el ingreso ni la conversación; indicó que no es asunto del colegio.",
    "La apoderada se negó a conversar y pidió no volver a visitar el domicilio.",
  ],
};

/** Who was met on each CONTACTED visit note above, in the same order. */
export const CONTACTED_MET_WITH: readonly string[] = [
  "Madre",
  "Abuela (apoderada)",
  "Estudiante y padre",
  "Madre y estudiante",
  "Madre",
];

export const CONTACT_NOTES = {
  WRONG_NUMBER: "El número registrado no corresponde a la familia.",
  NO_ANSWER: "No contestan; se dejó mensaje.",
  REACHED: "Se habló con la apoderada y se coordinó la visita.",
  REFUSED: "La apoderada no quiso conversar.",
} as const;

export const CASE_NOTES = {
  siagie: "Se solicitó a la UGEL verificar la dirección registrada en SIAGIE.",
  tutor: "La tutora informa que un compañero de aula conoce el barrio de la familia.",
  convened: "Se cita al estudiante y a su apoderada para la evaluación de factores de riesgo.",
  plan: "Plan de intervención acordado con la familia: tutoría semanal, seguimiento de asistencia y consejería.",
  followUp: "Seguimiento: el estudiante asiste regularmente desde la última reunión.",
  monitoring: "Se pasa a monitoreo: asistencia regular durante dos semanas.",
};

export const CLOSE_NOTES = {
  REINTEGRATED: "Reinsertado: asistencia regular sostenida y la familia participa en el seguimiento.",
  TRANSFERRED: "Traslado: la familia se mudó y el estudiante fue matriculado en otra institución educativa.",
  DROPPED_OUT: "Abandono: no fue posible ubicar a la familia y el estudiante no ha vuelto a asistir.",
  OTHER:
    "Cierre: la familia resolvió la situación que motivó las inasistencias; se mantiene la vigilancia de la tutora.",
} as const;

export const REFERRAL_REASONS: Record<AgencyType, string> = {
  DEMUNA:
    "Indicadores de violencia familiar y habilidades parentales limitadas; se solicita intervención y orientación a la familia.",
  CEM: "Indicios de violencia en el hogar que afectan a la estudiante y a su madre; se solicita atención integral.",
  CSMC: "Dificultades emocionales y consumo de sustancias referidos en la evaluación; se solicita evaluación en salud mental.",
  BAPES:
    "El estudiante se reúne con pares vinculados a actividades delictivas cerca del colegio; se solicita acompañamiento preventivo.",
  UGEL: "Bajo rendimiento y desmotivación académica con riesgo de abandono; se solicita apoyo pedagógico y verificación en SIAGIE.",
};

export const REJECTION_REASONS = [
  "El domicilio del estudiante pertenece a otra jurisdicción; derivar a la oficina del distrito que corresponde.",
  "Falta el consentimiento firmado del apoderado para iniciar la atención.",
  "La información enviada no es suficiente; se requiere el informe de la visita domiciliaria.",
];

export const COUNTER_REFERRALS: Record<AgencyType, string> = {
  DEMUNA:
    "Se realizó entrevista con la familia y se firmó acta de compromiso; la familia asiste a talleres de crianza positiva.",
  CEM: "Se brindó atención psicológica y legal a la madre y a la estudiante; se dictaron medidas de protección.",
  CSMC: "Evaluación en salud mental realizada; el estudiante continúa en terapia quincenal en el CSMC.",
  BAPES:
    "Se incorporó al estudiante a las actividades deportivas de la brigada escolar; se coordinó patrullaje en la zona.",
  UGEL: "Se asignó reforzamiento pedagógico y se verificó la matrícula en SIAGIE.",
};

/** The counter-referral's next steps, and whether the school team takes the case back. */
export const NEXT_STEPS: Record<AgencyType, { text: string; returnsToSchool: boolean }> = {
  DEMUNA: {
    text: "La DEMUNA hará seguimiento mensual a la familia; el colegio informa inasistencias y cambios en la conducta.",
    returnsToSchool: true,
  },
  CEM: {
    text: "Continúa el patrocinio legal de la madre; el colegio acompaña a la estudiante y avisa de cualquier nuevo indicio.",
    returnsToSchool: false,
  },
  CSMC: {
    text: "Terapia quincenal en el CSMC por tres meses; el colegio vigila la asistencia y el ánimo, y avisa de cualquier alerta.",
    returnsToSchool: true,
  },
  BAPES: { text: "Participación semanal en la brigada escolar hasta fin de año.", returnsToSchool: true },
  UGEL: {
    text: "Reforzamiento dos tardes por semana; el tutor informa el avance al cierre del bimestre.",
    returnsToSchool: true,
  },
};

export const RATIONALE_OPENING = {
  LOW: "Pocos factores de riesgo presentes y factores protectores activos.",
  MODERATE: "Varios factores de riesgo presentes, con algunos factores protectores.",
  HIGH: "Concurrencia de factores de riesgo históricos, sociales e individuales.",
} as const;
