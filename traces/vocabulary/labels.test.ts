import { describe, expect, it } from "vitest";
import { channelId, contextId, goroutineId, objectId } from "../events";
import {
  channelLabel,
  channelLabelOf,
  channelNoun,
  contextLabel,
  goroutineLabel,
  goroutineLabelOf,
  goroutineTag,
  objectLabel,
  objectLabelOf,
  type EntityLookup,
} from "./labels";

const names: EntityLookup = {
  goroutine: (id) => (id === 2 ? { id, name: "worker" } : undefined),
  channel: (id) => (id === 1 ? { id, name: "jobs" } : id === 3 ? { id, name: undefined } : undefined),
  object: (id) => (id === 1 ? { id, type: "Mutex", name: "mu" } : id === 2 ? { id, type: "WaitGroup", name: undefined } : undefined),
};

describe("goroutine labels", () => {
  it("are the id after a G, then the name when there is one", () => {
    expect(goroutineLabel({ id: goroutineId(2), name: "worker" })).toBe("G2 worker");
    expect(goroutineLabel({ id: goroutineId(2), name: undefined })).toBe("G2");
    expect(goroutineLabel({ id: goroutineId(2), name: "" })).toBe("G2");
  });

  it("call goroutine 0 the runtime, named or not", () => {
    expect(goroutineTag(goroutineId(0))).toBe("runtime");
    expect(goroutineLabel({ id: goroutineId(0), name: "scheduler" })).toBe("runtime");
  });

  it("have a tag that leaves the name out", () => {
    expect(goroutineTag(goroutineId(7))).toBe("G7");
  });

  it("are found by id, and an unknown id is its tag", () => {
    expect(goroutineLabelOf(names, goroutineId(2))).toBe("G2 worker");
    expect(goroutineLabelOf(names, goroutineId(9))).toBe("G9");
    expect(goroutineLabelOf(undefined, goroutineId(2))).toBe("G2");
  });
});

describe("channel labels", () => {
  it("are the channel's name, bare alone and in backticks in text", () => {
    expect(channelLabel({ id: channelId(1), name: "jobs" })).toBe("jobs");
    expect(channelLabel({ id: channelId(1), name: "jobs" }, "text")).toBe("`jobs`");
  });

  it("are chan #id for an unnamed channel, alone and in text", () => {
    expect(channelLabel({ id: channelId(3), name: undefined })).toBe("chan #3");
    expect(channelLabel({ id: channelId(3), name: "" }, "text")).toBe("chan #3");
  });

  it("are nil chan for a nil channel, and a nil channel in text", () => {
    expect(channelLabel(null)).toBe("nil chan");
    expect(channelLabel(null, "text")).toBe("a nil channel");
  });

  it("put chan in front of a name where the label must say it is a channel", () => {
    expect(channelNoun({ id: channelId(1), name: "jobs" })).toBe("chan jobs");
    expect(channelNoun({ id: channelId(1), name: "jobs" }, "text")).toBe("chan `jobs`");
    expect(channelNoun({ id: channelId(3), name: undefined })).toBe("chan #3");
    expect(channelNoun(null)).toBe("nil chan");
  });

  it("are found by id, and an unknown id is chan #id", () => {
    expect(channelLabelOf(names, channelId(1))).toBe("jobs");
    expect(channelLabelOf(names, channelId(3), "text")).toBe("chan #3");
    expect(channelLabelOf(names, channelId(8))).toBe("chan #8");
    expect(channelLabelOf(undefined, null)).toBe("nil chan");
  });
});

describe("sync object labels", () => {
  it("are the type then the name, the name in backticks in text", () => {
    expect(objectLabel({ id: objectId(1), type: "Mutex", name: "mu" })).toBe("Mutex mu");
    expect(objectLabel({ id: objectId(1), type: "Mutex", name: "mu" }, "text")).toBe("Mutex `mu`");
  });

  it("are the type then #id for an unnamed object", () => {
    expect(objectLabel({ id: objectId(2), type: "WaitGroup", name: undefined })).toBe("WaitGroup #2");
    expect(objectLabel({ id: objectId(2), type: "WaitGroup", name: undefined }, "text")).toBe("WaitGroup #2");
  });

  it("are found by id, and an unknown object is a sync object #id", () => {
    expect(objectLabelOf(names, objectId(1))).toBe("Mutex mu");
    expect(objectLabelOf(names, objectId(2), "text")).toBe("WaitGroup #2");
    expect(objectLabelOf(names, objectId(5))).toBe("sync object #5");
  });
});

describe("context labels", () => {
  it("are ctx and the id, as the runtime names a context's done channel", () => {
    expect(contextLabel(contextId(2))).toBe("ctx 2");
  });
});
