//go:build !windows

package netproxy

// SystemConfig is none outside Windows: there the environment variables
// are the system's proxy configuration.
func SystemConfig() System { return System{} }
