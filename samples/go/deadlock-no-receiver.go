package main

func main() {
	messages := make(chan string)
	messages <- "hello" // nobody will ever receive it
}
