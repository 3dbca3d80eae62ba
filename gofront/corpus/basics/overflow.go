// Checks wrapping of sized integer types on overflow and conversions between them.
package main

import "fmt"

func main() {
	var i8 int8 = 127
	i8++
	fmt.Println(i8)
	i8 = -128
	i8--
	fmt.Println(i8)

	var u8 uint8 = 250
	for i := 0; i < 10; i++ {
		u8++
	}
	fmt.Println(u8)
	u8 = 0
	u8--
	fmt.Println(u8)

	var i32 int32 = 2147483647
	i32 += 10
	fmt.Println(i32)
	var u32 uint32 = 4000000000
	u32 *= 2
	fmt.Println(u32)

	var u64 uint64 = 1 << 63
	u64 *= 2
	fmt.Println(u64)
	u64--
	fmt.Println(u64)

	v := 300
	fmt.Println(int8(v), uint8(v), uint16(-1*v), int16(v*250))
	var h uint32 = 2166136261
	for _, b := range []byte("chanscope") {
		h ^= uint32(b)
		h *= 16777619
	}
	fmt.Println(h)
}
