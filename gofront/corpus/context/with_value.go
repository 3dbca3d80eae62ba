// Checks context.WithValue: lookups walk up the parent chain; unexported key types avoid clashes.
package main

import (
	"context"
	"fmt"
)

type ctxKey string
type otherKey string

func handle(ctx context.Context) {
	user, ok := ctx.Value(ctxKey("user")).(string)
	fmt.Println("user:", user, ok)
	id, ok := ctx.Value(ctxKey("request")).(int)
	fmt.Println("request:", id, ok)
	fmt.Println("other key type:", ctx.Value(otherKey("user")))
}

func main() {
	base := context.Background()
	ctx := context.WithValue(base, ctxKey("user"), "ann")
	ctx = context.WithValue(ctx, ctxKey("request"), 42)
	handle(ctx)
	shadow := context.WithValue(ctx, ctxKey("user"), "bob")
	handle(shadow)
	fmt.Println(ctx.Value(ctxKey("user")), base.Value(ctxKey("user")))

	cctx, cancel := context.WithCancel(shadow)
	cancel()
	fmt.Println(cctx.Value(ctxKey("user")), cctx.Err())
	fmt.Println(context.TODO().Value("anything"))
}
