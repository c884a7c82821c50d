#include "audiofixture.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QThread>
#include <cmath>
#include <csignal>
#include <cstring>

namespace testsupport {

double levelDb(const std::vector<int16_t> &s, size_t from, size_t to)
{
    to = std::min(to, s.size());
    if (from >= to)
        return -INFINITY;
    double sum = 0;
    for (size_t i = from; i < to; ++i)
        sum += double(s[i]) * s[i];
    const double rms = std::sqrt(sum / double(to - from)) / 32768.0;
    return rms > 0 ? 20 * std::log10(rms) : -INFINITY;
}

std::vector<Stretch> soundStretches(const Recording &r, double thresholdDb, int gapMs)
{
    std::vector<Stretch> out;
    const size_t window = size_t(r.sampleRate / 100), gap = size_t(r.sampleRate) * gapMs / 1000;
    for (size_t i = 0; window && i + window <= r.samples.size(); i += window) {
        if (levelDb(r.samples, i, i + window) < thresholdDb)
            continue;
        if (!out.empty() && i - out.back().end <= gap)
            out.back().end = i + window;
        else
            out.push_back({i, i + window});
    }
    return out;
}

AudioFixture::AudioFixture(const QString &name)
    : m_dir(outputDirectory() + QStringLiteral("/audio/") + name)
{
    QDir(m_dir).removeRecursively();
    QDir().mkpath(m_dir);
    m_wav = m_dir + QStringLiteral("/played.wav");
    m_runtime = m_dir + QStringLiteral("/run");
}

AudioFixture::~AudioFixture() { stopServer(); }

bool AudioFixture::startServer(QString *why)
{
    QDir().mkpath(m_runtime);
    QFile::setPermissions(m_runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QProcess server;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("XDG_RUNTIME_DIR", m_runtime);
    env.insert("HOME", m_dir);
    server.setProcessEnvironment(env);
    server.setProgram("pulseaudio");
    server.setArguments({"-n", "--daemonize=yes", "--use-pid-file=yes", "--exit-idle-time=-1",
                         "--disallow-exit", "--log-target=file:" + m_dir + "/pulse.log",
                         "-L", "module-null-sink sink_name=kiosknull rate=44100",
                         "-L", "module-native-protocol-unix"});
    server.start();
    if (!server.waitForFinished(15000) || server.exitCode() != 0) {
        *why = "pulseaudio did not start: " + QString::fromLocal8Bit(server.readAllStandardError());
        return false;
    }
    const QString pidFile = m_runtime + QStringLiteral("/pulse/pid");
    for (int i = 0; i < 100 && !QFile::exists(m_runtime + QStringLiteral("/pulse/native")); ++i)
        QThread::msleep(50);
    m_serverPid = readFile(pidFile).trimmed().toLongLong();
    return QFile::exists(m_runtime + QStringLiteral("/pulse/native"));
}

bool AudioFixture::start(QString *why)
{
    if (!startServer(why))
        return false;
    const QString conf = m_dir + QStringLiteral("/asound.conf");
    writeFile(conf, QStringLiteral(
        "pcm.pulsenull { type pulse; device \"kiosknull\" }\n"
        "pcm.kiosktest { type file; slave.pcm \"pulsenull\"; file \"%1\"; format \"wav\" }\n"
        "pcm.kiosktest2 { type file; slave.pcm \"pulsenull\"; file \"%2\"; format \"wav\" }\n")
                        .arg(m_wav, m_dir + QStringLiteral("/played2.wav")));
    qputenv("ALSA_CONFIG_PATH", ("/usr/share/alsa/alsa.conf:" + conf).toLocal8Bit());
    qputenv("PULSE_SERVER", ("unix:" + m_runtime + "/pulse/native").toLocal8Bit());
    return true;
}

void AudioFixture::stopServer()
{
    if (m_serverPid > 0) {
        ::kill(pid_t(m_serverPid), SIGKILL);
        for (int i = 0; i < 100 && ::kill(pid_t(m_serverPid), 0) == 0; ++i)
            QThread::msleep(20);
        QFile::remove(m_runtime + QStringLiteral("/pulse/native"));
        QFile::remove(m_runtime + QStringLiteral("/pulse/pid"));
    }
    m_serverPid = 0;
}

bool AudioFixture::restartServer(QString *why)
{
    stopServer();
    return startServer(why);
}

Recording AudioFixture::recording(bool second) const
{
    Recording r;
    QFile f(second ? m_dir + QStringLiteral("/played2.wav") : m_wav);
    if (!f.open(QIODevice::ReadOnly))
        return r;
    const QByteArray bytes = f.readAll();
    // RIFF chunks: take "fmt " for the format, then everything after "data".
    qsizetype pos = 12;
    int bits = 0;
    while (pos + 8 <= bytes.size()) {
        const QByteArray id = bytes.mid(pos, 4);
        quint32 size = 0;
        std::memcpy(&size, bytes.constData() + pos + 4, 4);
        if (id == "fmt " && pos + 24 <= bytes.size()) {
            quint16 ch = 0, b = 0;
            quint32 rate = 0;
            std::memcpy(&ch, bytes.constData() + pos + 10, 2);
            std::memcpy(&rate, bytes.constData() + pos + 12, 4);
            std::memcpy(&b, bytes.constData() + pos + 22, 2);
            r.channels = ch;
            r.sampleRate = int(rate);
            bits = b;
        } else if (id == "data") {
            if (bits != 16 || r.channels < 1)
                return r;
            const qsizetype start = pos + 8;
            const qsizetype frames = (bytes.size() - start) / (2 * r.channels);
            r.samples.resize(size_t(frames));
            for (qsizetype i = 0; i < frames; ++i)
                std::memcpy(&r.samples[size_t(i)], bytes.constData() + start + i * 2 * r.channels, 2);
            return r;
        }
        pos += 8 + size + (size & 1);
    }
    return r;
}

} // namespace testsupport
