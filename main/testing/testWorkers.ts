// Test support: run workers straight from the TypeScript sources, through tsx
// (main/node/runner/tsxWorker.ts, which the CLI uses too).
export { typeScriptRunWorkers, typeScriptWorker } from "../node/runner/tsxWorker";
