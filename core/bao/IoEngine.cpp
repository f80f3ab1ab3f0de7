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
        m_loop->threads.emplace_back([this, name = std::string(name), onThreadStart] {
            pthread_setname_np(pthread_self(), name.c_str());
            if (onThreadStart)
                onThreadStart();
            m_loop->context.run();
        });
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
