# Drops the debug output the Wails v2.9.2 binding generator prints for the
# struct fields of bound types: "KnownStructs: ..." (after whatever status
# text its line shares), the type name on the next line, and the blank line
# that follows. Walls of text that say nothing to a person; everything else
# passes through as it comes.
/KnownStructs:/ {
  keep = $0
  sub(/[0-9]+\/[0-9]+\/[0-9]+ [0-9:]+ KnownStructs:.*/, "", keep)
  sub(/KnownStructs:.*/, "", keep)
  if (keep ~ /[^ \t]/) { printf "%s", keep; fflush() }
  skip = 2
  next
}
skip == 2 { skip = 1; next }
skip == 1 { skip = 0; if ($0 == "") next }
{ print; fflush() }
