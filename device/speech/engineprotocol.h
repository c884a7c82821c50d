// The frames between the kiosk and its synthesiser process (kiosk-speech-engine), over
// the process's stdin and stdout. Every frame: u32 payload length (little endian), then
// the payload, whose first byte is its type. Lengths are checked on both sides, so a
// confused peer is a protocol error, never an overrun.
//   kiosk → engine   Speak    u32 id, u16 rate (words per minute), u8 segments,
//                             per segment: u8 voice length, voice, u32 text length, UTF-8
//                    Cancel   u32 id: stop every utterance up to and including id
//                    Phonemes u32 id, one segment: the phonemes espeak-ng reads for it
//   engine → kiosk   Ready    (started, voices loaded)
//                    Audio    u32 id, then 16-bit mono samples at 22050 Hz
//                    Done     u32 id, u8 status (EngineStatus)
//                    Text     u32 id, UTF-8 (the answer to Phonemes)
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace device::engine {

enum class FrameType : uint8_t { Speak = 'S', Cancel = 'C', Phonemes = 'P', Ready = 'R',
                                 Audio = 'A', Done = 'D', Text = 'T' };
enum class EngineStatus : uint8_t { Spoken = 0, Cancelled = 1, Failed = 2 };

constexpr uint32_t kMaxFrame = 1u << 20;    // 1 MiB: far above any sentence or PCM chunk
constexpr uint32_t kMaxSegmentBytes = 8192; // a sentence; longer text is split before

struct Segment
{
    std::string voice; // espeak-ng voice name, e.g. cmn-latn-pinyin
    std::string text;  // UTF-8
};

struct SpeakRequest
{
    uint32_t id = 0;
    uint16_t rate = 175;
    std::vector<Segment> segments;
};

class FrameWriter
{
public:
    explicit FrameWriter(FrameType type) { m_bytes.resize(4); m_bytes.push_back(char(type)); }
    FrameWriter &u8(uint8_t v) { m_bytes.push_back(char(v)); return *this; }
    FrameWriter &u16(uint16_t v) { return raw(&v, 2); }
    FrameWriter &u32(uint32_t v) { return raw(&v, 4); }
    FrameWriter &raw(const void *p, size_t n)
    {
        m_bytes.append(static_cast<const char *>(p), n);
        return *this;
    }
    FrameWriter &text8(std::string_view s) { return u8(uint8_t(s.size())).raw(s.data(), s.size()); }
    FrameWriter &text32(std::string_view s) { return u32(uint32_t(s.size())).raw(s.data(), s.size()); }
    // The finished frame, length prefix filled in.
    const std::string &bytes()
    {
        const uint32_t n = uint32_t(m_bytes.size() - 4);
        std::memcpy(m_bytes.data(), &n, 4);
        return m_bytes;
    }

private:
    std::string m_bytes;
};

// Reads one payload's fields; any read past the end makes ok() false for good.
class FrameReader
{
public:
    explicit FrameReader(std::string_view payload) : m_rest(payload) {}
    FrameType type() { return FrameType(u8()); }
    uint8_t u8() { uint8_t v = 0; take(&v, 1); return v; }
    uint16_t u16() { uint16_t v = 0; take(&v, 2); return v; }
    uint32_t u32() { uint32_t v = 0; take(&v, 4); return v; }
    std::string text(size_t n)
    {
        if (n > m_rest.size()) { m_ok = false; return {}; }
        std::string s(m_rest.substr(0, n));
        m_rest.remove_prefix(n);
        return s;
    }
    std::string_view rest() const { return m_rest; }
    bool ok() const { return m_ok; }

private:
    void take(void *p, size_t n)
    {
        if (n > m_rest.size()) { m_ok = false; m_rest = {}; return; }
        std::memcpy(p, m_rest.data(), n);
        m_rest.remove_prefix(n);
    }
    std::string_view m_rest;
    bool m_ok = true;
};

// Splits a byte stream into payloads. feed() appends; next() gives the next whole
// payload, or nothing yet; error() once a length is impossible (the stream is dead).
class FrameSplitter
{
public:
    void feed(const char *p, size_t n) { m_buffer.append(p, n); }
    std::optional<std::string> next()
    {
        if (m_error || m_buffer.size() - m_pos < 4)
            return std::nullopt;
        uint32_t n = 0;
        std::memcpy(&n, m_buffer.data() + m_pos, 4);
        if (n == 0 || n > kMaxFrame) {
            m_error = true;
            return std::nullopt;
        }
        if (m_buffer.size() - m_pos - 4 < n)
            return std::nullopt;
        std::string payload = m_buffer.substr(m_pos + 4, n);
        m_pos += 4 + n;
        if (m_pos > 65536) { m_buffer.erase(0, m_pos); m_pos = 0; }
        return payload;
    }
    bool error() const { return m_error; }
    void clear() { m_buffer.clear(); m_pos = 0; m_error = false; }

private:
    std::string m_buffer;
    size_t m_pos = 0;
    bool m_error = false;
};

inline std::string encodeSpeak(const SpeakRequest &r)
{
    FrameWriter w(FrameType::Speak);
    w.u32(r.id).u16(r.rate).u8(uint8_t(r.segments.size()));
    for (const Segment &s : r.segments)
        w.text8(s.voice).text32(s.text);
    return w.bytes();
}

inline std::optional<SpeakRequest> decodeSpeak(FrameReader &r)
{
    SpeakRequest req;
    req.id = r.u32();
    req.rate = r.u16();
    const uint8_t count = r.u8();
    for (uint8_t i = 0; i < count && r.ok(); ++i) {
        Segment s;
        s.voice = r.text(r.u8());
        const uint32_t n = r.u32();
        if (n > kMaxSegmentBytes)
            return std::nullopt;
        s.text = r.text(n);
        req.segments.push_back(std::move(s));
    }
    if (!r.ok() || !r.rest().empty())
        return std::nullopt;
    return req;
}

} // namespace device::engine
