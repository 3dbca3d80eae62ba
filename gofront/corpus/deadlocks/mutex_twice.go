// Checks the deadlock report when main locks a mutex it already holds (Go mutexes are not reentrant).
package main

import (
	"fmt"
	"sync"
)

type account struct {
	mu      sync.Mutex
	balance int
}

func (a *account) Balance() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.balance
}

func (a *account) Deposit(n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance += n
	fmt.Println("deposited", n, "now reading balance under the same lock")
	fmt.Println(a.Balance())
}

func main() {
	a := &account{}
	a.Deposit(10)
}
