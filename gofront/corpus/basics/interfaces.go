// Checks interfaces with dynamic dispatch, type assertions, type switches and nil interfaces.
package main

import (
	"fmt"
	"math"
)

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64    { return r.W * r.H }
func (r Rect) Name() string     { return "rect" }
func (c *Circle) Area() float64 { return math.Pi * c.R * c.R }
func (c *Circle) Name() string  { return "circle" }

func classify(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", x)
	case string:
		return "string of " + fmt.Sprint(len(x))
	case Shape:
		return "shape " + x.Name()
	case error:
		return "error " + x.Error()
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	shapes := []Shape{Rect{3, 4}, &Circle{1}}
	total := 0.0
	for _, s := range shapes {
		fmt.Printf("%s %.3f\n", s.Name(), s.Area())
		total += s.Area()
	}
	fmt.Printf("%.3f\n", total)

	var s Shape = Rect{1, 2}
	r, ok := s.(Rect)
	fmt.Println(r, ok)
	c, ok := s.(*Circle)
	fmt.Println(c, ok)

	for _, v := range []interface{}{nil, 3, int64(4), "hey", Rect{}, &Circle{2}, fmt.Errorf("bad"), 2.5, []int{1}} {
		fmt.Println(classify(v))
	}

	var none Shape
	fmt.Println(none == nil)
	var cp *Circle
	none = cp
	fmt.Println(none == nil, none != nil)
	var e interface{} = 5
	fmt.Println(e == 5, e == "5")
}
