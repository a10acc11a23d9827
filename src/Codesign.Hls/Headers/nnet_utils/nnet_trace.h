// Codesign.Sdk nnet_utils: integer codes of fixed-point values, for the C-simulation bridge and its per-layer trace.
// Host-side only: the synthesised top function never includes this file.
#ifndef NNET_TRACE_H_
#define NNET_TRACE_H_

#include <cmath>

#include "ap_fixed.h"

namespace nnet {

// The code of x, value * 2^F with F = W - I fractional bits, as an exact integer. Multiplying by 2^F held in a
// one-bit unsigned type whose LSB is 2^F gives an exact product on the integer grid (W + 1 bits, 0 fractional bits),
// which to_int64 returns unchanged. Unlike to_double() this stays exact for every W up to 62.
template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>
long long to_code(const ap_fixed<W, I, Q, O, N>& x) {
  const ap_ufixed<1, W - I + 1> scale = std::ldexp(1.0, W - I);
  return (x * scale).to_int64();
}

template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>
long long to_code(const ap_ufixed<W, I, Q, O, N>& x) {
  const ap_ufixed<1, W - I + 1> scale = std::ldexp(1.0, W - I);
  return (x * scale).to_int64();
}

// Where the current sample's trace goes: a row of N_TRACE codes, every layer's output at its own offset.
// Null outside a trace call, so tracing costs nothing in a normal prediction.
inline long long*& trace_row() {
  static long long* row = nullptr;
  return row;
}

template <class T, unsigned N>
void trace_codes(unsigned offset, const T data[N]) {
  long long* row = trace_row();
  if (row == nullptr) {
    return;
  }
  for (unsigned i = 0; i < N; i++) {
    row[offset + i] = to_code(data[i]);
  }
}

}  // namespace nnet

#endif
