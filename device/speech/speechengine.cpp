#include "speechengine.h"
#include "speechlog.h"

#include <csignal>

namespace device {

using namespace engine;

SpeechEngine::SpeechEngine(QString program, Handlers handlers, QObject *parent)
    : QObject(parent), m_program(std::move(program)), m_handlers(std::move(handlers)),
      m_watchdog(this), m_restartTimer(this)
{
    m_watchdog.setInterval(250);
    connect(&m_watchdog, &QTimer::timeout, this, &SpeechEngine::checkHang);
    m_restartTimer.setSingleShot(true);
    connect(&m_restartTimer, &QTimer::timeout, this, &SpeechEngine::launch);
}

SpeechEngine::~SpeechEngine()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

void SpeechEngine::start() { launch(); }

// The watchdog ticks only while something is asked: an idle kiosk is not woken 4× a
// second for months.
void SpeechEngine::track(uint32_t id)
{
    if (m_inFlight.empty()) {
        m_sinceFrame.restart();
        m_watchdog.start();
    }
    m_inFlight.insert(id);
}

void SpeechEngine::answered(uint32_t id)
{
    m_inFlight.erase(id);
    if (m_inFlight.empty())
        m_watchdog.stop();
}

void SpeechEngine::launch()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
        m_process->deleteLater();
    }
    m_splitter.clear();
    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->setStandardErrorFile(QProcess::nullDevice());
    connect(m_process, &QProcess::readyReadStandardOutput, this, &SpeechEngine::onOutput);
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        fail(status == QProcess::CrashExit ? QStringLiteral("the speech engine crashed")
                                           : QStringLiteral("the speech engine ended (code %1)").arg(code));
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            fail(QStringLiteral("the speech engine %1 could not be started").arg(m_program));
    });
    m_process->start(m_program, {});
    m_process->waitForStarted(2000);
    m_pid.store(m_process->processId());
    if (m_handlers.started)
        m_handlers.started(m_pid.load());
    m_sinceFrame.start();
}

void SpeechEngine::send(const std::string &frame)
{
    if (running())
        m_process->write(frame.data(), qint64(frame.size()));
}

bool SpeechEngine::speak(const SpeakRequest &request)
{
    if (!running())
        return false;
    track(request.id);
    send(encodeSpeak(request));
    return true;
}

void SpeechEngine::cancelUpTo(uint32_t id)
{
    send(FrameWriter(FrameType::Cancel).u32(id).bytes());
}

void SpeechEngine::askPhonemes(uint32_t id, const Segment &segment)
{
    track(id);
    send(FrameWriter(FrameType::Phonemes).u32(id).text8(segment.voice).text32(segment.text).bytes());
}

void SpeechEngine::onOutput()
{
    const QByteArray bytes = m_process->readAllStandardOutput();
    m_splitter.feed(bytes.constData(), size_t(bytes.size()));
    m_sinceFrame.restart();
    while (auto payload = m_splitter.next())
        handle(*payload);
    if (m_splitter.error())
        fail(QStringLiteral("the speech engine sent something that is not speech"));
}

void SpeechEngine::handle(const std::string &payload)
{
    FrameReader r(payload);
    switch (r.type()) {
    case FrameType::Ready:
        m_failuresInARow = 0;
        qCInfo(lcSpeechEngine) << "speech engine ready, pid" << processId();
        break;
    case FrameType::Audio: {
        const uint32_t id = r.u32();
        const std::string_view pcm = r.rest();
        if (r.ok() && m_handlers.audio)
            m_handlers.audio(id, reinterpret_cast<const int16_t *>(pcm.data()), pcm.size() / 2);
        break;
    }
    case FrameType::Done: {
        const uint32_t id = r.u32();
        const auto status = EngineStatus(r.u8());
        answered(id);
        if (r.ok() && m_handlers.done)
            m_handlers.done(id, status);
        break;
    }
    case FrameType::Text: {
        const uint32_t id = r.u32();
        answered(id);
        if (r.ok() && m_handlers.phonemes)
            m_handlers.phonemes(id, QString::fromUtf8(r.rest().data(), qsizetype(r.rest().size())));
        break;
    }
    default:
        break;
    }
}

void SpeechEngine::checkHang()
{
    if (!m_inFlight.empty() && running() && m_sinceFrame.elapsed() > kHangMs) {
        qCWarning(lcSpeechEngine) << "speech engine silent for" << m_sinceFrame.elapsed()
                                  << "ms with a request in flight: killing it";
        ::kill(pid_t(processId()), SIGKILL); // a stopped process ignores anything milder
        fail(QStringLiteral("the speech engine stopped answering"));
    }
}

void SpeechEngine::fail(const QString &why)
{
    if (m_restartTimer.isActive())
        return; // one failure, one report
    qCWarning(lcSpeechEngine).noquote() << why << "- restarting it";
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
    }
    if (m_failuresInARow == 0)
        m_down.start(); // down since the first of these failures in a row
    static constexpr int kBackOffMs[] = {50, 500, 2000, 10000};
    // Down from here on (running() is false), before anyone hears of it: what they ask
    // for in answer waits for the new engine instead of going to the dead one.
    m_restartTimer.start(kBackOffMs[std::min(m_failuresInARow++, 3)]);
    m_watchdog.stop();
    const std::set<uint32_t> lost = std::exchange(m_inFlight, {});
    for (uint32_t id : lost)
        if (m_handlers.done)
            m_handlers.done(id, EngineStatus::Failed);
    if (m_handlers.lost)
        m_handlers.lost(why);
}

} // namespace device
