/** "Descargar plantilla": a file in public/plantillas/ that imports cleanly (lib/imports/templates.test.ts). */
export function TemplateLink({ href, label, help }: { href: string; label: string; help: string }) {
  return (
    <p className="flex flex-col gap-1 text-sm sm:flex-row sm:items-center sm:gap-3">
      <a
        href={href}
        download
        className="inline-flex min-h-11 items-center font-medium text-teal-800 underline underline-offset-2"
      >
        {label}
      </a>
      <span className="text-slate-700">{help}</span>
    </p>
  );
}
