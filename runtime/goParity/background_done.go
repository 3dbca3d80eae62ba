// Background's Done is nil: receiving from it blocks forever.
package main

import (
	"context"
	"fmt"
)

func main() {
	fmt.Println("done is nil:", context.Background().Done() == nil)
	<-context.Background().Done()
}
