//go:build !windows

package orgpolicy

// Machine reads no policies where there is no Windows registry: the Linux
// build is for development, and its tests use Load with sources.
func Machine(company string) Policies { return Load() }
