// Logging categories of the speech devices (deploy/README.md lists them all). Spoken
// texts are never logged: they may be a resident's own data read back to them.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcAudioDevice)  // kiosk.device.audio: the sound output
Q_DECLARE_LOGGING_CATEGORY(lcSpeechEngine) // kiosk.device.speech: the synthesiser process
