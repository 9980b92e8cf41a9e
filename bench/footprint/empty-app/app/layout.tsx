// The reference for `npm run bench -- footprint`: an empty Next.js app of the same Next version.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
