// Codesign.Sdk clean-room ap_int<W> / ap_uint<W> for g++ C-simulation of generated HLS projects.
//
// ap_int<W> is ap_fixed<W,W> and ap_uint<W> is ap_ufixed<W,W> (alias templates of ap_fixed_base): same storage,
// same conversion rules (AP_TRN, AP_WRAP: a double is floored, too large values keep their low W bits), same
// full-precision result types. See ap_fixed.h for the supported subset.
#ifndef CODESIGN_AP_INT_H
#define CODESIGN_AP_INT_H

#include "ap_fixed_base.h"

#endif  // CODESIGN_AP_INT_H
