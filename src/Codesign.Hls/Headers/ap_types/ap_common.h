// Codesign.Sdk clean-room arbitrary-precision types for g++ C-simulation: shared enums and the exact arithmetic
// engine behind ap_fixed / ap_ufixed / ap_int / ap_uint. Written from the documented semantics only (no vendor code).
//
// Everything here works on runtime values so that a conversion is the same few functions whatever the template
// arguments are: the class templates in ap_fixed_base.h only pass their W, F, S, Q and O along.
#ifndef CODESIGN_AP_COMMON_H
#define CODESIGN_AP_COMMON_H

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

// The integer values are part of the interface: HLS tools print them in module names.
enum ap_q_mode {
  AP_RND = 0,          // round to nearest, ties toward +inf
  AP_RND_ZERO = 1,     // round to nearest, ties toward zero
  AP_RND_MIN_INF = 2,  // round to nearest, ties toward -inf
  AP_RND_INF = 3,      // round to nearest, ties away from zero
  AP_RND_CONV = 4,     // round to nearest, ties to even
  AP_TRN = 5,          // truncate toward -inf (drop bits)
  AP_TRN_ZERO = 6      // truncate toward zero
};

enum ap_o_mode {
  AP_SAT = 0,       // clamp to min / max
  AP_SAT_ZERO = 1,  // any overflow gives 0
  AP_SAT_SYM = 2,   // clamp to +-max (signed: the most negative code is never produced)
  AP_WRAP = 3,      // keep the low W bits
  AP_WRAP_SM = 4    // sign-magnitude wrap: declared for completeness, rejected by ap_fixed_base (not implemented)
};

namespace ap_detail {

// __extension__ keeps -Wpedantic quiet: __int128 is a GNU extension that g++ and clang both provide.
__extension__ typedef unsigned __int128 u128;
__extension__ typedef __int128 s128;

// The n low bits set, for n in [0, 128].
inline u128 low_mask(int n) { return n >= 128 ? ~u128(0) : (u128(1) << n) - 1; }

// The storage invariant of every ap value: the low w bits are the code, the bits above repeat its sign (signed)
// or are zero (unsigned). Then plain 128-bit modular + - * on stored bits is exact whenever the true result
// fits in 128 bits, which the result-type rules guarantee.
inline u128 normalize(u128 bits, int w, bool is_signed) {
  if (w >= 128) return bits;
  const u128 mask = low_mask(w);
  bits &= mask;
  if (is_signed && ((bits >> (w - 1)) & 1) != 0) bits |= ~mask;
  return bits;
}

// A 129-bit two's-complement integer: value = bits - (neg ? 2^128 : 0). It holds every code of every W <= 128
// type, signed or unsigned, so conversions never have to ask which kind of source they read.
struct wide {
  u128 bits;
  bool neg;
};

inline wide make_wide(u128 stored_bits, bool is_signed) {
  wide v;
  v.bits = stored_bits;
  v.neg = is_signed && static_cast<s128>(stored_bits) < 0;
  return v;
}

inline wide wide_of(bool neg, u128 bits) {
  wide v;
  v.bits = bits;
  v.neg = neg;
  return v;
}

// Bit i of the infinitely sign-extended value.
inline bool bit_at(const wide& v, int i) { return i >= 128 ? v.neg : ((v.bits >> i) & 1) != 0; }

// True when any of the n lowest bits (of the sign-extended value) is set.
inline bool any_below(const wide& v, int n) {
  if (n <= 0) return false;
  if (n < 128) return (v.bits & low_mask(n)) != 0;
  return v.bits != 0 || (n > 128 && v.neg);
}

// floor(v / 2^k) for k >= 0: the two's-complement drop of k low bits.
inline wide shift_right_floor(const wide& v, int k) {
  if (k <= 0) return v;
  if (k >= 128) return wide_of(v.neg, v.neg ? ~u128(0) : u128(0));
  return wide_of(v.neg, v.neg ? ~(~v.bits >> k) : v.bits >> k);
}

// v + 1. Only called on a value that was shifted right at least once, so it cannot leave the 129-bit range.
inline wide increment(const wide& v) {
  wide r = wide_of(v.neg, v.bits + 1);
  if (v.neg && r.bits == 0) r.neg = false;  // -1 + 1 = 0
  return r;
}

inline int compare(const wide& a, const wide& b) {
  if (a.neg != b.neg) return a.neg ? -1 : 1;
  return a.bits < b.bits ? -1 : (a.bits > b.bits ? 1 : 0);
}

// Exact comparison of a * 2^-fa with b * 2^-fb without scaling either side (scaling could need more than 129 bits):
// with s = fb - fa > 0, write b = q * 2^s + r (0 <= r < 2^s); then a * 2^s < b iff a < q, or a == q and r != 0.
inline int compare_scaled(const wide& a, int fa, const wide& b, int fb) {
  if (fa == fb) return compare(a, b);
  if (fa > fb) return -compare_scaled(b, fb, a, fa);
  const int s = fb - fa;
  const int c = compare(a, shift_right_floor(b, s));
  if (c != 0) return c;
  return any_below(b, s) ? -1 : 0;
}

inline wide max_code(int w, bool is_signed) { return wide_of(false, low_mask(is_signed ? w - 1 : w)); }

inline wide min_code(int w, bool is_signed) {
  return is_signed ? wide_of(true, ~low_mask(w - 1)) : wide_of(false, 0);
}

// Whether quantization adds one LSB to the value truncated toward -inf. s: the value is negative; lsb: the kept
// LSB; qb: the first dropped bit (half an LSB); r: any lower dropped bit.
inline bool rounds_up(ap_q_mode q, bool s, bool lsb, bool qb, bool r) {
  switch (q) {
    case AP_RND: return qb;
    case AP_RND_ZERO: return qb && (s || r);
    case AP_RND_MIN_INF: return qb && r;
    case AP_RND_INF: return qb && (!s || r);
    case AP_RND_CONV: return qb && (lsb || r);
    case AP_TRN: return false;
    case AP_TRN_ZERO: return s && (qb || r);
  }
  return false;
}

enum placement { inside_range, above_range, below_range };

// The overflow step. wrapped: the low w bits of the exact quantized value, already normalized.
inline u128 apply_overflow(placement where, u128 wrapped, int w, bool is_signed, ap_o_mode o) {
  const u128 min_bits = min_code(w, is_signed).bits;
  if (where == inside_range) {
    // AP_SAT_SYM keeps the range symmetric: even an exact minimum becomes -max.
    if (o == AP_SAT_SYM && is_signed && wrapped == min_bits) return normalize(min_bits + 1, w, is_signed);
    return wrapped;
  }
  if (o == AP_WRAP) return wrapped;
  if (o == AP_SAT_ZERO) return 0;
  if (where == above_range) return max_code(w, is_signed).bits;
  return (o == AP_SAT_SYM && is_signed) ? normalize(min_bits + 1, w, is_signed) : min_bits;
}

// Converts the exact value v * 2^-f_src into the stored bits of a type with w bits, f fractional bits, signedness
// is_signed and modes q, o: quantization first (on the exact value), then overflow on the quantized value, so a
// rounding carry can itself overflow. There is no intermediate rounding anywhere.
inline u128 convert(const wide& v, int f_src, int w, int f, bool is_signed, ap_q_mode q, ap_o_mode o) {
  const wide hi = max_code(w, is_signed);
  const wide lo = min_code(w, is_signed);
  const int shift = f_src - f;
  placement where;
  u128 wrapped;
  if (shift >= 0) {
    wide t = shift_right_floor(v, shift);
    if (shift > 0 && rounds_up(q, v.neg, (t.bits & 1) != 0, bit_at(v, shift - 1), any_below(v, shift - 1))) {
      t = increment(t);
    }
    where = compare(t, hi) > 0 ? above_range : (compare(t, lo) < 0 ? below_range : inside_range);
    wrapped = t.bits;
  } else {
    // More fractional bits in the target: v * 2^k, exact but possibly too wide to compute. It lies in [lo, hi]
    // exactly when v lies in [ceil(lo / 2^k), floor(hi / 2^k)], which needs no shifting of v.
    const int k = -shift;
    const wide hi_k = shift_right_floor(hi, k);
    const wide lo_k = (is_signed && k <= w - 1) ? min_code(w - k, true) : wide_of(false, 0);
    where = compare(v, hi_k) > 0 ? above_range : (compare(v, lo_k) < 0 ? below_range : inside_range);
    wrapped = k >= 128 ? u128(0) : v.bits << k;
  }
  return apply_overflow(where, normalize(wrapped, w, is_signed), w, is_signed, o);
}

// A double's exact value as m * 2^-f with m the signed 53-bit significand: no rounding happens here.
inline void decompose(double d, wide& m, int& f) {
  std::uint64_t b;
  std::memcpy(&b, &d, sizeof b);
  const bool neg = (b >> 63) != 0;
  const int e = static_cast<int>((b >> 52) & 0x7ff);
  std::uint64_t significand = b & ((std::uint64_t(1) << 52) - 1);
  if (e != 0) significand |= std::uint64_t(1) << 52;
  f = 1075 - (e == 0 ? 1 : e);  // subnormals share the exponent of the smallest normal
  const u128 magnitude = significand;
  m = (neg && significand != 0) ? wide_of(true, ~magnitude + 1) : wide_of(false, magnitude);
}

// NaN has no fixed-point value and gives 0. An infinity overflows in its direction: it saturates like any too large
// value, and AP_WRAP gives 0 (the low bits of an unbounded power of two).
inline u128 convert_double(double d, int w, int f, bool is_signed, ap_q_mode q, ap_o_mode o) {
  if (std::isnan(d)) return 0;
  if (std::isinf(d)) return apply_overflow(d > 0 ? above_range : below_range, 0, w, is_signed, o);
  wide m;
  int f_src;
  decompose(d, m, f_src);
  return convert(m, f_src, w, f, is_signed, q, o);
}

// Exact decimal printing needs numbers wider than 128 bits (ap_fixed<8,200> is an integer of 200 bits, and a value
// with F fractional bits has F decimal places), so it uses little-endian base-2^32 limbs.
typedef std::vector<std::uint32_t> limbs;

inline bool is_zero(const limbs& n) {
  for (std::size_t i = 0; i < n.size(); ++i) {
    if (n[i] != 0) return false;
  }
  return true;
}

inline void shift_left(limbs& n, int k) {
  n.insert(n.begin(), static_cast<std::size_t>(k / 32), 0u);
  const int bits = k % 32;
  if (bits == 0) return;
  std::uint32_t carry = 0;
  for (std::size_t i = 0; i < n.size(); ++i) {
    const std::uint32_t next = n[i] >> (32 - bits);
    n[i] = (n[i] << bits) | carry;
    carry = next;
  }
  if (carry != 0) n.push_back(carry);
}

inline void shift_right(limbs& n, int k) {
  const std::size_t whole = static_cast<std::size_t>(k / 32);
  n.erase(n.begin(), n.begin() + static_cast<std::ptrdiff_t>(whole < n.size() ? whole : n.size()));
  const int bits = k % 32;
  if (bits == 0) return;
  for (std::size_t i = 0; i < n.size(); ++i) {
    const std::uint32_t high = i + 1 < n.size() ? n[i + 1] << (32 - bits) : 0u;
    n[i] = (n[i] >> bits) | high;
  }
}

inline void keep_low_bits(limbs& n, int k) {
  const std::size_t whole = static_cast<std::size_t>(k / 32);
  if (n.size() > whole + 1) n.resize(whole + 1);
  if (n.size() == whole + 1) n[whole] &= (std::uint32_t(1) << (k % 32)) - 1;
}

inline void multiply_small(limbs& n, std::uint32_t factor) {
  std::uint64_t carry = 0;
  for (std::size_t i = 0; i < n.size(); ++i) {
    const std::uint64_t product = std::uint64_t(n[i]) * factor + carry;
    n[i] = static_cast<std::uint32_t>(product);
    carry = product >> 32;
  }
  if (carry != 0) n.push_back(static_cast<std::uint32_t>(carry));
}

// Divides in place and returns the remainder.
inline std::uint32_t divide_small(limbs& n, std::uint32_t divisor) {
  std::uint64_t remainder = 0;
  for (std::size_t i = n.size(); i-- > 0;) {
    const std::uint64_t current = (remainder << 32) | n[i];
    n[i] = static_cast<std::uint32_t>(current / divisor);
    remainder = current % divisor;
  }
  return static_cast<std::uint32_t>(remainder);
}

// The exact decimal expansion of v * 2^-f: "-12.375", "3", "0.0009765625". Binary fractions always terminate.
inline std::string decimal_string(const wide& v, int f) {
  const u128 magnitude = v.neg ? ~v.bits + 1 : v.bits;
  limbs n;
  for (int i = 0; i < 4; ++i) n.push_back(static_cast<std::uint32_t>(magnitude >> (32 * i)));
  if (f < 0) {
    shift_left(n, -f);
    f = 0;
  }
  limbs integer = n;
  shift_right(integer, f);
  limbs fraction = n;
  keep_low_bits(fraction, f);

  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + divide_small(integer, 10)));
  } while (!is_zero(integer));
  if (v.neg) digits.insert(digits.begin(), '-');
  if (!is_zero(fraction)) {
    digits += '.';
    while (!is_zero(fraction)) {
      // The digit is whatever a multiplication by ten pushes above the binary point.
      multiply_small(fraction, 10);
      limbs above = fraction;
      shift_right(above, f);
      digits += static_cast<char>('0' + (above.empty() ? 0u : above[0]));
      keep_low_bits(fraction, f);
    }
  }
  return digits;
}

// The raw code (low w bits) as "0b..." (radix 2) or "0x..." (radix 16), most significant digit first.
inline std::string code_string(u128 bits, int w, int radix) {
  const int digit_bits = radix == 16 ? 4 : 1;
  const int digits = (w + digit_bits - 1) / digit_bits;
  std::string text = radix == 16 ? "0x" : "0b";
  for (int i = digits - 1; i >= 0; --i) {
    const unsigned digit = static_cast<unsigned>((bits & low_mask(w)) >> (i * digit_bits)) & ((1u << digit_bits) - 1);
    text += "0123456789abcdef"[digit];
  }
  return text;
}

}  // namespace ap_detail

#endif  // CODESIGN_AP_COMMON_H
