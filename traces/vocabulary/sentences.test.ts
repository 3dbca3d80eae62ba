import { describe, expect, it } from "vitest";
import { whySentence } from "./sentences";

describe("a why as sentences of its own", () => {
  it("turns a relative clause into a sentence about the channel, and its list into another", () => {
    expect(whySentence("which no running goroutine can send to: of its other users, G3 is blocked too (waiting to receive from `b`)")).toBe(
      "No running goroutine can send to it. Of its other users, G3 is blocked too (waiting to receive from `b`).",
    );
    expect(whySentence("which no running goroutine receives from: its other user G1 has exited")).toBe(
      "No running goroutine receives from it. Its other user G1 has exited.",
    );
  });

  it("drops a leading 'and' and starts with a capital", () => {
    expect(whySentence("and only Done calls can bring the counter to zero: G2 and G3 hold the count")).toBe(
      "Only Done calls can bring the counter to zero: G2 and G3 hold the count.",
    );
  });

  it("gives a clause without a subject one", () => {
    expect(whySentence("held by G2, which has exited without unlocking it")).toBe(
      "It is held by G2, which has exited without unlocking it.",
    );
    expect(whySentence("until every task of the group returns: G4 is running")).toBe(
      "It waits until every task of the group returns: G4 is running.",
    );
    expect(whySentence("which blocks for ever")).toBe("It blocks for ever.");
  });

  it("leaves a sentence that already stands alone, and an empty why, as they are", () => {
    expect(whySentence("main returned before it ran; a Go program ends when main returns")).toBe(
      "Main returned before it ran; a Go program ends when main returns.",
    );
    expect(whySentence("")).toBe("");
  });
});
