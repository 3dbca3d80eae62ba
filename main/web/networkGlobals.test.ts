import { describe, expect, it } from "vitest";
import { NETWORK_GLOBALS, removeNetworkGlobals } from "./networkGlobals";

describe("removing the network from a worker's scope", () => {
  it("takes fetch and the rest off the scope and its prototypes, for good", () => {
    class WorkerScopeLike {
      fetch(): string {
        return "reached";
      }
    }
    const scope = Object.assign(new WorkerScopeLike(), { XMLHttpRequest: class {}, WebSocket: class {}, postMessage: () => {} });
    removeNetworkGlobals(scope);
    const open = scope as unknown as Record<string, unknown>;
    for (const name of NETWORK_GLOBALS) expect(open[name]).toBeUndefined();
    expect(WorkerScopeLike.prototype).not.toHaveProperty("fetch");
    expect(() => (open["fetch"] = () => "again")).toThrow(TypeError);
    expect(Reflect.deleteProperty(scope, "fetch")).toBe(false);
    expect(typeof scope.postMessage).toBe("function");
  });
});
