package main

import (
	"fmt"
	"math"
	"sync"
	"time"
)

type Download struct {
	file   string
	chunks int
}

type Progress struct {
	file    string
	percent int
}

var downloads = []Download{
	{file: "go1.23.linux-amd64.tar.gz", chunks: 5},
	{file: "ubuntu-24.04.iso", chunks: 8},
	{file: "dataset.csv", chunks: 2},
	{file: "photos.zip", chunks: 4},
	{file: "video.mp4", chunks: 6},
}

func download(d Download, progress chan<- Progress) {
	for chunk := 1; chunk <= d.chunks; chunk++ {
		time.Sleep(25 * time.Millisecond) // one chunk over the network
		progress <- Progress{file: d.file, percent: int(math.Round(float64(100*chunk) / float64(d.chunks)))}
	}
}

func worker(jobs <-chan Download, progress chan<- Progress) {
	for d := range jobs {
		download(d, progress)
	}
}

func main() {
	jobs := make(chan Download, len(downloads))
	progress := make(chan Progress)
	var wg sync.WaitGroup

	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go func() { // goroutine "worker {w}"
			worker(jobs, progress)
			wg.Done()
		}()
	}
	for _, d := range downloads {
		jobs <- d
	}
	close(jobs)

	go func() { // goroutine "closer"
		wg.Wait()
		close(progress)
	}()

	percent := make(map[string]int)
	for p := range progress {
		percent[p.file] = p.percent
	}
	fmt.Println(percent) // fmt prints a map with its keys sorted
}
