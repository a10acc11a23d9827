// Codesign.Sdk nnet_utils: element-wise activations on io_parallel arrays.
#ifndef NNET_ACTIVATION_H_
#define NNET_ACTIVATION_H_

#include "nnet_common.h"

namespace nnet {

struct activ_config {
  static const unsigned n_in = 1;
  static const unsigned reuse_factor = 1;
  static const unsigned io_type = io_parallel;
};

// res = data, cast element by element. The cast is the whole point: a QONNX Quant node becomes this kernel with a
// res_T of ap_fixed<W,I,AP_RND_CONV,AP_SAT> (or ap_ufixed), so rounding half to even and saturation happen exactly
// here, as in the executor's requantization. With equal types it is a plain copy.
template <class data_T, class res_T, typename CONFIG_T>
void linear(const data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_in]) {
#pragma HLS PIPELINE II = CONFIG_T::reuse_factor
#pragma HLS ARRAY_PARTITION variable = data complete
#pragma HLS ARRAY_PARTITION variable = res complete
  for (unsigned i = 0; i < CONFIG_T::n_in; i++) {
#pragma HLS UNROLL
    res[i] = data[i];
  }
}

// res = max(data, 0). Applied to the accumulator (the IR's ReLU keeps its input's format), so the comparison and
// the copy are exact; any narrowing is left to a following linear (Quant) kernel.
template <class data_T, class res_T, typename CONFIG_T>
void relu(const data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_in]) {
#pragma HLS PIPELINE II = CONFIG_T::reuse_factor
#pragma HLS ARRAY_PARTITION variable = data complete
#pragma HLS ARRAY_PARTITION variable = res complete
  for (unsigned i = 0; i < CONFIG_T::n_in; i++) {
#pragma HLS UNROLL
    if (data[i] > 0) {
      res[i] = data[i];
    } else {
      res[i] = 0;
    }
  }
}

}  // namespace nnet

#endif
