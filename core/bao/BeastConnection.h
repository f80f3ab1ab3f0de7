#pragma once

// Inside core/bao only: the asynchronous connection behind BeastTransport,
// for BaoClient's coroutines (asio is not part of the public headers).
#include "core/bao/HttpTransport.h"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

namespace boost::asio {
class io_context;
}

namespace baokeys::bao {

// One keep-alive HTTP(S) connection to one origin at a time, driven by
// coroutines on `executor`: a thread's own io_context (BeastTransport's
// blocking exchange) or a strand of an IoEngine (a batch lane). A deadline
// per exchange, cancellation from any thread through the CancelToken.
// Given `http2Loop` (the IoEngine's loop) and settings that allow it, an
// https request goes as a stream over the loop's shared HTTP/2 connections
// to that origin (Http2Pool) instead, when the server speaks HTTP/2.
//
// Thread-safety: exchange() runs on the executor, one at a time; the cancel
// callback may come from any thread and only posts to the executor.
class BeastConnection {
public:
    BeastConnection(const BaoSettings &settings, boost::asio::any_io_executor executor,
                    boost::asio::io_context *http2Loop = nullptr);
    ~BeastConnection();
    BeastConnection(const BeastConnection &) = delete;
    BeastConnection &operator=(const BeastConnection &) = delete;

    boost::asio::awaitable<HttpAnswer> exchange(HttpCall &call, CancelToken *cancel);
    const boost::asio::any_io_executor &executor() const;

private:
    class Socket;
    std::shared_ptr<Socket> m_socket; // shared with the posted aborts, which may outlive an exchange
};

} // namespace baokeys::bao
