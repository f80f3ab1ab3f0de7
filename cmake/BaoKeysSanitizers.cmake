# BAOKEYS_SANITIZE=address -> ASan + UBSan; thread -> TSan. Applied to every target.
if(BAOKEYS_SANITIZE STREQUAL "address")
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
elseif(BAOKEYS_SANITIZE STREQUAL "thread")
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
elseif(NOT BAOKEYS_SANITIZE STREQUAL "")
  message(FATAL_ERROR "BAOKEYS_SANITIZE must be empty, 'address' or 'thread'")
endif()

# BAOKEYS_FUZZ=ON -> the libFuzzer targets of tests/fuzz, under ASan + UBSan.
# Every library gets libFuzzer's coverage hooks (fuzzer-no-link), so the
# fuzzer is guided through our code; only the fuzz executables link libFuzzer
# itself (baokeys_fuzz_target). libFuzzer ships with clang, not GCC.
if(BAOKEYS_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "BAOKEYS_FUZZ needs clang (CXX=clang++-15), not ${CMAKE_CXX_COMPILER_ID}")
  endif()
  if(NOT BAOKEYS_SANITIZE STREQUAL "")
    message(FATAL_ERROR "BAOKEYS_FUZZ brings its own sanitizers (ASan + UBSan): leave BAOKEYS_SANITIZE empty")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
