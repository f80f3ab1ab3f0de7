#include "core/bao/IoEngine.h"

#include "core/bao/IoLoop.h"

#include <boost/asio/post.hpp>

#include <pthread.h>

#include <algorithm>
#include <string>

namespace baokeys::bao {

IoEngine::IoEngine(int threads, const char *name, std::function<void()> onThreadStart)
    : m_loop(std::make_unique<Loop>(std::max(1, threads)))
{
    for (int i = 0; i < std::max(1, threads); ++i) {
        m_loop->threads.emplace_back([this, onThreadStart] {
            if (onThreadStart)
                onThreadStart();
            m_loop->context.run();
        });
        // Named here, not by the thread itself: when the constructor returns,
        // every thread carries the name (ps, perf and /proc show it at once).
        pthread_setname_np(m_loop->threads.back().native_handle(), name);
    }
}

IoEngine::~IoEngine()
{
    m_loop->work.reset();
    m_loop->context.stop();
    for (std::thread &thread : m_loop->threads)
        thread.join();
}

int IoEngine::threadCount() const
{
    return int(m_loop->threads.size());
}

void IoEngine::post(std::function<void()> work)
{
    boost::asio::post(m_loop->context, std::move(work));
}

IoEngine::Loop &IoEngine::loop() const
{
    return *m_loop;
}

} // namespace baokeys::bao
