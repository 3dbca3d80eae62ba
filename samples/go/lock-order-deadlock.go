package main

import (
	"fmt"
	"sync"
	"time"
)

type Account struct {
	name    string
	mu      sync.Mutex
	balance int
}

func account(name string, balance int) *Account {
	return &Account{name: name, balance: balance}
}

func transfer(from, to *Account, amount int) {
	from.mu.Lock()
	time.Sleep(10 * time.Millisecond) // check the balance
	to.mu.Lock()                      // Bug: the other transfer takes the locks in the opposite order
	from.balance -= amount
	to.balance += amount
	to.mu.Unlock()
	from.mu.Unlock()
}

func main() {
	alice := account("alice", 100)
	bob := account("bob", 100)
	var wg sync.WaitGroup
	wg.Add(2)

	go func() { // goroutine "alice pays bob"
		transfer(alice, bob, 10)
		wg.Done()
	}()

	go func() { // goroutine "bob pays alice"
		time.Sleep(10 * time.Millisecond) // bob's payment comes in just as alice's reaches for bob's lock
		transfer(bob, alice, 20)
		wg.Done()
	}()

	wg.Wait()
	fmt.Println(alice.name, alice.balance, bob.name, bob.balance)
}
