// Short sounds the screen reader plays beside speech, mixed into the same output.
// Each is distinct in pitch and shape (TalkBack's set: actionable focus, plain focus,
// end of a list, page change, error), ≤ 120 ms, made here at the output's rate.
#pragma once

#include <cstdint>
#include <span>

namespace device {

enum class Earcon { Focus, Actionable, EndOfList, PageChanged, Error };

// The samples of an earcon (22050 Hz mono), made once and kept.
std::span<const int16_t> earconSamples(Earcon earcon);

} // namespace device
