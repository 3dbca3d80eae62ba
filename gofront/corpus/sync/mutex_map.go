// Checks a mutex-protected map written by many goroutines, printed with sorted keys.
package main

import (
	"fmt"
	"strings"
	"sync"
)

type Registry struct {
	sync.Mutex
	byLetter map[string][]string
}

func (r *Registry) Add(word string) {
	r.Lock()
	defer r.Unlock()
	k := strings.ToUpper(word[:1])
	r.byLetter[k] = append(r.byLetter[k], word)
}

func main() {
	words := strings.Fields("apple avocado banana blueberry cherry cranberry coconut date")
	reg := &Registry{byLetter: map[string][]string{}}
	var wg sync.WaitGroup
	for _, w := range words {
		wg.Add(1)
		go func(w string) {
			defer wg.Done()
			reg.Add(w)
		}(w)
	}
	wg.Wait()
	counts := map[string]int{}
	for k, v := range reg.byLetter {
		counts[k] = len(v)
	}
	fmt.Println(counts)
	fmt.Println(len(reg.byLetter))
}
