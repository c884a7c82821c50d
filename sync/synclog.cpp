#include "synclog.h"

Q_LOGGING_CATEGORY(lcSync, "kiosk.sync", QtInfoMsg)
