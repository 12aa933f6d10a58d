-- National holidays of Peru. Saving attendance on one of them (or on a weekend) asks for
-- confirmation, because the saved day becomes a school day for the alert rules.
-- CreateTable
CREATE TABLE "holiday" (
    "day" DATE NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "holiday_pkey" PRIMARY KEY ("day"),
    CONSTRAINT "holiday_name_not_blank_chk" CHECK (btrim("name") <> '')
);

-- AddForeignKey
ALTER TABLE "holiday" ADD CONSTRAINT "holiday_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The national calendar as in force in 2026, for three years. The
-- administrator adds later years, regional days and one-off days off on /admin/holidays.
INSERT INTO "holiday" ("day", "name") VALUES
  ('2026-01-01', 'Año Nuevo'),
  ('2026-04-02', 'Jueves Santo'),
  ('2026-04-03', 'Viernes Santo'),
  ('2026-05-01', 'Día del Trabajo'),
  ('2026-06-07', 'Batalla de Arica y Día de la Bandera'),
  ('2026-06-29', 'San Pedro y San Pablo'),
  ('2026-07-23', 'Día de la Fuerza Aérea del Perú'),
  ('2026-07-28', 'Fiestas Patrias'),
  ('2026-07-29', 'Fiestas Patrias'),
  ('2026-08-06', 'Batalla de Junín'),
  ('2026-08-30', 'Santa Rosa de Lima'),
  ('2026-10-08', 'Combate de Angamos'),
  ('2026-11-01', 'Día de Todos los Santos'),
  ('2026-12-08', 'Inmaculada Concepción'),
  ('2026-12-09', 'Batalla de Ayacucho'),
  ('2026-12-25', 'Navidad'),
  ('2027-01-01', 'Año Nuevo'),
  ('2027-03-25', 'Jueves Santo'),
  ('2027-03-26', 'Viernes Santo'),
  ('2027-05-01', 'Día del Trabajo'),
  ('2027-06-07', 'Batalla de Arica y Día de la Bandera'),
  ('2027-06-29', 'San Pedro y San Pablo'),
  ('2027-07-23', 'Día de la Fuerza Aérea del Perú'),
  ('2027-07-28', 'Fiestas Patrias'),
  ('2027-07-29', 'Fiestas Patrias'),
  ('2027-08-06', 'Batalla de Junín'),
  ('2027-08-30', 'Santa Rosa de Lima'),
  ('2027-10-08', 'Combate de Angamos'),
  ('2027-11-01', 'Día de Todos los Santos'),
  ('2027-12-08', 'Inmaculada Concepción'),
  ('2027-12-09', 'Batalla de Ayacucho'),
  ('2027-12-25', 'Navidad'),
  ('2028-01-01', 'Año Nuevo'),
  ('2028-04-13', 'Jueves Santo'),
  ('2028-04-14', 'Viernes Santo'),
  ('2028-05-01', 'Día del Trabajo'),
  ('2028-06-07', 'Batalla de Arica y Día de la Bandera'),
  ('2028-06-29', 'San Pedro y San Pablo'),
  ('2028-07-23', 'Día de la Fuerza Aérea del Perú'),
  ('2028-07-28', 'Fiestas Patrias'),
  ('2028-07-29', 'Fiestas Patrias'),
  ('2028-08-06', 'Batalla de Junín'),
  ('2028-08-30', 'Santa Rosa de Lima'),
  ('2028-10-08', 'Combate de Angamos'),
  ('2028-11-01', 'Día de Todos los Santos'),
  ('2028-12-08', 'Inmaculada Concepción'),
  ('2028-12-09', 'Batalla de Ayacucho'),
  ('2028-12-25', 'Navidad');
