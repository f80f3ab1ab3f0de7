#pragma once

// A small value-or-error type in the shape of C++23 std::expected, which our
// C++20 toolchain (GCC 12) does not offer. Every fallible core call returns one
// so the reason for a failure is never lost to a bare bool.

#include <cassert>
#include <utility>
#include <variant>

namespace baokeys {

template <typename E> struct Unexpected {
    E error;
};

template <typename E> Unexpected<std::decay_t<E>> unexpected(E &&error)
{
    return {std::forward<E>(error)};
}

template <typename T, typename E> class [[nodiscard]] Expected {
public:
    Expected(const T &value) : m_state(std::in_place_index<0>, value) {}
    Expected(T &&value) : m_state(std::in_place_index<0>, std::move(value)) {}
    template <typename G>
    Expected(Unexpected<G> error) : m_state(std::in_place_index<1>, std::move(error.error))
    {}

    bool hasValue() const { return m_state.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    T &value() &
    {
        assert(hasValue());
        return std::get<0>(m_state);
    }
    const T &value() const &
    {
        assert(hasValue());
        return std::get<0>(m_state);
    }
    T &&value() &&
    {
        assert(hasValue());
        return std::get<0>(std::move(m_state));
    }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const E &error() const
    {
        assert(!hasValue());
        return std::get<1>(m_state);
    }

private:
    std::variant<T, E> m_state;
};

// Expected<void, E>: success carries nothing.
template <typename E> class [[nodiscard]] Expected<void, E> {
public:
    Expected() = default;
    template <typename G> Expected(Unexpected<G> error) : m_error(std::move(error.error)), m_failed(true) {}

    bool hasValue() const { return !m_failed; }
    explicit operator bool() const { return hasValue(); }
    const E &error() const
    {
        assert(m_failed);
        return m_error;
    }

private:
    E m_error{};
    bool m_failed = false;
};

} // namespace baokeys
