// Checks labeled break and continue, switch without fallthrough, tagless switch and if-init.
package main

import "fmt"

func grade(score int) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 80:
		return "B"
	case score < 0:
		return "?"
	default:
		return "C"
	}
}

func kind(c byte) string {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return "vowel"
	case ' ':
		return "space"
	}
	return "consonant"
}

func main() {
	for _, s := range []int{95, 85, 50, -3} {
		fmt.Print(grade(s), " ")
	}
	fmt.Println()
	for i := 0; i < 4; i++ {
		fmt.Print(kind("hi o"[i]), " ")
	}
	fmt.Println()

outer:
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			if j == 2 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			fmt.Print(i, j, " ")
		}
	}
	fmt.Println()

	n := 0
	for n < 100 {
		n = n*2 + 1
	}
	fmt.Println(n)
	for {
		n--
		if n%10 == 0 {
			break
		}
	}
	fmt.Println(n)
	if v := n / 3; v > 10 {
		fmt.Println("big", v)
	} else if v > 5 {
		fmt.Println("medium", v)
	} else {
		fmt.Println("small", v)
	}
	switch x := n % 7; x {
	case 0:
		fmt.Println("zero")
	default:
		fmt.Println("rest", x)
	}
}
