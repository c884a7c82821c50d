// IdCardReader: the driver for SAM-protocol ID card readers on a serial port.
// It lives on a worker thread (IdCardService's WorkerThread) and polls:
//   probe (SAM status) → find until 9F → select → read text+photo.
// Every exchange is bounded by a timeout and retried; the port is closed on a lost
// device and reopened periodically, so unplugging and replugging the reader
// recovers by itself. Card contents are never logged: only event names and codes.
#pragma once

#include "idcard.h"
#include "samframe.h"
#include "seriallink.h"

#include <QDeadlineTimer>
#include <QObject>
#include <atomic>
#include <optional>

class QTimer;

namespace device {

struct IdCardReaderConfig
{
    QString portPath;              // /dev/ttyUSB0, a /dev/serial/by-id link, a pty
    int baud = 115200;
    bool scanBaudRates = true;     // try 57600…9600 when the reader is silent at `baud`
    int responseTimeoutMs = 500;   // status, find, select
    int readTimeoutMs = 3000;      // read text+photo: the card transfer takes ~1 s
    int retries = 2;               // resends after a timeout or a damaged frame
    int pollIntervalMs = 300;
    int reopenIntervalMs = 2000;
};

class IdCardReader : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Absent,  // no reader at the port (not connected, unplugged)
        Ready,   // reader answers; waiting for a card
        Reading, // a card is being read
        Error,   // reader present but failing; reason says why
    };
    Q_ENUM(State)

    // Why the last state was entered: stable codes for the UI to localise.
    enum class Problem {
        None, NotConnected, Disconnected, NoAnswer, ReaderFault, CardUnreadable,
        CardNotSupported, CardDataInvalid
    };
    Q_ENUM(Problem)

    explicit IdCardReader(const IdCardReaderConfig &config, QObject *parent = nullptr);
    ~IdCardReader() override;

    State state() const { return m_state; }
    Problem problem() const { return m_problem; }
    int baud() const { return m_link.baud(); }

    // One step of the polling cycle, synchronous and bounded. Tests call it
    // directly; on the worker thread a timer calls it.
    void pollOnce() { pollOnce(QDeadlineTimer(QDeadlineTimer::Forever)); }
    // The same, returning by `within`: a step the deadline cuts short is no verdict on
    // the reader (a probe cut short is started again by the next step).
    void pollOnce(QDeadlineTimer within);
    QString reason() const { return m_reason; }
    // Thread-safe: makes any wait in progress return within ~50 ms.
    void requestStop() { m_stop = true; }

public slots:
    void start();    // begins polling on the object's thread
    void shutdown(); // stops polling, closes the port (its thread then quits)

signals:
    void stateChanged(device::IdCardReader::State state, device::IdCardReader::Problem problem,
                      const QString &reason);
    // A card was read. The receiver owns the data and must wipe() it at session end.
    void cardRead(const device::IdCard &card);

private:
    enum class Outcome { Answered, NoAnswer, Lost, Cancelled };
    // retries < 0: the configured number.
    Outcome transact(quint8 cmd, quint8 para, int timeoutMs, SamResponse *response,
                     int retries = -1);
    bool openAndProbe();
    bool probe(int timeoutMs, int retries);
    void readCard();
    void lose(State state, Problem problem, const QString &reason);
    void setState(State state, Problem problem = Problem::None, const QString &reason = {});

    IdCardReaderConfig m_config;
    SerialLink m_link;
    SamFrameParser m_parser;
    QTimer *m_timer = nullptr;
    std::atomic_bool m_stop {false};
    State m_state = State::Absent;
    Problem m_problem = Problem::NotConnected;
    QString m_reason;
    QDeadlineTimer m_nextOpen {0};
    QDeadlineTimer m_within {QDeadlineTimer::Forever}; // of the step in progress
    static constexpr int MaxSelectFailures = 3;
    int m_selectFailures = 0;
};

} // namespace device
