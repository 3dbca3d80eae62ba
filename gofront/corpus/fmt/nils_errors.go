// Checks how fmt prints nil values, errors, error methods and values whose methods panic on nil.
package main

import (
	"errors"
	"fmt"
)

type MyErr struct{ Code int }

func (e MyErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

type Both struct{}

func (Both) Error() string  { return "as error" }
func (Both) String() string { return "as string" }

func main() {
	var err error
	fmt.Println(err)
	fmt.Printf("%v|%s|%d\n", err, err, err)
	err = errors.New("disk full")
	fmt.Println(err)
	fmt.Printf("%v|%s|%q\n", err, err, err)
	err = MyErr{7}
	fmt.Println(err, MyErr{8})
	fmt.Printf("%v %+v %d\n", err, err, err)
	fmt.Println(Both{})
	fmt.Printf("%v %s\n", Both{}, Both{})
	var e2 *MyErr
	fmt.Println(e2 == nil)
	var iface interface{}
	fmt.Println(iface)
	fmt.Printf("%v %T\n", iface, iface)
	fmt.Printf("%T %T\n", err, errors.New("x"))
	wrapped := fmt.Errorf("ctx: %w", MyErr{9})
	fmt.Println(wrapped)
	fmt.Printf("%v\n", []error{MyErr{1}, errors.New("two")})
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.5, nil))
	fmt.Print("x", 1, "\n")
	fmt.Print(1, 2, "\n")
	fmt.Println(fmt.Sprintln("end", 1) == "end 1\n")
}
