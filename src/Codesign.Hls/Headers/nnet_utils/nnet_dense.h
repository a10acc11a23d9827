// Codesign.Sdk nnet_utils: fully connected layer, io_parallel, latency and resource strategies.
//
// out[j] = bias[j] + sum_i data[i] * weights[i * n_out + j], accumulated in CONFIG_T::accum_t and cast to res_T once.
// accum_t is the IR's lossless accumulator: on the finer of the product and bias grids and wide enough for every
// partial sum that starts from the bias, so each += is exact. Because accum_t wraps (AP_TRN/AP_WRAP) its arithmetic is
// exact modulo 2^W as well, so the order of the additions cannot change the final value: the two strategies below
// add in different orders and still agree bit for bit with the executor.
#ifndef NNET_DENSE_H_
#define NNET_DENSE_H_

#include "nnet_common.h"

namespace nnet {

struct dense_config {
  static const unsigned n_in = 1;
  static const unsigned n_out = 1;
  static const unsigned io_type = io_parallel;
  static const unsigned strategy = latency;
  static const unsigned reuse_factor = 1;
  // Multipliers HLS may instantiate: ceil(n_in * n_out / reuse_factor).
  static const unsigned multiplier_limit = 1;
};

// Every product in parallel; the whole layer is one pipeline stage group started every reuse_factor cycles.
template <class data_T, class res_T, typename CONFIG_T>
void dense_latency(const data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_out],
                   const typename CONFIG_T::weight_t weights[CONFIG_T::n_in * CONFIG_T::n_out],
                   const typename CONFIG_T::bias_t biases[CONFIG_T::n_out]) {
#pragma HLS PIPELINE II = CONFIG_T::reuse_factor
#pragma HLS ARRAY_PARTITION variable = data complete
#pragma HLS ARRAY_PARTITION variable = res complete
#pragma HLS ARRAY_PARTITION variable = weights complete
#pragma HLS ARRAY_PARTITION variable = biases complete
#pragma HLS ALLOCATION operation instances = mul limit = CONFIG_T::multiplier_limit
  typename CONFIG_T::accum_t acc[CONFIG_T::n_out];
#pragma HLS ARRAY_PARTITION variable = acc complete

  for (unsigned j = 0; j < CONFIG_T::n_out; j++) {
#pragma HLS UNROLL
    acc[j] = biases[j];
  }
  for (unsigned i = 0; i < CONFIG_T::n_in; i++) {
#pragma HLS UNROLL
    for (unsigned j = 0; j < CONFIG_T::n_out; j++) {
#pragma HLS UNROLL
      acc[j] += data[i] * weights[i * CONFIG_T::n_out + j];
    }
  }
  for (unsigned j = 0; j < CONFIG_T::n_out; j++) {
#pragma HLS UNROLL
    res[j] = acc[j];
  }
}

// reuse_factor cycles per sample: in cycle r the block of weights r, r + rf, r + 2 rf, ... (one word of the reshaped
// weight memory) is multiplied in parallel, so each multiplier is used reuse_factor times.
template <class data_T, class res_T, typename CONFIG_T>
void dense_resource(const data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_out],
                    const typename CONFIG_T::weight_t weights[CONFIG_T::n_in * CONFIG_T::n_out],
                    const typename CONFIG_T::bias_t biases[CONFIG_T::n_out]) {
  const unsigned total = CONFIG_T::n_in * CONFIG_T::n_out;
  const unsigned block = ceil_div(total, CONFIG_T::reuse_factor);
#pragma HLS ARRAY_RESHAPE variable = weights block factor = block
#pragma HLS ARRAY_PARTITION variable = data complete
#pragma HLS ARRAY_PARTITION variable = res complete
#pragma HLS ARRAY_PARTITION variable = biases complete
  typename CONFIG_T::accum_t acc[CONFIG_T::n_out];
#pragma HLS ARRAY_PARTITION variable = acc complete

  for (unsigned j = 0; j < CONFIG_T::n_out; j++) {
#pragma HLS UNROLL
    acc[j] = biases[j];
  }
  for (unsigned r = 0; r < CONFIG_T::reuse_factor; r++) {
#pragma HLS PIPELINE II = 1 rewind
    for (unsigned b = 0; b < block; b++) {
#pragma HLS UNROLL
      const unsigned w = r + b * CONFIG_T::reuse_factor;
      // The last block is short when reuse_factor does not divide n_in * n_out.
      if (w < total) {
        acc[w % CONFIG_T::n_out] += data[w / CONFIG_T::n_out] * weights[w];
      }
    }
  }
  for (unsigned j = 0; j < CONFIG_T::n_out; j++) {
#pragma HLS UNROLL
    res[j] = acc[j];
  }
}

template <class data_T, class res_T, typename CONFIG_T>
void dense(const data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_out],
           const typename CONFIG_T::weight_t weights[CONFIG_T::n_in * CONFIG_T::n_out],
           const typename CONFIG_T::bias_t biases[CONFIG_T::n_out]) {
#pragma HLS INLINE
  if (CONFIG_T::strategy == resource) {
    dense_resource<data_T, res_T, CONFIG_T>(data, res, weights, biases);
  } else {
    dense_latency<data_T, res_T, CONFIG_T>(data, res, weights, biases);
  }
}

}  // namespace nnet

#endif
