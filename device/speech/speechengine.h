// The kiosk's side of kiosk-speech-engine: starts the process, sends it requests and
// hands back what it makes, and keeps it alive. A crash (the process ends) or a hang (a
// request in flight and no frame for kHangMs; synthesis runs ~100× faster than speech,
// so a silent engine is a stuck one) ends every request in flight as Failed, is
// reported once, and a fresh engine is started — sooner the first time, later when it
// keeps failing — so the next request is spoken. Lives on the speech thread.
#pragma once

#include "engineprotocol.h"

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QTimer>
#include <atomic>
#include <functional>
#include <set>

namespace device {

class SpeechEngine : public QObject
{
    Q_OBJECT
public:
    static constexpr int kHangMs = 2000;
    struct Handlers
    {
        std::function<void(uint32_t id, const int16_t *samples, size_t count)> audio;
        std::function<void(uint32_t id, engine::EngineStatus)> done;
        std::function<void(uint32_t id, QString phonemes)> phonemes;
        std::function<void(QString why)> lost; // before the restart
        std::function<void(qint64 pid)> started;
    };

    SpeechEngine(QString program, Handlers handlers, QObject *parent = nullptr);
    ~SpeechEngine() override;

    void start();
    // False while the engine is down (between a failure and its restart): not sent.
    bool speak(const engine::SpeakRequest &request);
    // How long the engine has been down; 0 while it runs.
    qint64 downForMs() const { return running() || !m_down.isValid() ? 0 : m_down.elapsed(); }
    void cancelUpTo(uint32_t id);
    void askPhonemes(uint32_t id, const engine::Segment &segment);
    qint64 processId() const { return m_pid.load(); } // any thread: for tests and staff
    bool running() const
    {
        return m_process && m_process->state() == QProcess::Running && !m_restartTimer.isActive();
    }

private:
    void launch();
    void onOutput();
    void handle(const std::string &payload);
    void fail(const QString &why);
    void checkHang();
    void send(const std::string &frame);
    void track(uint32_t id);    // a request sent: the watchdog watches it
    void answered(uint32_t id);

    QString m_program;
    Handlers m_handlers;
    QProcess *m_process = nullptr;
    engine::FrameSplitter m_splitter;
    std::set<uint32_t> m_inFlight; // speak and phoneme requests not answered yet
    QElapsedTimer m_sinceFrame, m_down;
    QTimer m_watchdog, m_restartTimer;
    int m_failuresInARow = 0;
    std::atomic<qint64> m_pid{0};
};

} // namespace device
