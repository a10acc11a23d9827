// Codesign.Sdk nnet_utils: softmax over an io_parallel vector by lookup tables, the maximum subtracted first (the
// structure of hls4ml's "stable" softmax). The tables are written by the project writer as data (weights/), so the
// C-simulation and Codesign's integer reference executor read the same entries; the steps below are the ones
// SoftmaxTables documents in C#:
//   d_i = max - x_i                        exact (diff_t holds every difference)
//   e_i = exp_table[min(d_i >> exp_index_shift, exp_table_size - 1)]
//   s   = sum of e_i                       exact (sum_t is lossless)
//   v   = inv_table[min((s - exp_table[0]) >> inv_index_shift, inv_table_size - 1)]
//   y_i = e_i * v                          rounded half to even and saturated by res_T (AP_RND_CONV, AP_SAT)
#ifndef NNET_SOFTMAX_H_
#define NNET_SOFTMAX_H_

#include "nnet_common.h"

namespace nnet {

struct softmax_config {
  static const unsigned n_in = 1;
  static const unsigned exp_table_size = 1;
  static const unsigned exp_index_shift = 0;
  static const unsigned inv_table_size = 1;
  static const unsigned inv_index_shift = 0;
  static const unsigned reuse_factor = 1;
  static const unsigned io_type = io_parallel;
};

// The largest of n values as a balanced tree of comparisons (log2 n levels instead of a chain of n - 1).
template <class T, unsigned N>
struct max_tree {
  static T of(const T x[]) {
#pragma HLS INLINE
    const T a = max_tree<T, N / 2>::of(x);
    const T b = max_tree<T, N - N / 2>::of(x + N / 2);
    return a > b ? a : b;
  }
};

template <class T>
struct max_tree<T, 1> {
  static T of(const T x[]) {
#pragma HLS INLINE
    return x[0];
  }
};

// The table entry for a non-negative value: its code shifted right by `shift`, clamped to the last entry.
template <unsigned shift, unsigned size, class T>
unsigned table_index(const T& value) {
#pragma HLS INLINE
  const ap_uint<T::width> code = value.range(T::width - 1, 0);
  const ap_uint<T::width> bin = code >> shift;
  return bin > size - 1 ? size - 1 : static_cast<unsigned>(bin.to_uint());
}

template <class data_T, class res_T, typename CONFIG_T>
void softmax(const data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_in],
             const typename CONFIG_T::exp_table_t exp_table[CONFIG_T::exp_table_size],
             const typename CONFIG_T::inv_table_t inv_table[CONFIG_T::inv_table_size]) {
#pragma HLS PIPELINE II = CONFIG_T::reuse_factor
#pragma HLS ARRAY_PARTITION variable = data complete
#pragma HLS ARRAY_PARTITION variable = res complete
  const data_T x_max = max_tree<data_T, CONFIG_T::n_in>::of(data);

  typename CONFIG_T::exp_table_t exps[CONFIG_T::n_in];
#pragma HLS ARRAY_PARTITION variable = exps complete
  typename CONFIG_T::sum_t sum = 0;
  for (unsigned i = 0; i < CONFIG_T::n_in; i++) {
#pragma HLS UNROLL
    const typename CONFIG_T::diff_t d = x_max - data[i];
    exps[i] = exp_table[table_index<CONFIG_T::exp_index_shift, CONFIG_T::exp_table_size>(d)];
    sum += exps[i];
  }

  // The maximum contributes exp_table[0], the largest entry, so the rest of the sum is never negative.
  const typename CONFIG_T::sum_t rest = sum - exp_table[0];
  const typename CONFIG_T::inv_table_t inverse = inv_table[table_index<CONFIG_T::inv_index_shift, CONFIG_T::inv_table_size>(rest)];
  for (unsigned i = 0; i < CONFIG_T::n_in; i++) {
#pragma HLS UNROLL
    res[i] = exps[i] * inverse;
  }
}

}  // namespace nnet

#endif
