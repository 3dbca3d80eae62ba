// Checks panic with an error value: Go prints the Error() text, custom error types included.
package main

import (
	"fmt"
)

type ConfigError struct {
	Key string
}

func (e *ConfigError) Error() string { return "missing config key " + e.Key }

func load(key string) error {
	if key == "port" {
		return &ConfigError{key}
	}
	return nil
}

func main() {
	for _, k := range []string{"host", "port"} {
		if err := load(k); err != nil {
			panic(fmt.Errorf("startup: %w", err))
		}
		fmt.Println("loaded", k)
	}
}
