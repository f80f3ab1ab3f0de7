#pragma once

// Inside core/bao only: IoEngine's loop, for the code that puts sockets on it.
#include "core/bao/IoEngine.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <thread>
#include <vector>

namespace baokeys::bao {

struct IoEngine::Loop {
    boost::asio::io_context context;
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work{context.get_executor()};
    std::vector<std::thread> threads;

    explicit Loop(int threadCount) : context(threadCount) {}
};

} // namespace baokeys::bao
