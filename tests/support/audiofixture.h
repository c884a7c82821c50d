// A real sound path for tests (../shared/spec/testing.md): PortAudio → ALSA → ALSA's
// file plugin, which writes everything played to a WAV file, in front of a private
// PulseAudio null sink that plays it in real time (ALSA's own null device takes
// samples as fast as they come, which would make every timing meaningless). Start it
// before anything initialises PortAudio in the process: it sets ALSA_CONFIG_PATH and
// PULSE_SERVER for this process and its children. The device is named "kiosktest";
// a second one, "kiosktest2", records into its own file for a second process (each
// opening of a file device starts its file anew).
#pragma once

#include <QString>
#include <cstdint>
#include <vector>

namespace testsupport {

struct Recording
{
    int sampleRate = 0, channels = 0;
    std::vector<int16_t> samples; // first channel
    double seconds() const { return sampleRate ? double(samples.size()) / sampleRate : 0; }
};

// Root-mean-square level in dB full scale of samples [from, to) (−inf for silence).
double levelDb(const std::vector<int16_t> &samples, size_t from = 0, size_t to = SIZE_MAX);
// Stretches of sound: [start, end) sample ranges whose 10 ms windows are above
// thresholdDb, joined across gaps shorter than gapMs.
struct Stretch { size_t start = 0, end = 0; };
std::vector<Stretch> soundStretches(const Recording &r, double thresholdDb = -50, int gapMs = 300);

class AudioFixture
{
public:
    explicit AudioFixture(const QString &name); // folder under the test output
    ~AudioFixture();
    bool start(QString *why);        // the sound server, then the environment
    void stopServer();               // the device goes away (kill the sound server)
    bool restartServer(QString *why); // and comes back
    QString wavPath() const { return m_wav; }
    // The WAV as written so far (the plugin fills in its header sizes only at close);
    // second: kiosktest2's.
    Recording recording(bool second = false) const;

private:
    bool startServer(QString *why);
    QString m_dir, m_wav, m_runtime;
    qint64 m_serverPid = 0;
};

} // namespace testsupport
