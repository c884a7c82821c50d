#include "earcons.h"
#include "audiooutput.h"

#include <array>
#include <cmath>
#include <vector>

namespace device {

namespace {

struct Tone
{
    double fromHz, toHz; // a glide: rising for "go on", falling for "end" and errors
    int ms;
};

// Sine glides with a 5 ms fade in and out, so no earcon clicks. Two tones for errors
// and page changes make them recognisable without pitch memory.
std::vector<int16_t> render(std::initializer_list<Tone> tones, double level)
{
    constexpr double kRate = AudioOutput::kSampleRate;
    std::vector<int16_t> out;
    for (const Tone &t : tones) {
        const int n = int(kRate * t.ms / 1000), fade = int(kRate * 0.005);
        double phase = 0;
        for (int i = 0; i < n; ++i) {
            const double hz = t.fromHz + (t.toHz - t.fromHz) * i / n;
            phase += 2 * M_PI * hz / kRate;
            const double envelope = std::min({1.0, double(i) / fade, double(n - i) / fade});
            out.push_back(int16_t(std::lround(32767 * level * envelope * std::sin(phase))));
        }
    }
    return out;
}

} // namespace

std::span<const int16_t> earconSamples(Earcon earcon)
{
    static const std::array<std::vector<int16_t>, 5> sounds = {
        render({{880, 880, 40}}, 0.25),                    // Focus: a tick
        render({{660, 990, 70}}, 0.3),                     // Actionable: rising
        render({{700, 350, 110}}, 0.3),                    // EndOfList: falling
        render({{520, 520, 45}, {780, 780, 45}}, 0.25),    // PageChanged: two steps up
        render({{300, 280, 60}, {220, 200, 60}}, 0.4),     // Error: low, two down
    };
    return sounds[size_t(earcon)];
}

} // namespace device
