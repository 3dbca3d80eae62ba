// Checks %v %+v %#v %T on structs, nested structs, pointers to structs and anonymous structs.
package main

import "fmt"

type Address struct {
	City string
	Zip  int
}

type Person struct {
	Name    string
	Age     int
	Addr    Address
	Home    *Address
	Tags    []string
	private bool
}

func main() {
	a := Address{"Oslo", 150}
	p := Person{Name: "Ann", Age: 40, Addr: a, Tags: []string{"x", "y"}}
	fmt.Println(p)
	fmt.Printf("%v\n%+v\n", p, p)
	fmt.Printf("%#v\n", a)
	fmt.Printf("%T %T %T\n", p, &p, p.Tags)
	fmt.Println(&a)
	fmt.Printf("%v %+v %#v\n", &a, &a, []Address{a})
	fmt.Printf("%s\n", a)
	fmt.Printf("%d\n", a)
	anon := struct {
		X, Y int
		S    string
	}{1, 2, "z"}
	fmt.Printf("%v %+v %#v\n", anon, anon, anon)
	fmt.Printf("%#v %#v %#v\n", 42, "s", []string{"a"})
	fmt.Printf("%#v %#v\n", map[string]int{"b": 2, "a": 1}, struct{}{})
	pp := []*Address{&a}
	fmt.Println(len(pp), *pp[0])
	type wrapper struct{ P *Person }
	fmt.Printf("%+v\n", wrapper{nil})
	var e error
	var ip *int
	fmt.Printf("%#v %#v %v\n", e, []int(nil), ip)
}
