package main

import "fmt"

func main() {
	messages := make(chan string, 2)
	signals := make(chan bool)

	// A non-blocking receive: nothing has been sent yet, so the default runs.
	select {
	case msg := <-messages:
		fmt.Println("received message", msg)
	default:
		fmt.Println("no message received")
	}

	// Non-blocking sends: they succeed while the buffer has room.
	for _, msg := range []string{"hi", "hello", "hey"} {
		select {
		case messages <- msg:
			fmt.Println("sent message", msg)
		default:
			fmt.Println("no message sent:", msg)
		}
	}

	// A multi-way non-blocking select.
	select {
	case msg := <-messages:
		fmt.Println("received message", msg)
	case sig := <-signals:
		fmt.Println("received signal", sig)
	default:
		fmt.Println("no activity")
	}
}
