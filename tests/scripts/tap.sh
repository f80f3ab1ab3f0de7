# A few lines of the Test Anything Protocol for the script tests, sourced by
# each. The first argument of a test is the log file; every line also goes to
# standard output, where ctest shows it.
#   tap_begin LOG N       the plan: N cases
#   tap_check "what" CMD  runs CMD: ok when it exits 0
#   tap_end               exit 1 if any case failed or the plan was not met
TAP_LOG=""
TAP_COUNT=0
TAP_FAILED=0
TAP_PLANNED=0

tap_line() {
  printf '%s\n' "$*"
  [ -z "$TAP_LOG" ] || printf '%s\n' "$*" >>"$TAP_LOG"
}

tap_begin() {
  TAP_LOG="$1"
  TAP_PLANNED="$2"
  [ -z "$TAP_LOG" ] || { mkdir -p "$(dirname "$TAP_LOG")" && : >"$TAP_LOG"; }
  tap_line "1..$TAP_PLANNED"
}

tap_check() {
  local what="$1"
  shift
  TAP_COUNT=$((TAP_COUNT + 1))
  if "$@"; then
    tap_line "ok $TAP_COUNT - $what"
  else
    TAP_FAILED=$((TAP_FAILED + 1))
    tap_line "not ok $TAP_COUNT - $what"
  fi
}

tap_end() {
  [ "$TAP_COUNT" -eq "$TAP_PLANNED" ] || tap_line "# planned $TAP_PLANNED cases, ran $TAP_COUNT"
  [ "$TAP_FAILED" -eq 0 ] && [ "$TAP_COUNT" -eq "$TAP_PLANNED" ]
}
