// AudioOutput on PortAudio (ALSA on Debian). One instance per process: PortAudio's
// host state is global, and a device that comes back is only seen after PortAudio is
// initialised again (open() does that after lost()).
#pragma once

#include "audiooutput.h"

#include <atomic>
#include <memory>

namespace device {

class PortAudioOutput final : public AudioOutput
{
public:
    // The callback runs every kPeriodMs; the device buffers kBufferMs (ALSA pops below
    // ~20 ms of buffer). A shorter period makes new speech start sooner.
    static constexpr int kPeriodMs = 10;
    static constexpr int kBufferMs = 30;
    // capacityMs: how much speech may wait in the FIFO (the producer refills it).
    explicit PortAudioOutput(int capacityMs = 2000);
    ~PortAudioOutput() override;

    bool open(const QString &choice, QString *why) override;
    void close() override;
    bool isOpen() const override;
    bool lost() const override;
    QStringList deviceNames() override;

    size_t write(std::span<const int16_t> frames) override;
    void flush() override;
    bool flushPending() const override;
    void setPaused(bool paused) override;
    void setGain(float gain) override;
    bool playEarcon(std::span<const int16_t> frames) override;

    uint64_t writtenFrames() const override;
    uint64_t playedFrames() const override;
    void watchFirstAudible() override;
    std::optional<int64_t> firstAudibleNs() const override;
    int64_t lastFlushDoneNs() const override;

private:
    struct Shared; // what the callback sees
    friend struct PortAudioCallback;
    bool reinitialise(QString *why);

    std::unique_ptr<Shared> m_shared;
    void *m_stream = nullptr; // PaStream
    bool m_initialised = false;
    uint64_t m_written = 0;     // producer side only
    bool m_watching = false;    // producer: looking for the first non-silent frame
};

} // namespace device
