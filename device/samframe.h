// SamFrame: the framing of the resident ID card reader's SAM protocol
// (docs: /shared/spec/devices.md §1).
//   AA AA AA 96 69 | LEN_H LEN_L | payload… | CHK
// LEN counts the payload plus CHK; CHK = XOR of LEN_H … last payload byte.
// Commands carry CMD PARA + data, responses SW1 SW2 SW3 + data.
#pragma once

#include "cardbytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <optional>

namespace device {

namespace sam {
// Commands (CMD, PARA).
constexpr quint8 CmdReset = 0x10, CmdSamStatus = 0x11, CmdSamId = 0x12;
constexpr quint8 CmdCard = 0x20, ParaFind = 0x01, ParaSelect = 0x02;
constexpr quint8 CmdRead = 0x30, ParaReadBase = 0x01, ParaReadAddress = 0x03,
                 ParaReadFingerprint = 0x10;
constexpr quint8 CmdBaud = 0x60, CmdRfFrame = 0x61, ParaAny = 0xFF;

// Reader status (SW3).
constexpr quint8 Ok = 0x90, CardFound = 0x9F, NoCard = 0x80, SelectFailed = 0x81,
                 ChecksumError = 0x10, LengthError = 0x11, BadCommand = 0x21,
                 NotPermitted = 0x23, UnknownError = 0x24, CardAuthFailed = 0x31,
                 SamAuthFailed = 0x32, VerifyError = 0x33, WrongCardType = 0x40,
                 ReadFailed = 0x41, RandomFailed = 0x47, SamSelfTestFailed = 0x60,
                 SamNotAuthorised = 0x66, NoContent = 0x91;

// Plain-language description of a SW3 code, for staff-facing diagnostics.
QString statusText(quint8 sw3);
} // namespace sam

class SamFrame
{
public:
    static constexpr char Preamble[] = "\xAA\xAA\xAA\x96\x69";
    static constexpr int PreambleSize = 5;
    static constexpr int HeaderSize = 7; // preamble + LEN
    // The largest defined response is read text+photo+1024-byte fingerprint
    // (2321 bytes, LEN 2314); anything longer is garbage that looked like a frame.
    static constexpr int MaxLength = 2400;

    // A command frame: CMD PARA [data]. Data longer than MaxLength-3 gives an empty array.
    static QByteArray command(quint8 cmd, quint8 para, QByteArrayView data = {});
    // Any frame around a payload (used for responses by tests and the simulator).
    static QByteArray wrap(QByteArrayView payload);
    // XOR over the bytes given (the LEN bytes and the payload of a frame).
    static quint8 checksum(QByteArrayView bytes);
};

// A decoded response frame. Its data may be a whole card (read text + photo).
struct SamResponse
{
    quint8 sw1 = 0, sw2 = 0, sw3 = 0;
    CardBytes data;

    // Payload SW1 SW2 SW3 data…; nullopt if shorter than three bytes.
    static std::optional<SamResponse> fromPayload(QByteArrayView payload);
};

// Incremental frame parser: feed it whatever the port delivered, in any chunks,
// then take complete frames out. Garbage before a preamble is skipped; a frame
// with a bad checksum or an impossible length is dropped one byte at a time so a
// real frame hidden behind a false preamble is still found. What it buffers may be
// a card: the buffer is CardBytes, room for a whole frame from the start.
class SamFrameParser
{
public:
    // minPayload: 3 for responses (SW1 SW2 SW3), 2 for commands (CMD PARA).
    explicit SamFrameParser(int minPayload = 3);

    void feed(QByteArrayView bytes);
    // The next complete, checked frame's payload (without CHK), if any.
    std::optional<CardBytes> next();
    // A frame header announced more bytes than arrived: give up on that
    // preamble and look for the next one (called by the driver after a timeout).
    void skipStalledFrame();
    // Drops everything buffered, overwriting it first (it may hold card data).
    void clear();

    qsizetype buffered() const { return m_buffer.size(); }
    int garbageBytes() const { return m_garbage; }
    int checksumErrors() const { return m_checksumErrors; }
    int lengthErrors() const { return m_lengthErrors; }

private:
    void drop(qsizetype n);

    CardBytes m_buffer;
    int m_minPayload;
    int m_garbage = 0;
    int m_checksumErrors = 0;
    int m_lengthErrors = 0;
};

} // namespace device
