// Codesign.Sdk nnet_utils (written for this project from the documented behaviour of hls4ml's kernels; no hls4ml
// code): what every kernel shares. The kernels take io_parallel arrays and are bit-exact with Codesign's integer
// reference executor: accumulation happens in each layer's lossless accum_t, and the only rounding is the cast into
// a result type that carries AP_RND_CONV/AP_SAT.
#ifndef NNET_COMMON_H_
#define NNET_COMMON_H_

#include "ap_fixed.h"

namespace nnet {

enum io_type { io_parallel = 0, io_stream };

// latency: every multiplication in its own multiplier, one result per pipeline interval.
// resource: reuse_factor multiplications share one multiplier, weights live in reshaped memories.
enum strategy { latency = 0, resource };

// Iterations of a loop over n items done `per_step` at a time: the block size of the resource strategy.
constexpr unsigned ceil_div(unsigned n, unsigned per_step) { return (n + per_step - 1) / per_step; }

}  // namespace nnet

#endif
