# Warnings are errors on our own code only; third-party headers come in as SYSTEM.
function(baokeys_strict target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror)
endfunction()
