// Checks time.NewTicker delivering ticks until Stop after N ticks, then no more ticks.
package main

import (
	"fmt"
	"time"
)

func main() {
	// Now before the ticker: ticks come on its grid, so the 4th is >= 60ms after.
	start := time.Now()
	ticker := time.NewTicker(15 * time.Millisecond)
	n := 0
	for range ticker.C {
		n++
		fmt.Println("tick", n)
		if n == 4 {
			ticker.Stop()
			break
		}
	}
	fmt.Println("at least 60ms passed:", time.Since(start) >= 60*time.Millisecond)
	select {
	case <-ticker.C:
		fmt.Println("tick after stop?!")
	case <-time.After(50 * time.Millisecond):
		fmt.Println("no tick after stop")
	}

	tk := time.NewTicker(time.Hour)
	defer tk.Stop()
	tk.Reset(10 * time.Millisecond)
	count := 0
	for count < 3 {
		<-tk.C
		count++
	}
	fmt.Println("reset ticker ticked", count, "times")
}
