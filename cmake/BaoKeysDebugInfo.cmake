# Debug sections compressed (zlib), in objects and in executables. Every test
# executable links the static core libraries with their debug info, so an
# uncompressed plain build folder holds 4.2 GiB, and CI builds three of them
# (plain, ASan, TSan) plus the fuzz targets: a CI machine with less free disk
# than that failed at the TSan link. Compressed, the plain folder holds 1.5
# GiB. gdb, addr2line and the sanitizers' symbolizers read compressed
# sections, so stack traces keep their file:line.
include(CheckCXXSourceCompiles)
set(CMAKE_REQUIRED_FLAGS "-gz")
set(CMAKE_REQUIRED_LINK_OPTIONS "-gz")
check_cxx_source_compiles("int main() { return 0; }" BAOKEYS_HAS_COMPRESSED_DEBUG)
unset(CMAKE_REQUIRED_FLAGS)
unset(CMAKE_REQUIRED_LINK_OPTIONS)
# Not under ThreadSanitizer: it symbolizes in-process whenever a suppressed
# race in Qt comes up (tests/tsan.supp), and decompressing the executable's
# debug sections each time made 8 parallel signs over QtNetwork take ~1,000 ms
# instead of ~550 (test_cli_batch's bound is 1,000). The TSan folder, with no
# desktop app, stays within its budget uncompressed.
if(BAOKEYS_HAS_COMPRESSED_DEBUG AND NOT BAOKEYS_SANITIZE STREQUAL "thread")
  add_compile_options(-gz)
  add_link_options(-gz)
endif()
