// Checks zero values of every kind of type and struct literal defaults.
package main

import "fmt"

type Config struct {
	Name    string
	Port    int
	Debug   bool
	Ratio   float64
	Tags    []string
	Meta    map[string]string
	Next    *Config
	Handler func()
	Ch      chan int
	Err     error
	Any     interface{}
}

func main() {
	var c Config
	fmt.Printf("%q %d %t %g\n", c.Name, c.Port, c.Debug, c.Ratio)
	fmt.Println(c.Tags == nil, c.Meta == nil, c.Next == nil, c.Handler == nil, c.Ch == nil, c.Err == nil, c.Any == nil)
	fmt.Println(len(c.Tags), len(c.Meta), len(c.Ch), cap(c.Ch))
	var arr [3]bool
	var r rune
	var b byte
	var u uint16
	fmt.Println(arr, r, b, u)
	d := Config{Name: "x", Port: 80}
	fmt.Println(d.Name, d.Port, d.Debug)
	var ip *int
	var e error
	fmt.Println(ip, e)
	type pair struct {
		a int
		b string
	}
	fmt.Printf("%+v\n", pair{})
}
