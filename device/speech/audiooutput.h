// Where the kiosk's voice and earcons go: an output device fed by a real-time callback.
// The speech thread is the one producer (write, flush, playEarcon); the device's
// callback is the one consumer. Between them are two lock-free single-producer /
// single-consumer FIFOs (Boost.Lockfree): the callback never allocates, locks or logs,
// so a busy kiosk cannot make the voice stutter. Positions are counted in frames
// (mono, kSampleRate): what was written, and what the callback has taken (played or,
// after a flush, dropped). Speech marks (sentence starts) are written positions; a
// mark is heard once playedFrames() passes it.
#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>
#include <span>

namespace device {

class AudioOutput
{
public:
    static constexpr int kSampleRate = 22050; // espeak-ng's own rate: no resampling here
    virtual ~AudioOutput() = default;

    // choice: "default", or part of a device's name as staff see it in deviceNames()
    // (case does not matter). False with the reason in words staff understand.
    virtual bool open(const QString &choice, QString *why) = 0;
    virtual void close() = 0;
    virtual bool isOpen() const = 0;
    // The open stream stopped without close(): the device went away.
    virtual bool lost() const = 0;
    virtual QStringList deviceNames() = 0;

    // Takes what fits (returns the frames taken). Takes nothing between flush() and the
    // callback's acknowledgement of it, so nothing written after a flush is dropped.
    virtual size_t write(std::span<const int16_t> frames) = 0;
    // Drops every speech frame not yet taken by the callback; returns at once. The
    // callback acts on it in its next period.
    virtual void flush() = 0;
    virtual bool flushPending() const = 0;
    // Paused: the callback plays silence and keeps the queued speech for resume.
    virtual void setPaused(bool paused) = 0;
    // Linear gain for speech and earcons alike (1.0 = as synthesised).
    virtual void setGain(float gain) = 0;
    // Mixed over speech (earcons play while speech is paused too). False when it did
    // not fit; an earcon is never half queued.
    virtual bool playEarcon(std::span<const int16_t> frames) = 0;

    virtual uint64_t writtenFrames() const = 0;
    virtual uint64_t playedFrames() const = 0;
    // For latency measurement: the next non-silent frame written after this call is
    // timed when the callback hands it to the device (CLOCK_MONOTONIC nanoseconds).
    virtual void watchFirstAudible() = 0;
    virtual std::optional<int64_t> firstAudibleNs() const = 0;
    // The callback's latest "dropped by flush" moment, CLOCK_MONOTONIC ns (0: none yet).
    virtual int64_t lastFlushDoneNs() const = 0;
};

// Monotonic clock in nanoseconds, the same one the callback stamps with.
int64_t monotonicNs();

} // namespace device
