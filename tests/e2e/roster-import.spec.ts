import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, login, waitForHydration } from "./fixtures";

test.use({ viewport: { width: 360, height: 740 } });

// Row 1 is the header, so the student with the 4-digit DNI sits on row 3 of the file.
const CSV = [
  "Tipo de documento;Número de documento;Apellido paterno;Apellido materno;Nombres;Sexo;Fecha de nacimiento;Grado;Sección",
  "DNI;78000001;Prueba;Importación;Rosa;F;14/03/2012;2;A",
  "DNI;1234;Prueba;Errónea;Luis;M;02/07/2011;3;B",
].join("\r\n");

test("[IMPORT] a director uploads a roster with a bad row and sees the row error in Spanish; nothing can be imported", async ({
  page,
}) => {
  await login(page, DEMO_ACCOUNTS.director);
  await page.goto("/students/import");
  await expect(page.getByRole("heading", { level: 1, name: "Importar padrón" })).toBeVisible();
  await waitForHydration(page, 'input[type="file"]');

  await page
    .getByLabel("Archivo (CSV o XLSX)")
    .setInputFiles({ name: "padron.csv", mimeType: "text/csv", buffer: Buffer.from(CSV, "utf8") });
  await page.getByRole("button", { name: "Revisar archivo" }).click();

  await expect(page.getByRole("heading", { name: "Vista previa" })).toBeVisible();
  // At phone width the errors are cards: "Fila 3 · Columna Número de documento" + reason.
  const errors = page.getByTestId("import-errors-cards");
  await expect(errors).toBeVisible();
  await expect(errors).toContainText("Fila 3");
  await expect(errors).toContainText("Número de documento");
  await expect(errors).toContainText("El DNI «1234» debe tener 8 dígitos.");
  await expect(page.getByRole("button", { name: "Confirmar importación" })).toBeDisabled();
  await expect(page.getByText("Corrija los errores para poder importar.")).toBeVisible();
});

test("[IMPORT] a valid roster lands after confirmation; the student is found, edited and its phone shows today's verification", async ({
  page,
}) => {
  const csv = [
    "Tipo de documento;Número de documento;Apellido paterno;Apellido materno;Nombres;Sexo;Fecha de nacimiento;Grado;Sección;Dirección;Referencia;Distrito",
    "DNI;78000077;Ñañez;Cárdenas;Úrsula;F;14/03/2012;2;A;Jr. Los Pinos 123;Frente al mercado;Trujillo",
  ].join("\r\n");
  await login(page, DEMO_ACCOUNTS.director);
  await page.goto("/students/import");
  await waitForHydration(page, 'input[type="file"]');
  await page
    .getByLabel("Archivo (CSV o XLSX)")
    .setInputFiles({ name: "padron-ok.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Revisar archivo" }).click();
  await expect(page.getByText("Sin errores: el archivo puede importarse.")).toBeVisible();
  await page.getByRole("button", { name: "Confirmar importación" }).click();
  await expect(page.getByRole("heading", { name: "Importación terminada." })).toBeVisible();

  // Accent-insensitive search finds "Ñañez Cárdenas, Úrsula".
  await page.goto("/students?q=nanez+ursula");
  await page.getByRole("link", { name: "Ñañez Cárdenas, Úrsula" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ñañez Cárdenas, Úrsula" })).toBeVisible();
  await expect(page.getByText("Frente al mercado")).toBeVisible();

  await page.getByRole("link", { name: "Editar" }).click();
  await page.getByLabel("Teléfono del estudiante").fill("987 654 321");
  await page.getByRole("button", { name: "Guardar" }).click();
  await expect(page.getByText("Cambios guardados.")).toBeVisible();
  const today = new Intl.DateTimeFormat("es-PE", {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    timeZone: "America/Lima",
  }).format(new Date());
  const phone = page.getByTestId("contact-block").filter({ hasText: "987 654 321" });
  await expect(phone).toContainText(`verificado el ${today}`);
});
