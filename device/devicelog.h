// The device layer's logging category. Drivers log event names and status codes
// only: card contents (names, numbers, photos) never reach a log.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcDevice)
