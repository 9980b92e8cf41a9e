// What a test of the durable jobs needs, imported in one line after it has set the environment the
// code under test reads (provider base URLs, fetch allowlist): the client, enqueue, the worker.
export { db } from "../db";
export { enqueue } from "../jobs/queue";
export { drain } from "../jobs/worker";
export { registerHandlers } from "../jobs/handlers";
