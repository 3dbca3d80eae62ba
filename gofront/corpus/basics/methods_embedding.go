// Checks methods with value and pointer receivers, method values and embedded structs.
package main

import "fmt"

type Animal struct {
	Name string
	legs int
}

func (a Animal) Describe() string   { return fmt.Sprintf("%s has %d legs", a.Name, a.legs) }
func (a *Animal) Rename(n string)   { a.Name = n }
func (a Animal) TryRename(n string) { a.Name = n }

type Dog struct {
	Animal
	Breed string
}

func (d Dog) Describe() string { return "dog: " + d.Animal.Describe() }

type Logger struct{ prefix string }

func (l *Logger) Log(s string) { fmt.Println(l.prefix + s) }

type Service struct {
	*Logger
	name string
}

func main() {
	a := Animal{"cat", 4}
	a.TryRename("tiger")
	fmt.Println(a.Describe())
	a.Rename("lion")
	fmt.Println(a.Describe())

	d := Dog{Animal{"rex", 4}, "collie"}
	d.Rename("max")
	fmt.Println(d.Describe())
	fmt.Println(d.Name, d.legs, d.Animal.Name)

	f := a.Describe
	a.Rename("puma")
	fmt.Println(f(), "|", a.Describe())

	g := (*Animal).Rename
	g(&a, "ocelot")
	fmt.Println(Animal.Describe(a))

	s := Service{&Logger{"[svc] "}, "api"}
	s.Log("started " + s.name)
	s.prefix = "[changed] "
	s.Log("again")
}
