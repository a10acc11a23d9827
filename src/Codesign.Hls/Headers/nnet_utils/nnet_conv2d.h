// Codesign.Sdk nnet_utils: 2-D convolution over channels-last images, io_parallel, latency strategy.
//
// data is [in_height][in_width][n_chan], res is [out_height][out_width][n_filt] and weights are
// [filt_height][filt_width][n_chan][n_filt] (HWIO), all flattened row-major. Each output pixel is a dense layer over
// its receptive field: bias, then the exact sum of products in accum_t (see nnet_dense.h for why that is exact in any
// order), then one cast to res_T. Zero padding contributes zero products, so padded taps are skipped.
#ifndef NNET_CONV2D_H_
#define NNET_CONV2D_H_

#include "nnet_common.h"

namespace nnet {

struct conv2d_config {
  static const unsigned in_height = 1;
  static const unsigned in_width = 1;
  static const unsigned n_chan = 1;
  static const unsigned filt_height = 1;
  static const unsigned filt_width = 1;
  static const unsigned n_filt = 1;
  static const unsigned stride_height = 1;
  static const unsigned stride_width = 1;
  static const unsigned pad_top = 0;
  static const unsigned pad_bottom = 0;
  static const unsigned pad_left = 0;
  static const unsigned pad_right = 0;
  static const unsigned out_height = 1;
  static const unsigned out_width = 1;
  static const unsigned io_type = io_parallel;
  static const unsigned strategy = latency;
  static const unsigned reuse_factor = 1;
  static const unsigned multiplier_limit = 1;
};

template <class data_T, class res_T, typename CONFIG_T>
void conv_2d_cl(
    const data_T data[CONFIG_T::in_height * CONFIG_T::in_width * CONFIG_T::n_chan],
    res_T res[CONFIG_T::out_height * CONFIG_T::out_width * CONFIG_T::n_filt],
    const typename CONFIG_T::weight_t weights[CONFIG_T::filt_height * CONFIG_T::filt_width * CONFIG_T::n_chan * CONFIG_T::n_filt],
    const typename CONFIG_T::bias_t biases[CONFIG_T::n_filt]) {
#pragma HLS PIPELINE II = CONFIG_T::reuse_factor
#pragma HLS ARRAY_PARTITION variable = data complete
#pragma HLS ARRAY_PARTITION variable = res complete
#pragma HLS ARRAY_PARTITION variable = weights complete
#pragma HLS ARRAY_PARTITION variable = biases complete
#pragma HLS ALLOCATION operation instances = mul limit = CONFIG_T::multiplier_limit
  // Signed copies so that a tap left of or above the image compares as negative.
  const int in_height = CONFIG_T::in_height;
  const int in_width = CONFIG_T::in_width;

  for (unsigned oy = 0; oy < CONFIG_T::out_height; oy++) {
    for (unsigned ox = 0; ox < CONFIG_T::out_width; ox++) {
      typename CONFIG_T::accum_t acc[CONFIG_T::n_filt];
#pragma HLS ARRAY_PARTITION variable = acc complete
      for (unsigned f = 0; f < CONFIG_T::n_filt; f++) {
        acc[f] = biases[f];
      }
      for (unsigned ky = 0; ky < CONFIG_T::filt_height; ky++) {
        const int iy = static_cast<int>(oy * CONFIG_T::stride_height + ky) - static_cast<int>(CONFIG_T::pad_top);
        for (unsigned kx = 0; kx < CONFIG_T::filt_width; kx++) {
          const int ix = static_cast<int>(ox * CONFIG_T::stride_width + kx) - static_cast<int>(CONFIG_T::pad_left);
          if (iy < 0 || iy >= in_height || ix < 0 || ix >= in_width) {
            continue;
          }
          const unsigned pixel = (static_cast<unsigned>(iy) * CONFIG_T::in_width + static_cast<unsigned>(ix)) * CONFIG_T::n_chan;
          const unsigned tap = (ky * CONFIG_T::filt_width + kx) * CONFIG_T::n_chan;
          for (unsigned c = 0; c < CONFIG_T::n_chan; c++) {
            for (unsigned f = 0; f < CONFIG_T::n_filt; f++) {
              acc[f] += data[pixel + c] * weights[(tap + c) * CONFIG_T::n_filt + f];
            }
          }
        }
      }
      const unsigned out = (oy * CONFIG_T::out_width + ox) * CONFIG_T::n_filt;
      for (unsigned f = 0; f < CONFIG_T::n_filt; f++) {
        res[out + f] = acc[f];
      }
    }
  }
}

}  // namespace nnet

#endif
