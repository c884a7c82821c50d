#include "promptaudio.h"

#include <QFile>
#include <QFileInfo>
#include <sndfile.h>

#include <cmath>
#include <memory>
#include <vector>

namespace content {

QByteArray decodePrompt(const QString &path, QString *error)
{
    if (QFileInfo(path).size() > kMaxPromptFileBytes) {
        *error = QStringLiteral("larger than %1 MB; a prompt is a short sentence")
                     .arg(kMaxPromptFileBytes / 1024 / 1024);
        return {};
    }
    SF_INFO info{};
    const std::unique_ptr<SNDFILE, int (*)(SNDFILE *)> file(
        sf_open(QFile::encodeName(path).constData(), SFM_READ, &info), sf_close);
    if (!file) {
        *error = QStringLiteral("not a sound file libsndfile can read (%1)")
                     .arg(QString::fromUtf8(sf_strerror(nullptr)));
        return {};
    }
    if (info.channels < 1 || info.channels > 8 || info.samplerate < 8000 || info.samplerate > 192000) {
        *error = QStringLiteral("%1 channels at %2 Hz: expected 1 or 2 channels at 8000 Hz or more")
                     .arg(info.channels).arg(info.samplerate);
        return {};
    }
    if (info.frames <= 0 || info.frames > sf_count_t(info.samplerate) * kMaxPromptSeconds) {
        *error = QStringLiteral("%1 s long: a prompt is at most %2 s")
                     .arg(double(info.frames) / info.samplerate, 0, 'f', 1).arg(kMaxPromptSeconds);
        return {};
    }
    std::vector<short> interleaved(size_t(info.frames) * size_t(info.channels));
    const sf_count_t got = sf_readf_short(file.get(), interleaved.data(), info.frames);
    if (got <= 0) {
        *error = QStringLiteral("its sound could not be decoded");
        return {};
    }
    std::vector<float> mono(static_cast<size_t>(got));
    for (sf_count_t i = 0; i < got; ++i) {
        float sum = 0;
        for (int c = 0; c < info.channels; ++c)
            sum += interleaved[size_t(i) * size_t(info.channels) + size_t(c)];
        mono[size_t(i)] = sum / float(info.channels);
    }
    const double step = double(info.samplerate) / kPromptSampleRate;
    const auto frames = size_t(double(mono.size()) / step);
    QByteArray pcm(qsizetype(frames * 2), Qt::Uninitialized);
    auto *out = reinterpret_cast<int16_t *>(pcm.data());
    for (size_t i = 0; i < frames; ++i) {
        const double at = double(i) * step;
        const auto j = size_t(at);
        const double f = at - double(j);
        const float next = j + 1 < mono.size() ? mono[j + 1] : mono[j];
        out[i] = int16_t(std::lround(std::clamp(mono[j] * (1 - f) + next * f, -32768.0, 32767.0)));
    }
    return pcm;
}

} // namespace content
