// The one logging category of the sync library ("kiosk.sync").
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSync)
