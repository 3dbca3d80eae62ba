package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

type Image struct {
	name string
	kb   int
}

var files = []Image{
	{name: "beach.png", kb: 800},
	{name: "city.png", kb: 1200},
	{name: "forest.png", kb: 400},
	{name: "mountain.png", kb: 1600},
	{name: "river.png", kb: 600},
	{name: "desert.png", kb: 1000},
	{name: "lake.png", kb: 200},
	{name: "canyon.png", kb: 1400},
	{name: "glacier.png", kb: 900},
	{name: "meadow.png", kb: 500},
	{name: "island.png", kb: 700},
	{name: "valley.png", kb: 1100},
}

func resize(img Image) Image {
	time.Sleep(time.Duration(img.kb) * time.Millisecond / 20) // 1 ms per 20 KB
	return Image{name: img.name, kb: img.kb / 4}
}

func compress(img Image) string {
	time.Sleep(time.Duration(img.kb) * time.Millisecond / 10)
	return strings.Replace(img.name, ".png", ".jpg", 1)
}

func worker(images <-chan Image, processed chan<- string) {
	for img := range images {
		small := resize(img)
		processed <- compress(small)
	}
}

func main() {
	images := make(chan Image, 3)
	processed := make(chan string)
	var wg sync.WaitGroup

	for i := 1; i <= 5; i++ {
		wg.Add(1)
		go func() { // goroutine "worker {i}"
			worker(images, processed)
			wg.Done()
		}()
	}

	go func() { // goroutine "feeder"
		for _, img := range files {
			images <- img
		}
		close(images)
	}()

	go func() { // goroutine "closer"
		wg.Wait()
		close(processed)
	}()

	var thumbnails []string
	for name := range processed {
		thumbnails = append(thumbnails, name)
	}
	sort.Strings(thumbnails) // beach and lake finish together at 60 ms: arrival order is not fixed
	fmt.Println(len(thumbnails), "thumbnails:", strings.Join(thumbnails, " "))
}
