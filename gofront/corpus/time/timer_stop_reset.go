// Checks time.NewTimer with Stop and Reset: stopped timers never fire, reset timers fire once.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(time.Hour)
	fmt.Println("stop active:", t.Stop())
	fmt.Println("stop again:", t.Stop())
	select {
	case <-t.C:
		fmt.Println("fired?!")
	default:
		fmt.Println("stopped timer did not fire")
	}

	start := time.Now()
	t.Reset(20 * time.Millisecond)
	<-t.C
	fmt.Println("reset timer fired, after >= 20ms:", time.Since(start) >= 20*time.Millisecond)
	fmt.Println("stop after fire:", t.Stop())

	t2 := time.NewTimer(5 * time.Millisecond)
	time.Sleep(60 * time.Millisecond)
	if !t2.Stop() {
		<-t2.C
		fmt.Println("drained expired timer")
	}
	t2.Reset(10 * time.Millisecond)
	v := <-t2.C
	fmt.Println("fired again with a time:", !v.IsZero())

	t3 := time.NewTimer(30 * time.Millisecond)
	t3.Reset(5 * time.Millisecond)
	quick := time.After(100 * time.Millisecond)
	select {
	case <-t3.C:
		fmt.Println("reset to shorter fired first")
	case <-quick:
		fmt.Println("reset ignored")
	}
}
