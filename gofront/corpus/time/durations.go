// Checks time.Duration arithmetic, conversions and String formatting, and Since as comparisons.
package main

import (
	"fmt"
	"time"
)

func main() {
	ds := []time.Duration{
		1500 * time.Millisecond,
		90 * time.Second,
		250 * time.Millisecond,
		time.Duration(1500) * time.Microsecond,
		2*time.Hour + 3*time.Minute + 4*time.Second + 5*time.Millisecond,
		0,
		1,
		1500,
		-3 * time.Second,
		time.Minute / 7,
		36 * time.Hour,
	}
	for _, d := range ds {
		fmt.Println(d)
	}
	d := 90 * time.Second
	fmt.Println(d.Seconds(), d.Minutes(), d.Milliseconds(), int64(d))
	fmt.Printf("%v %s %d %T\n", d, d, d, d)
	fmt.Println(d.Round(time.Minute), d.Truncate(time.Minute), (1499 * time.Millisecond).Round(time.Second))
	fmt.Println(time.Second*2 > time.Millisecond*1999, d/time.Second, d%time.Minute)
	parsed, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(parsed, err, parsed.Hours())
	_, err = time.ParseDuration("soon")
	fmt.Println(err)
	start := time.Now()
	time.Sleep(25 * time.Millisecond)
	elapsed := time.Since(start)
	fmt.Println(elapsed >= 25*time.Millisecond, time.Now().After(start), start.Add(time.Second).Sub(start))
}
