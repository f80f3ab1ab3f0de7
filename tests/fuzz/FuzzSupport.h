#pragma once

// Shared by the fuzz targets: the input as text, and checked properties that
// end the run like a crash, so libFuzzer keeps the input that broke one.

#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace baokeys::fuzz {

// Invalid UTF-8 becomes U+FFFD, as it does wherever the app reads text.
inline QString utf8(const std::uint8_t *data, std::size_t size)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
}

inline void require(bool holds, const char *property)
{
    if (!holds) {
        std::fprintf(stderr, "fuzz: property broken: %s\n", property);
        std::abort();
    }
}

} // namespace baokeys::fuzz
