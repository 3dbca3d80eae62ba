import { describe, expect, it } from "vitest";
import { goFunctionAt } from "./goFunctionNames";

const SOURCE = `package main

import "fmt"

type Account struct{ n int }

func (a *Account) Deposit(n int) { // line 7
	a.n += n
}

func (a Account) String() string { return fmt.Sprint(a.n) } // line 11

func apply(f func(int) int, x int) int {
	return f(x) // line 14
}

func main() {
	s := "func { not code }"
	_ = s
	go func() { // line 20
		fmt.Println("first") // line 21
		done := func() interface{} {
			return nil // line 23
		}
		_ = done
	}()
	var g func() int
	_ = g
	go func(n int) {
		fmt.Println(n) // line 31
	}(1)
	/* a comment with func() { */
	fmt.Println() // line 34
}
`;

describe("the Go function a line is in", () => {
  it.each([
    [8, "main.(*Account).Deposit"],
    [11, "main.Account.String"],
    [14, "main.apply"],
    [18, "main.main"],
    [21, "main.main.func1"],
    [23, "main.main.func1.1"],
    [31, "main.main.func2"],
    [34, "main.main"],
  ])("line %i is in %s", (line, name) => {
    expect(goFunctionAt(SOURCE, line)).toBe(name);
  });

  it("is undefined outside every function", () => {
    expect(goFunctionAt(SOURCE, 5)).toBeUndefined();
  });
});
