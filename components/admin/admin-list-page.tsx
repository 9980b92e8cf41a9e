// The layout every admin list shares: the title, an optional introduction, the "new …" form in
// its own section, then the list (a DataTable).
import type { ReactNode } from "react";

export function AdminListPage(p: {
  title: string;
  intro?: ReactNode;
  createTitle: string;
  createForm: ReactNode;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <main className={`mx-auto ${p.wide ? "max-w-screen-xl" : "max-w-screen-lg"} space-y-6 p-4`}>
      <h1 className="text-xl font-semibold">{p.title}</h1>
      {p.intro}
      <section aria-labelledby="create-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="create-title" className="mb-3 font-semibold">
          {p.createTitle}
        </h2>
        {p.createForm}
      </section>
      {p.children}
    </main>
  );
}
