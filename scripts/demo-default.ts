// The same default as `npm start` (ADR 0013): no DATABASE_URL and no DEMO_MODE means the demo, on
// its data folder and its generated secrets (DATA_DIR/demo-secrets.json). Imported first by the
// scripts the README shows, so each works on a fresh demo exactly as written (ADR 0800).
if (!process.env.DEMO_MODE && !process.env.DATABASE_URL) process.env.DEMO_MODE = "true";
export {};
