// Codesign.Sdk clean-room ap_fixed / ap_ufixed for g++ C-simulation of generated HLS projects.
// Header-only, C++14 or later, g++ or clang (uses unsigned __int128). Written from the documented semantics of the
// HLS arbitrary-precision types; no vendor code. The C# model Codesign.Hls.Numerics.ApFixedArithmetic implements
// the same rules and the tests compare the two exhaustively on small widths.
//
// Supported:
// - ap_fixed<W,I,Q,O,N>, ap_ufixed<W,I,Q,O,N>, ap_int<W>, ap_uint<W> for 1 <= W <= 128; I may be negative or
//   larger than W. LSB = 2^-(W-I).
// - All seven quantization modes and the overflow modes AP_WRAP, AP_SAT, AP_SAT_ZERO, AP_SAT_SYM. Quantization is
//   applied to the exact source value and overflow to the quantized value, in one step.
// - Construction and assignment from double and float (exact IEEE bits; NaN gives 0, +-inf overflow), from every
//   C integer type (as ap_fixed<N,N> of its size and signedness) and from any other ap type.
// - + - * between any two ap types and with C integers on either side, exact, returning the full-precision type
//   (+: max(I1+(S2&!S1), I2+(S1&!S2))+1 integer bits and max(F1,F2) fractional bits, signed if either is;
//   -: the same but always signed; *: W1+W2, I1+I2). += -= *= compute exactly and then apply the left type's Q/O.
//   Unary minus returns one more bit, signed. ++ and -- add one with the type's Q/O.
// - == != < <= > >= exact across types and with C integers; << >> by a C integer or ap_int keep the type.
// - to_double() (correctly rounded), to_float(), to_int()/to_uint()/to_long()/to_ulong()/to_int64()/to_uint64()
//   (truncation toward zero, then C wrap), to_string(10) exact decimal (also ostream <<), to_string(2|16) raw code,
//   istream >> reads a double. Explicit casts to double, float, bool and C integers; ap_int/ap_uint of W <= 64
//   convert implicitly to long long / unsigned long long. Bit read access x[i], length(); field
//   read access range(hi, lo), x(hi, lo) and range() as an unsigned W-bit value (a reversed field reads as 0).
//
// Not supported (compile-time errors, by design or not yet needed):
// - W > 128, including any + - * whose full-precision result would exceed 128 bits (storage is one __int128).
// - N > 0 (forced saturation bits of AP_WRAP) and AP_WRAP_SM: no generated design uses them.
// - Division, bitwise & | ^ ~, range/bit assignment, construction from strings, operators with double operands
//   (as in the vendor library, a double operand must be converted first).
#ifndef CODESIGN_AP_FIXED_H
#define CODESIGN_AP_FIXED_H

#include "ap_int.h"

#endif  // CODESIGN_AP_FIXED_H
