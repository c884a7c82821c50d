// Recorded prompts (ui/prompts/<key>.<lang>.<wav|flac|ogg> in a catalog's sources): a
// human recording of a screen text, played instead of synthesising it. Decoded here
// with libsndfile at catalog build time into what the kiosk's output takes (16-bit
// mono at 22050 Hz: channels mixed, other rates resampled linearly — enough for
// speech), so the kiosk itself never parses an audio file.
#pragma once

#include <QByteArray>
#include <QString>

namespace content {

inline constexpr int kPromptSampleRate = 22050;
inline constexpr int kMaxPromptSeconds = 30;
inline constexpr qint64 kMaxPromptFileBytes = 8 * 1024 * 1024;

// The prompt's PCM (little-endian int16), or empty with the reason in *error.
QByteArray decodePrompt(const QString &path, QString *error);

} // namespace content
