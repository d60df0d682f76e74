// Package hostid knows the host ID types of FlexNet Embedded (FNE-API.md):
// the one list that reservations, model definitions and the simulator check
// types against.
package hostid

import "slices"

// Types are the host ID types servers know, in the order pickers list them.
var Types = []string{
	"ETHERNET", "STRING", "USER", "VM_UUID", "FLEXID9", "FLEXID10",
	"INTERNET", "INTERNET6", "EXTENDED", "PUBLISHER_DEFINED", "CONTAINER_ID",
}

// Known tells whether t, written as servers store it (upper case), is a type.
func Known(t string) bool { return slices.Contains(Types, t) }
