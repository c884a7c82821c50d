#include "speechlog.h"

Q_LOGGING_CATEGORY(lcAudioDevice, "kiosk.device.audio", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSpeechEngine, "kiosk.device.speech", QtInfoMsg)
